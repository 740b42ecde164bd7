import { ROLES } from '../../server/src/db/seed/personas';
import { scanDialogInBothThemes } from '../administrator/themes';
import { apiAs, type Api } from '../support/api';
import { someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, memberIds, uniqueName } from '../support/groups';

/**
 * Taking people out of groups from the person drawer and from the Compare page names the roles they
 * lose, leaving out those another group they stay in still gives them. The roles granted here are held
 * by no generated person, so what the people held before is only what these groups give.
 */

const grant = (api: Api, groupId: string, roleIds: string[]) =>
  api.post(`/api/v2/authorization/subjects/${groupId}/bulkadd?subjectType=PC_GROUP`, {
    grants: roleIds.map((roleId) => ({ roleId, divisionId: '*' })),
  });

const rolesGroup = async (api: Api, label: string, memberIdList: string[], roleIds: string[]) => {
  const group = await createGroup(api, { name: uniqueName(label), rolesEnabled: true });
  await addMembers(api, group.id, { memberIds: memberIdList });
  await grant(api, group.id, roleIds);
  return group;
};

test("removing a person from several groups in their drawer names each group's roles they lose", async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('wildcard', baseURL!);
  const [person] = await someUsers(api, 1);
  const sales = await rolesGroup(api, 'Leave sales', [person!.id], [ROLES.auditViewer.id, ROLES.groupAdministrator.id]);
  const nights = await rolesGroup(api, 'Leave nights', [person!.id], [ROLES.orgAdministrator.id]);
  // She stays here, and keeps Group Administrator through it.
  const stays = await rolesGroup(api, 'Leave stays', [person!.id], [ROLES.groupAdministrator.id]);

  await signIn(page, 'wildcard', `/groups/${stays.id}?user=${person!.id}`);
  const drawer = page.getByRole('dialog', { name: person!.name });
  const remove = drawer.getByRole('combobox', { name: 'Remove from groups' });
  await remove.click();
  await drawer.getByRole('option', { name: sales.name }).click();
  await drawer.getByRole('option', { name: nights.name }).click();
  await page.keyboard.press('Escape');
  await drawer.getByRole('button', { name: 'Apply 2 changes' }).click();

  const confirm = page.getByRole('dialog', { name: `Change 2 groups for ${person!.name}?` });
  // In the order of the list of groups (by name).
  await expect(confirm).toContainText(
    `${person!.name} loses ${ROLES.orgAdministrator.name} in all divisions, held through ${nights.name}; and ` +
      `${ROLES.auditViewer.name} in all divisions, held through ${sales.name}.`,
  );
  await expect(confirm).not.toContainText(ROLES.groupAdministrator.name);
  await scanDialogInBothThemes(page, "person's groups removal naming roles");
  await confirm.getByRole('button', { name: 'Change 2 groups' }).click();

  await expect(drawer.getByRole('status').filter({ hasText: 'Done' })).toContainText(
    `Remove from ${nights.name}: 1 removed`,
  );
  expect((await memberIds(api, sales.id)).has(person!.id)).toBe(false);
  expect((await memberIds(api, stays.id)).has(person!.id)).toBe(true);
});

test('removing people from a compared group names the roles each loses with it', async ({ page, baseURL }) => {
  const api = await apiAs('wildcard', baseURL!);
  const [ann, bo, cy] = await someUsers(api, 3);
  // Ann and Bo are only in A; Ann keeps Audit Viewer through a third group. Cy is in both.
  const a = await rolesGroup(
    api,
    'Compare roles A',
    [ann!.id, bo!.id, cy!.id],
    [ROLES.auditViewer.id, ROLES.orgAdministrator.id],
  );
  const b = await rolesGroup(api, 'Compare roles B', [cy!.id], [ROLES.orgAdministrator.id]);
  await rolesGroup(api, 'Compare roles other', [ann!.id], [ROLES.auditViewer.id]);

  await signIn(page, 'wildcard', `/groups/compare?a=${a.id}&b=${b.id}`);
  await page.getByRole('button', { name: `Remove from ${a.name}: all 2` }).click();
  const confirm = page.getByRole('dialog', { name: `Remove 2 people from ${a.name}?` });
  await expect(confirm).toContainText(
    `${ann!.name} loses ${ROLES.orgAdministrator.name} in all divisions, held through ${a.name}.`,
  );
  await expect(confirm).toContainText(
    `${bo!.name} loses ${ROLES.auditViewer.name} in all divisions and ${ROLES.orgAdministrator.name} in all divisions, held through ${a.name}.`,
  );
  await scanDialogInBothThemes(page, 'compare removal naming roles');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // Cy, in both, keeps what B gives too.
  await page.getByRole('tab', { name: /^In both/ }).click();
  await page.getByRole('button', { name: `Remove from ${a.name}: all 1` }).click();
  const one = page.getByRole('dialog', { name: `Remove 1 person from ${a.name}?` });
  await expect(one).toContainText(
    `${cy!.name} loses ${ROLES.auditViewer.name} in all divisions, held through ${a.name}.`,
  );
  await expect(one).not.toContainText(ROLES.orgAdministrator.name);
  await one.getByRole('button', { name: 'Remove 1 person' }).click();
  await expect(
    page
      .getByRole('dialog', { name: `Remove from ${a.name}` })
      .getByRole('status')
      .filter({ hasText: 'Done' }),
  ).toBeVisible();
  expect((await memberIds(api, a.id)).has(cy!.id)).toBe(false);
});
