import { readFile } from 'node:fs/promises';
import { apiAs } from '../support/api';
import { expect, signIn, test, waitForNetworkQuiet } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith } from '../support/groups';
import { memberTableRows } from '../support/members';

test('compare says why each person is in the group', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 3);
  const a = await groupWith(api, 'why A', users.slice(0, 2));
  const b = await groupWith(api, 'why B', users.slice(2, 3));

  await signIn(page, 'admin', `/groups/compare?a=${a.id}&b=${b.id}`);
  const rows = memberTableRows(page);
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('Individual');
  await page.getByRole('tab', { name: /^Only in E2E why B/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Individual');
});

test('unreadable groups in the address give one error, not one per request', async ({ page }) => {
  const missingA = '00000000-0000-4000-8000-00000000000a';
  const missingB = '00000000-0000-4000-8000-00000000000b';
  await signIn(page, 'admin', `/groups/compare?a=${missingA}&b=${missingB}`);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('Could not load groups A and B');
  // It stays one once every request has answered.
  await waitForNetworkQuiet(page);
  await expect(page.getByRole('alert')).toHaveCount(1);
});

test('the copy report counts in words, says why, and downloads under a plain file name', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 3);
  const source = await groupWith(api, 'report source', users);
  const target = await groupWith(api, 'report target', users.slice(0, 2));

  await signIn(page, 'admin', `/groups/${source.id}`);
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await dialog.getByRole('button', { name: `Copy to ${target.name}` }).click();
  await page
    .getByRole('dialog', { name: `Copy 3 people to ${target.name}?` })
    .getByRole('button', { name: 'Copy 3 people' })
    .click();

  const report = dialog.getByRole('status').filter({ hasText: 'Done' });
  await expect(report).toContainText(`Add to ${target.name}: 2 already members`);
  await expect(report).toContainText(`Add to ${target.name}: 1 added`);
  const lines = dialog.getByRole('table', { name: 'Report lines' }).locator('tbody tr');
  await expect(lines).toHaveCount(3);
  for (const line of await lines.all()) await expect(line.locator('td').nth(3)).toHaveText('Individual');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download report (CSV)' }).click();
  const file = await download;
  const slug = source.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  expect(file.suggestedFilename()).toBe(`${slug}-copy-report.csv`);
  const text = (await readFile(await file.path())).toString('utf8');
  expect(text).toContain('Already a member');
  expect(text).toContain('Individual');
});
