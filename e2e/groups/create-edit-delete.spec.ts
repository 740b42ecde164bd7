import type { Page } from '@playwright/test';
import { DEMO_GROUPS, PERSONAS } from '../../server/src/db/seed/personas';
import type { GroupCreate } from '../../src/api/generated/model/groupCreate';
import { apiAs, apiWithToken } from '../support/api';
import { afterIdleWork, assertNoSeriousA11yViolations, expect, pageToken, signIn, test } from '../support/fixtures';
import { createGroup, getGroup, uniqueName } from '../support/groups';

const createGroupViaApi = async (baseURL: string, name: string, extra: Partial<GroupCreate> = {}) =>
  createGroup(await apiAs('admin', baseURL), { name, ...extra });

const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });

const addPhone = async (page: Page, n: number, type: 'Group ring' | 'Group phone', number: string, extension = '') => {
  await page.getByRole('button', { name: 'Add phone number' }).click();
  await page.getByRole('combobox', { name: `Phone ${n} type` }).click();
  await page.getByRole('option', { name: type, exact: true }).click();
  await page.getByRole('textbox', { name: `Phone ${n} number` }).fill(number);
  if (extension) await page.getByRole('textbox', { name: `Phone ${n} extension` }).fill(extension);
};

const addOwner = async (page: Page, search: string, name: string) => {
  await page.getByRole('textbox', { name: 'Owners' }).fill(search);
  await page.getByRole('option', { name: new RegExp(name) }).click();
};

const searchGroups = async (page: Page, text: string) => {
  await page.goto('/groups');
  await page.getByRole('searchbox', { name: 'Search groups' }).fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(text);
};

test.describe('creating, editing and deleting groups', () => {
  test('creates a group with every field and finds it by search', async ({ page, baseURL }) => {
    const name = uniqueName('Create');
    await signIn(page, 'admin', '/groups/new');
    await expect(page.getByRole('heading', { name: 'Create group', level: 1 })).toBeVisible();

    await nameField(page).fill(name);
    await page.getByRole('textbox', { name: 'Description' }).fill('Everything filled in by the end-to-end test.');
    await page.getByRole('radio', { name: 'Social' }).click();
    await page.getByRole('radio', { name: 'Members only' }).check();
    await page.getByRole('checkbox', { name: 'Membership rules visible' }).uncheck();
    await page.getByRole('checkbox', { name: 'Include owners as members' }).check();
    await page.getByRole('checkbox', { name: 'Roles enabled' }).check();
    await page.getByRole('checkbox', { name: 'Calls enabled' }).check();
    await addPhone(page, 1, 'Group phone', '+1 317 555 0142', '77');
    await addPhone(page, 2, 'Group ring', '317-555-0143');
    await addOwner(page, 'Olivia', PERSONAS.owner.name);
    await expect(page.getByRole('button', { name: `Remove ${PERSONAS.owner.name}` })).toBeVisible();

    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    await expect(page.getByText(`Created ${name}`)).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await getGroup(await apiAs('admin', baseURL!), id);
    expect(saved).toMatchObject({
      name,
      description: 'Everything filled in by the end-to-end test.',
      type: 'social',
      visibility: 'members',
      rulesVisible: false,
      includeOwners: true,
      rolesEnabled: true,
      callsEnabled: true,
    });
    expect(saved.addresses?.map(({ type, address, extension }) => ({ type, address, extension }))).toEqual([
      { type: 'GROUPPHONE', address: '+1 317 555 0142', extension: '77' },
      { type: 'GROUPRING', address: '317-555-0143', extension: undefined },
    ]);
    expect(saved.owners?.map((o) => o.id)).toEqual([PERSONAS.owner.id]);

    await searchGroups(page, name);
    await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link', { name })).toBeVisible();
  });

  test('shows client-side validation errors without calling the server', async ({ page }) => {
    await signIn(page, 'admin', '/groups/new');
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v2/groups') posted += 1;
    });
    await addPhone(page, 1, 'Group ring', 'call me maybe');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(nameField(page)).toHaveAccessibleDescription(/Enter a name\./);
    await expect(nameField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Phone 1 number' })).toHaveAccessibleDescription(
      /Use digits, an optional leading \+/,
    );
    await nameField(page).fill(uniqueName('Invalid'));
    await page.getByRole('textbox', { name: 'Phone 1 number' }).fill('12');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(page.getByRole('textbox', { name: 'Phone 1 number' })).toHaveAccessibleDescription(/3 to 20 digits/);
    expect(posted).toBe(0);
    await expect(page).toHaveURL(/\/groups\/new$/);
  });

  test.describe('server validation', () => {
    test.use({ allowedConsoleErrors: [/status of 400 \(Bad Request\)/] });

    test('shows the server’s refusal of a duplicate name on the name field', async ({ page }) => {
      await signIn(page, 'admin', '/groups/new');
      await nameField(page).fill(DEMO_GROUPS.allStaff.name.toUpperCase());
      const answer = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v2/groups',
      );
      await page.getByRole('button', { name: 'Create group' }).click();
      expect((await answer).status()).toBe(400);
      await expect(nameField(page)).toHaveAccessibleDescription(/already exists/);
      await expect(page).toHaveURL(/\/groups\/new$/);
    });
  });

  test('edits a group and saves it with its version', async ({ page, baseURL }) => {
    const name = uniqueName('Edit');
    const group = await createGroupViaApi(baseURL!, name, { description: 'Before' });
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    await expect(page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();
    await expect(nameField(page)).toHaveValue(name);
    await expect(page.getByRole('radio', { name: 'Official' })).toBeDisabled();
    await page.getByTestId('group-type-fixed').hover();
    await expect(page.getByRole('tooltip')).toHaveText("Type can't change after creation");
    await assertNoSeriousA11yViolations(page);

    await page.getByRole('textbox', { name: 'Description' }).fill('After');
    await page.getByRole('radio', { name: 'Owners only' }).check();
    await addPhone(page, 1, 'Group ring', '555 0100');
    const put = page.waitForRequest((r) => r.method() === 'PUT');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await put).postDataJSON()).toMatchObject({
      version: group.version,
      description: 'After',
      visibility: 'owners',
    });
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
    await expect(page.getByText(`Saved ${name}`)).toBeVisible();

    const saved = await getGroup(await apiAs('admin', baseURL!), group.id);
    expect(saved).toMatchObject({ description: 'After', visibility: 'owners', version: group.version + 1 });
    expect(saved.addresses?.map((a) => a.address)).toEqual(['555 0100']);
  });

  test('asks before leaving with unsaved changes, and staying keeps the input', async ({ page, baseURL }) => {
    const name = uniqueName('Unsaved');
    const group = await createGroupViaApi(baseURL!, name);
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    await nameField(page).fill(`${name} (renamed)`);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Groups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/groups/${group.id}/edit$`));
    await expect(nameField(page)).toHaveValue(`${name} (renamed)`);

    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Leave and discard changes' }).click();
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
    const saved = await getGroup(await apiAs('admin', baseURL!), group.id);
    expect(saved.name).toBe(name);
  });

  test('keeps the unsaved edit across signing in again, and the draft can be discarded', async ({ page, baseURL }) => {
    const name = uniqueName('Draft');
    const group = await createGroupViaApi(baseURL!, name, { description: 'Saved text' });
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    await page.getByRole('textbox', { name: 'Description' }).fill('Typed before the session ended');

    // The session ends on the server (token revoked): the next save gets a 401 and sign-in starts.
    await afterIdleWork(page);
    await apiWithToken(await pageToken(page), baseURL!).delete('/api/v2/tokens/me');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/oauth\/authorize/);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL(new RegExp(`/groups/${group.id}/edit$`));
    await expect(page.getByText('Unsaved draft restored')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Typed before the session ended');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByText('Unsaved draft restored')).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Description' })).toHaveValue('Saved text');
    // Nothing unsaved any more: leaving does not ask.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/groups/${group.id}$`));
  });

  test('deletes a group after its name is typed, and it leaves the list and search', async ({ page, baseURL }) => {
    const name = uniqueName('Delete');
    const group = await createGroupViaApi(baseURL!, name, { ownerIds: [PERSONAS.owner.id], includeOwners: true });
    await signIn(page, 'admin', `/groups/${group.id}`);
    await page.getByRole('button', { name: 'Delete' }).click();

    const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(dialog).toContainText('1 member');
    await expect(dialog.getByRole('listitem')).toHaveText([PERSONAS.owner.name]);
    const confirm = dialog.getByRole('button', { name: 'Delete group' });
    await expect(confirm).toBeDisabled();
    const typed = dialog.getByRole('textbox', { name: /Type the group's name/ });
    await typed.fill(name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await typed.fill(name);
    await expect(confirm).toBeEnabled();
    await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
    await confirm.click();

    await page.waitForURL((url) => url.pathname === '/groups');
    await expect(page.getByText(`Deleted ${name}`)).toBeVisible();
    await searchGroups(page, name);
    await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link', { name })).toHaveCount(0);
    await expect(page.getByText('No groups match')).toBeVisible();

    const api = await apiAs('admin', baseURL!);
    await expect(getGroup(api, group.id)).rejects.toMatchObject({ status: 404 });
  });
});
