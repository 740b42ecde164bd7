import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith, memberIds } from '../support/groups';

test('adds people pasted as a mail address list and as spreadsheet cells', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const [member, ann, bob, cara] = await someUsers(api, 4);
  const group = await groupWith(api, 'paste list', [member!]);
  await signIn(page, 'admin', `/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  await dialog.getByText('Paste a list').click();
  // What Outlook puts on the clipboard, then two rows copied from a spreadsheet.
  const pasted = [
    `${ann!.name} <${ann!.email}>; "${member!.name}" <${member!.email}>;`,
    `${bob!.name}\tSales\t${bob!.email}`,
    `${cara!.name}\tSupport\t${cara!.email}`,
  ].join('\n');
  await dialog.getByRole('textbox', { name: 'Emails or names' }).fill(pasted);
  await dialog.getByRole('button', { name: 'Check list' }).click();
  const checked = dialog.getByRole('table', { name: 'Checked list' });
  await expect(checked.locator('tbody tr')).toHaveCount(4);
  await expect(checked.getByRole('row', { name: new RegExp(ann!.email) })).toContainText('Matched');
  await expect(checked.getByRole('row', { name: new RegExp(member!.email) })).toContainText('Already a member');
  await expect(checked.getByRole('row', { name: new RegExp(bob!.email) })).toContainText('Matched');
  await expect(dialog.getByText('Not found: 0')).toBeVisible();
  await assertNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Add 3 people' }).click();
  await page
    .getByRole('dialog', { name: `Add 3 people to ${group.name}?` })
    .getByRole('button', { name: 'Add 3 people' })
    .click();
  await expect(dialog.getByRole('status').filter({ hasText: '3 people added' })).toBeVisible();
  expect([...(await memberIds(api, group.id))].sort()).toEqual([member!.id, ann!.id, bob!.id, cara!.id].sort());
});
