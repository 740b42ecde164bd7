import { apiAs } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith, memberIds } from '../support/groups';

test('a member moved to another group leaves the selection, and the remove confirmation names who goes', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 3);
  const [moved, stays, other] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
  const source = await groupWith(api, 'selection source', users);
  const target = await groupWith(api, 'selection target', []);

  await signIn(page, 'admin', `/groups/${source.id}`);
  await page.getByRole('checkbox', { name: `Select ${moved.name}` }).check();
  await expect(page.getByRole('button', { name: 'Remove selected (1)' })).toBeEnabled();
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByText('Move (take them out of here)').click();
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await dialog.getByRole('button', { name: `Move to ${target.name}` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText(`Remove from ${source.name}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The moved member is gone from the page and from the selection.
  await expect(page.getByRole('checkbox', { name: `Select ${moved.name}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toHaveText('Remove selected');
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toBeDisabled();
  await expect(page.getByText(/\d+ selected/)).toHaveCount(0);

  // Removing another member: the confirmation names them, and the removal is told.
  await page.getByRole('checkbox', { name: `Select ${stays.name}` }).check();
  await page.getByRole('button', { name: 'Remove selected (1)' }).click();
  const confirm = page.getByRole('dialog', { name: `Remove 1 member from ${source.name}?` });
  await expect(confirm).toContainText(stays.name);
  await confirm.getByRole('button', { name: 'Remove 1 member' }).click();
  await expect(page.getByText(`Removed 1 member from ${source.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Remove selected/ })).toHaveText('Remove selected');
  expect([...(await memberIds(api, source.id))]).toEqual([other.id]);
  expect([...(await memberIds(api, target.id))]).toEqual([moved.id]);
});
