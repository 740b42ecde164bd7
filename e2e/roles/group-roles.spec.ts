import { ROLES } from '../../server/src/db/seed/personas';
import type { AuthzSubject } from '../../src/api/generated/model/authzSubject';
import { scanDialogInBothThemes } from '../administrator/themes';
import { apiAs, type Api } from '../support/api';
import { DEMO_GROUPS, someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, memberIds, uniqueName } from '../support/groups';

/**
 * The Roles tab of a group: what it grants, removing a grant, a group whose roles are off, who sees the
 * tab, and the delete and move confirmations naming the roles members lose. The groups are the spec's own; the
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

test('moving members out of a group names the roles they lose with it and gain with the target', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('wildcard', baseURL!);
  const [stays, ...movers] = await someUsers(api, 3);
  const source = await createGroup(api, { name: uniqueName('Move from editors'), rolesEnabled: true });
  const target = await createGroup(api, { name: uniqueName('Move to auditors'), rolesEnabled: true });
  await addMembers(api, source.id, { memberIds: [stays!.id, ...movers.map((p) => p.id)] });
  // One of them is in the target already: they stay in both, and keep what the source grants.
  await addMembers(api, target.id, { memberIds: [stays!.id] });
  await grant(api, source.id, ROLES.groupEditor.id, '*');
  await grant(api, target.id, ROLES.directoryAuditor.id, '*');

  await signIn(page, 'wildcard', `/groups/${source.id}`);
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByText('Move (take them out of here)').click();
  await dialog.getByRole('radio', { name: 'Everyone (3)' }).check();
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await dialog.getByRole('button', { name: `Move to ${target.name}` }).click();

  const confirm = page.getByRole('dialog', { name: `Move 3 people to ${target.name}?` });
  await expect(confirm).toContainText(
    `2 people lose Group Editor in all divisions, which they hold through ${source.name}.`,
  );
  await expect(confirm).toContainText(`2 people gain Directory Auditor in all divisions through ${target.name}.`);
  await expect(confirm).toContainText(`1 of them is already in ${target.name} and stays as they are.`);
  await scanDialogInBothThemes(page, 'move confirmation naming roles');
  await confirm.getByRole('button', { name: 'Move 3 people' }).click();

  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText(`Remove from ${source.name}`);
  expect([...(await memberIds(api, source.id))]).toEqual([stays!.id]);
  expect((await memberIds(api, target.id)).size).toBe(3);
});

test('a move by someone who may not view grants says nothing about roles', async ({ page, baseURL }) => {
  const wildcard = await apiAs('wildcard', baseURL!);
  const people = await someUsers(wildcard, 2);
  const source = await createGroup(wildcard, { name: uniqueName('Move unseen grants'), rolesEnabled: true });
  const target = await createGroup(wildcard, { name: uniqueName('Move unseen target') });
  await addMembers(wildcard, source.id, { memberIds: people.map((p) => p.id) });
  await grant(wildcard, source.id, ROLES.groupEditor.id, '*');

  // The admin persona edits every group but holds no authorization permission.
  await signIn(page, 'admin', `/groups/${source.id}`);
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByText('Move (take them out of here)').click();
  await dialog.getByRole('radio', { name: 'Everyone (2)' }).check();
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await dialog.getByRole('button', { name: `Move to ${target.name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Move 2 people to ${target.name}?` });
  await expect(confirm).toContainText(`Those ${target.name} takes are then removed from ${source.name}.`);
  await expect(confirm).not.toContainText('Group Editor');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
});
