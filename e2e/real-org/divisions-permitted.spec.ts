import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, getGroup, uniqueName } from '../support/groups';

/**
 * An org whose `users/me` lists permissions in a shape the console cannot read (here the legacy
 * `group_administration`, which grants nothing by itself): the console asks
 * `GET /api/v2/authorization/divisionspermitted/paged/me` for each permission it gates on, once per
 * sign-in, and offers what the API answers with a division. The server is the embedded one as it is:
 * only the `users/me` answer is reshaped in the browser; divisionspermitted and every write are real.
 */
const DIVISIONS_PERMITTED = '/api/v2/authorization/divisionspermitted/paged/me';

const reshapeUsersMe = async (page: Page) => {
  await page.route(
    (url) => url.pathname === '/api/v2/users/me',
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { authorization?: { permissions?: string[] } };
      if (body.authorization) body.authorization.permissions = ['group_administration'];
      await route.fulfill({ response, json: body });
    },
  );
};

/** Every divisionspermitted request of the page, by permission. */
const askedPermissions = (page: Page): string[] => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === DIVISIONS_PERMITTED) asked.push(url.searchParams.get('permission') ?? '');
  });
  return asked;
};

test('controls follow divisionspermitted where users/me grants nothing readable', async ({ page, baseURL }) => {
  const admin = await apiAs('admin', baseURL!);
  const group = await createGroup(admin, { name: uniqueName('Divisions permitted') });
  await reshapeUsersMe(page);
  const asked = askedPermissions(page);

  // The editor persona holds directory:group:edit (not add or delete) over every division.
  await signIn(page, 'editor', `/groups/${group.id}`);
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { name: group.name, level: 1 })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Add members' }).first()).toBeVisible();
  await expect(main.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create group' })).toHaveCount(
    0,
  );
  // Each permission the console gates on was asked once, the edit permission among them.
  expect(asked).toContain('directory:group:edit');
  expect(asked).toContain('directory:group:delete');
  expect(new Set(asked).size).toBe(asked.length);

  // The server agrees: the edit goes through.
  await main.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('textbox', { name: 'Description' }).fill('Edited on a division grant');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved ${group.name}`)).toBeVisible();
  expect((await getGroup(admin, group.id)).description).toBe('Edited on a division grant');

  // Moving around the console asks nothing again.
  const before = asked.length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Groups' })).toBeVisible();
  await page
    .getByRole('searchbox', { name: /Search/ })
    .or(page.getByRole('textbox', { name: /Search/ }))
    .first()
    .fill(group.name);
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link', { name: group.name })).toBeVisible();
  expect(asked).toHaveLength(before);
});
