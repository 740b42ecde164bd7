import { createGroup, uniqueName } from '../support/groups';
import { apiWithToken, tokenFor } from '../support/api';
import { DEMO_GROUPS, PERSONAS } from '../support/data';
import { expect, signIn } from '../support/fixtures';
import { testWithOwnServer } from '../support/own-server';

/**
 * A role assigned to a group on its Roles tab reaches its members, and leaves with them. On a dedicated
 * server: the supervisor persona gains Group Editor here, which the shared server's other specs must
 * not see.
 */
const test = testWithOwnServer();

test('a role assigned on the Roles tab lets members edit groups, and removing a member says what they lose', async ({
  page,
  baseURL,
}) => {
  const supervisor = PERSONAS.supervisor;
  const api = apiWithToken(await tokenFor('wildcard', baseURL!), baseURL!);
  const group = await createGroup(api, { name: uniqueName('Editors through roles'), rolesEnabled: true });
  await api.post(`/api/v2/groups/${group.id}/members`, { memberIds: [supervisor.id], version: group.version });
  // A group the supervisor neither owns nor may edit yet.
  const elsewhere = `/groups/${DEMO_GROUPS.small.id}`;
  const editLink = page.getByRole('link', { name: 'Edit' });

  await signIn(page, 'supervisor', elsewhere);
  await expect(page.getByRole('heading', { name: DEMO_GROUPS.small.name })).toBeVisible();
  await expect(editLink).toHaveCount(0);

  // The administrator assigns Group Editor on the Roles tab.
  await signIn(page, 'wildcard', `/groups/${group.id}?tab=roles`);
  await expect(page.getByRole('tab', { name: 'Roles' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('This group grants no roles')).toBeVisible();
  await page.getByRole('button', { name: 'Assign roles' }).click();
  const dialog = page.getByRole('dialog', { name: `Assign roles to ${group.name}` });
  await dialog.getByRole('combobox', { name: 'Role' }).fill('editor');
  await page.getByRole('option', { name: 'Group Editor' }).click();
  // The home division is chosen to start with.
  await expect(dialog.getByText('Home (home)')).toBeVisible();
  await dialog.getByRole('button', { name: 'Assign role' }).click();
  await expect(dialog).toBeHidden();
  const granted = page.getByRole('list', { name: 'Granted roles' }).getByRole('listitem', { name: 'Group Editor' });
  await expect(granted).toContainText('Divisions: Home');
  await expect(granted).toContainText('2 permissions');

  // The member now holds the role: the Edit control appears on a group they do not own.
  await signIn(page, 'supervisor', elsewhere);
  await expect(page.getByRole('heading', { name: DEMO_GROUPS.small.name })).toBeVisible();
  await expect(editLink).toBeVisible();

  // The person drawer names the role they hold through the group.
  await signIn(page, 'wildcard', `/groups/${group.id}?user=${supervisor.id}`);
  const drawer = page.getByRole('dialog', { name: supervisor.name });
  await expect(
    drawer
      .getByRole('list', { name: `Groups of ${supervisor.name}` })
      .getByRole('listitem')
      .filter({ hasText: group.name }),
  ).toContainText('Grants Group Editor in Home');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();

  // The administrator removes them; the confirmation names the role they lose.
  await page.getByRole('checkbox', { name: `Select ${supervisor.name}` }).check();
  await page.getByRole('button', { name: 'Remove selected (1)' }).click();
  const confirm = page.getByRole('dialog', { name: /^Remove 1 member from / });
  await expect(confirm).toContainText('1 person loses Group Editor in Home, which they hold through this group.');
  await confirm.getByRole('button', { name: 'Remove 1 member' }).click();
  await expect(page.getByText(`Removed 1 member from ${group.name}`)).toBeVisible();

  // Signed in again, the control is gone.
  await signIn(page, 'supervisor', elsewhere);
  await expect(page.getByRole('heading', { name: DEMO_GROUPS.small.name })).toBeVisible();
  await expect(editLink).toHaveCount(0);
});
