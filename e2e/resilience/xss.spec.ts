import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { expect, signIn } from '../support/fixtures';
import { addMembers, createGroup, type GroupBody } from '../support/groups';
import { testWithOwnServer } from '../support/own-server';
import { membersTable } from '../support/members';

/**
 * Script payloads in group names, descriptions and a user's name render as text everywhere the
 * console shows them. A payload that ran would set `window.__xss` or open a dialog.
 */
const GROUP_NAME = `XSS <img src=x onerror="window.__xss='group name'"> "><script>window.__xss='group script'</script>`;
const OTHER_NAME = `XSS javascript:alert(1) {{constructor.constructor('window.__xss="template"')()}} <img src=x onerror=alert(1)>`;
const DESCRIPTION = `"><script>alert(1)</script> <img src=x onerror="window.__xss='description'"> javascript:window.__xss='href' {{constructor.constructor('alert(1)')()}}`;
const USER_ID = '5e0f6a10-0bad-4a00-8a00-00000000c0de';
const USER_NAME = `Mallory <img src=x onerror="window.__xss='user'"> "><script>window.__xss='user script'</script>`;

const test = testWithOwnServer({
  // A user whose name is a payload, straight into the database before the server starts.
  prepare: (db) => {
    const { division_id: division } = db.prepare('SELECT division_id FROM users LIMIT 1').get() as {
      division_id: string;
    };
    db.prepare(
      `INSERT INTO users (id, name, sort_name, email, username, title, department, division_id)
       VALUES (?, ?, ?, 'mallory@example.com', 'mallory@example.com', ?, ?, ?)`,
    ).run(
      USER_ID,
      USER_NAME,
      USER_NAME.toLowerCase(),
      '<b onmouseover=alert(1)>Title</b>',
      '<svg onload=alert(1)>',
      division,
    );
  },
});
test.describe.configure({ mode: 'default' });

/** The payload groups, created once per server: the main one owned by and including the payload user. */
let created: Promise<{ main: GroupBody; other: GroupBody }> | undefined;
const payloadGroups = (baseURL: string) =>
  (created ??= (async () => {
    const api = await apiAs('admin', baseURL);
    const main = await createGroup(api, { name: GROUP_NAME, description: DESCRIPTION, ownerIds: [USER_ID] });
    await addMembers(api, main.id, { memberIds: [USER_ID] });
    const other = await createGroup(api, { name: OTHER_NAME, description: DESCRIPTION });
    return { main, other };
  })());

const dialogs: string[] = [];
test.beforeEach(({ page }) => {
  dialogs.length = 0;
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

/** Nothing ran: no dialog, no marker, no element built from a payload. */
const assertNothingRan = async (page: Page) => {
  expect(dialogs, 'a payload opened a dialog').toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), 'a payload ran').toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], b[onmouseover]')).toHaveCount(0);
  expect(
    await page.locator('script').evaluateAll((scripts) => scripts.filter((s) => s.textContent?.includes('__xss'))),
  ).toEqual([]);
};

test.afterEach(async ({ page }) => {
  await assertNothingRan(page);
});

test('the list, its search and the command palette show the payloads as text', async ({ page, baseURL }) => {
  const { main, other } = await payloadGroups(baseURL!);
  await signIn(page, 'admin', '/groups?q=XSS');
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.getByRole('link', { name: GROUP_NAME, exact: true })).toHaveAttribute(
    'href',
    `/groups/${main.id}`,
  );
  await expect(table.getByRole('link', { name: OTHER_NAME, exact: true })).toHaveAttribute(
    'href',
    `/groups/${other.id}`,
  );
  await expect(table.getByRole('row').filter({ hasText: GROUP_NAME })).toContainText(USER_NAME); // owners column
  await assertNothingRan(page);

  // Searching by a fragment of markup finds the group by its literal name.
  const fragment = `'group script'</script>`;
  await page.getByRole('searchbox', { name: 'Search groups' }).fill(fragment);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(fragment);
  await expect(table.getByRole('link', { name: GROUP_NAME, exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: OTHER_NAME, exact: true })).toHaveCount(0);
  await assertNothingRan(page);

  // Ctrl+K: both groups with their descriptions, highlighted but literal.
  await page.getByRole('searchbox', { name: 'Search groups' }).blur(); // the shortcut is not taken from a text field
  await page.keyboard.press('Control+k');
  const paletteSearch = page.getByPlaceholder('Search groups or jump to…');
  await expect(paletteSearch).toBeFocused();
  await paletteSearch.fill('XSS');
  const palette = page.getByRole('dialog');
  await expect(palette.getByText(GROUP_NAME, { exact: true })).toBeVisible();
  await expect(palette.getByText(OTHER_NAME, { exact: true })).toBeVisible();
  await expect(palette.getByText(DESCRIPTION, { exact: true }).first()).toBeVisible();
  await assertNothingRan(page);
  await palette.getByText(OTHER_NAME, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${other.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: OTHER_NAME, exact: true })).toBeVisible();
});

test('the group page, its members and owners, and the person drawer show the payloads as text', async ({
  page,
  baseURL,
}) => {
  const { main } = await payloadGroups(baseURL!);
  await signIn(page, 'admin', `/groups/${main.id}`);
  await expect(page.getByRole('heading', { level: 1, name: GROUP_NAME, exact: true })).toBeVisible();
  await expect(page.getByText(DESCRIPTION, { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(GROUP_NAME);
  expect(await page.title()).toContain(GROUP_NAME);

  const members = membersTable(page);
  const person = members.getByRole('button', { name: USER_NAME, exact: true });
  await expect(person).toBeVisible();
  await assertNothingRan(page);

  await person.click();
  const drawer = page.getByRole('dialog', { name: USER_NAME, exact: true });
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText('<b onmouseover=alert(1)>Title</b>');
  await expect(drawer).toContainText('<svg onload=alert(1)>');
  await expect(
    drawer.getByRole('list', { name: `Groups of ${USER_NAME}` }).getByRole('link', { name: GROUP_NAME }),
  ).toBeVisible();
  await assertNothingRan(page);
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('tab', { name: /Owners/ }).click();
  const owners = page.getByRole('table', { name: 'Owners' });
  await expect(owners).toContainText(USER_NAME);
  await assertNothingRan(page);

  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page.getByRole('table', { name: 'General' })).toContainText(GROUP_NAME);
});

test('the edit form and the delete confirmation show the payloads as text', async ({ page, baseURL }) => {
  const { main, other } = await payloadGroups(baseURL!);
  await signIn(page, 'admin', `/groups/${main.id}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${GROUP_NAME}`, exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(GROUP_NAME);
  await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue(DESCRIPTION);
  await expect(page.getByRole('main')).toContainText(USER_NAME); // the owners field
  await assertNothingRan(page);

  await page.goto(`/groups/${other.id}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${OTHER_NAME}?`, exact: true });
  await expect(dialog).toBeVisible();
  await assertNothingRan(page);
  await dialog.getByRole('textbox', { name: /Type the group's name/ }).fill(OTHER_NAME);
  await dialog.getByRole('button', { name: 'Delete group' }).click();
  await page.waitForURL((url) => url.pathname === '/groups');
  await expect(page.getByText(`Deleted ${OTHER_NAME}`, { exact: true })).toBeVisible();
});
