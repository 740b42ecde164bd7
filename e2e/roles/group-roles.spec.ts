import { ROLES } from '../../server/src/db/seed/personas';
import type { AuthzSubject } from '../../src/api/generated/model/authzSubject';
import { apiAs, type Api } from '../support/api';
import { DEMO_GROUPS, someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, uniqueName } from '../support/groups';

/**
 * The Roles tab of a group: what it grants, removing a grant, a group whose roles are off, who sees the
 * tab, and the delete confirmation naming the roles members lose. The groups are the spec's own; the
 * people given roles here are no personas.
 */

const grant = (api: Api, groupId: string, roleId: string, divisionId: string) =>
  api.post(`/api/v2/authorization/subjects/${groupId}/bulkadd?subjectType=PC_GROUP`, {
    grants: [{ roleId, divisionId }],
  });

test('removing a grant asks first, and the group then grants nothing', async ({ page, baseURL }) => {
  const api = await apiAs('wildcard', baseURL!);
  const group = await createGroup(api, { name: uniqueName('Auditors'), rolesEnabled: true });
  await grant(api, group.id, ROLES.directoryAuditor.id, '*');

  await signIn(page, 'wildcard', `/groups/${group.id}?tab=roles`);
  const role = page.getByRole('list', { name: 'Granted roles' }).getByRole('listitem', { name: 'Directory Auditor' });
  await expect(role).toContainText('Divisions: All divisions');
  await expect(role).toContainText('5 permissions');
  await expect(role).toContainText(/Granted \w+/);

  await role.getByRole('button', { name: 'Remove Directory Auditor' }).click();
  const confirm = page.getByRole('dialog', { name: `Remove Directory Auditor from ${group.name}?` });
  await expect(confirm).toContainText('The group no longer grants Directory Auditor in all divisions.');
  await confirm.getByRole('button', { name: 'Remove role' }).click();
  await expect(page.getByText('This group grants no roles')).toBeVisible();
  await expect(role).toHaveCount(0);
  expect((await api.get<AuthzSubject>(`/api/v2/authorization/subjects/${group.id}`)).grants).toEqual([]);

  // History tells both changes in words.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('article', { name: /^Roles granted by / })).toContainText(
    'Role Directory Auditor granted in all divisions',
  );
  await expect(page.getByRole('article', { name: /^Roles removed by / })).toContainText(
    'Role Directory Auditor removed in all divisions',
  );
});

test('a group whose roles are off says so and offers no assigning', async ({ page }) => {
  await signIn(page, 'wildcard', `/groups/${DEMO_GROUPS.rolesDisabled.id}?tab=roles`);
  await expect(page.getByRole('tab', { name: 'Roles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Roles are off' })).toBeVisible();
  await expect(page.getByText('This group grants no roles')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign roles' })).toHaveCount(0);
});

test('without the permission to view grants there is no Roles tab', async ({ page }) => {
  // The admin persona administers groups but holds no authorization permission.
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.groupAdministrators.id}?tab=roles`);
  await expect(page.getByRole('tab', { name: /^Members/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Roles' })).toHaveCount(0);
});

test('deleting a group names the roles its members lose with it', async ({ page, baseURL }) => {
  const api = await apiAs('wildcard', baseURL!);
  const group = await createGroup(api, { name: uniqueName('Granting editors'), rolesEnabled: true });
  const people = await someUsers(api, 2);
  await addMembers(api, group.id, { memberIds: people.map((p) => p.id) });
  await grant(api, group.id, ROLES.groupEditor.id, '*');

  await signIn(page, 'wildcard', `/groups/${group.id}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${group.name}?` });
  await expect(dialog).toContainText(
    '2 people lose Group Editor in all divisions, which they hold through this group.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('turning roles off names what the members lose, and the Roles tab then says roles are off', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('wildcard', baseURL!);
  const group = await createGroup(api, { name: uniqueName('Roles off'), rolesEnabled: true });
  const people = await someUsers(api, 2);
  await addMembers(api, group.id, { memberIds: people.map((p) => p.id) });
  await grant(api, group.id, ROLES.groupEditor.id, '*');

  await signIn(page, 'wildcard', `/groups/${group.id}/edit`);
  await page.getByRole('checkbox', { name: 'Roles enabled' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  const confirm = page.getByRole('dialog', { name: `Turn roles off for ${group.name}?` });
  await expect(confirm).toContainText(
    '2 people lose Group Editor in all divisions, which they hold through this group.',
  );
  await confirm.getByRole('button', { name: 'Turn roles off and save' }).click();

  await expect(page).toHaveURL(new RegExp(`/groups/${group.id}$`));
  await page.getByRole('tab', { name: 'Roles' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Roles are off' })).toBeVisible();
  // The grant stays, suspended.
  await expect(page.getByRole('listitem', { name: 'Group Editor' })).toBeVisible();
});
