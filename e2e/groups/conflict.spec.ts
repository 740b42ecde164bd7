import type { Browser, Page } from '@playwright/test';
import { apiAs } from '../support/api';
import type { PersonaKey } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, getGroup, uniqueName } from '../support/groups';

/** A second, independent browser session (its own storage, as another person's browser). */
const openSecondSession = async (browser: Browser, persona: PersonaKey, path: string) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, persona, path);
  return { context, page, errors };
};

const field = (page: Page, name: 'Name' | 'Description') => page.getByRole('textbox', { name, exact: true });
const save = (page: Page) => page.getByRole('button', { name: 'Save changes' }).click();

/**
 * A new group open in the admin's edit form (`page`), which the editor, in a second session, has just
 * saved with `theirDescription`: the admin's form is now one version behind.
 */
const editedBehindTheAdminsBack = async (
  page: Page,
  browser: Browser,
  baseURL: string,
  label: string,
  theirDescription: string,
) => {
  const admin = await apiAs('admin', baseURL);
  const name = uniqueName(label);
  const group = await createGroup(admin, { name, description: 'Original description' });
  const editPath = `/groups/${group.id}/edit`;
  await signIn(page, 'admin', editPath);
  const other = await openSecondSession(browser, 'editor', editPath);
  await field(other.page, 'Description').fill(theirDescription);
  await save(other.page);
  await other.page.waitForURL(new RegExp(`/groups/${group.id}$`));
  return { admin, name, group, other };
};

test.describe('editing a group someone else is editing', () => {
  test('the second save gets the conflict dialog and re-applying keeps both changes', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The editor saves first.
    const { admin, name, group, other } = await editedBehindTheAdminsBack(
      page,
      browser,
      baseURL!,
      'Conflict',
      'Description from the editor',
    );

    // The admin, still on the version loaded earlier, renames the group and saves.
    await field(page, 'Name').fill(`${name} renamed`);
    await page.getByRole('radio', { name: 'Members only' }).check();
    const conflictAnswer = page.waitForResponse((r) => r.request().method() === 'PUT');
    await save(page);
    expect((await conflictAnswer).status()).toBe(409);

    const dialog = page.getByRole('dialog', { name: 'Someone else changed this group' });
    await expect(dialog).toBeVisible();
    const table = dialog.getByRole('table', { name: 'Changes since you started editing' });
    const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
    await expect(row('Description')).toContainText('Description from the editor');
    await expect(row('Description')).toContainText('was Original description');
    await expect(row('Name')).toContainText(`${name} renamed`);
    await expect(row('Visibility')).toContainText('Members only');

    const retry = page.waitForRequest((r) => r.method() === 'PUT');
    await dialog.getByRole('button', { name: 'Re-apply my changes' }).click();
    expect((await retry).postDataJSON()).toMatchObject({
      version: group.version + 1,
      name: `${name} renamed`,
      description: 'Description from the editor',
      visibility: 'members',
    });
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));

    const saved = await getGroup(admin, group.id);
    expect(saved).toMatchObject({
      name: `${name} renamed`,
      description: 'Description from the editor',
      visibility: 'members',
      version: group.version + 2,
    });
    expect(other.errors).toEqual([]);
    await other.context.close();
  });

  test('reload discards the user’s edits and continues from the new version', async ({ page, browser, baseURL }) => {
    const { admin, name, group, other } = await editedBehindTheAdminsBack(page, browser, baseURL!, 'Reload', 'Theirs');

    await field(page, 'Description').fill('Mine');
    await save(page);
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this group' });
    await expect(dialog.getByText('Both of you changed the same fields')).toBeVisible();
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await expect(dialog).toBeHidden();
    await expect(field(page, 'Description')).toHaveValue('Theirs');

    // Saving now goes out with the new version and succeeds.
    await field(page, 'Name').fill(`${name} after reload`);
    const put = page.waitForResponse((r) => r.request().method() === 'PUT');
    await save(page);
    expect((await put).status()).toBe(200);
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
    const saved = await getGroup(admin, group.id);
    expect(saved).toMatchObject({ name: `${name} after reload`, description: 'Theirs', version: group.version + 2 });
    await other.context.close();
  });
});
