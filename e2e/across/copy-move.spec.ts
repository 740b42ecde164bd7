import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { addMembers, getGroup, groupWith, memberIds } from '../support/groups';
import { someUsers } from '../support/data';

test('copies 120 members while another client edits the target: a 409 mid-way, a full report, nobody lost', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const other = await apiAs('editor', baseURL!);
  const users = await someUsers(api, 130);
  const sourceMembers = users.slice(0, 120);
  const outsider = users[125]!;
  // The target already has 3 of the source's members and 2 others.
  const source = await groupWith(api, 'copy source', sourceMembers);
  const target = await groupWith(api, 'copy target', [...sourceMembers.slice(0, 3), ...users.slice(120, 122)]);

  let posts = 0;
  const statuses: number[] = [];
  await page.route(`**/api/v2/groups/${target.id}/members`, async (route) => {
    if (route.request().method() === 'POST') {
      posts += 1;
      if (posts === 2) {
        // Another client changes the target between the console's first and second batch.
        const now = await getGroup(other, target.id);
        await addMembers(other, target.id, { memberIds: [outsider.id], version: now.version });
      }
      const response = await route.fetch();
      statuses.push(response.status());
      await route.fulfill({ response });
      return;
    }
    await route.continue();
  });

  await signIn(page, 'admin', `/groups/${source.id}`);
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByRole('radio', { name: 'Everyone (120)' }).check();
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await assertNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: `Copy to ${target.name}` }).click();
  // More than 100 people: the count is typed in to confirm.
  const confirm = page.getByRole('dialog', { name: `Copy 120 people to ${target.name}?` });
  await confirm.getByRole('textbox', { name: 'Type 120 to confirm' }).fill('120');
  await confirm.getByRole('button', { name: 'Copy 120 people' }).click();

  const report = dialog.getByRole('status').filter({ hasText: 'Done' });
  await expect(report).toContainText(`Add to ${target.name}: 3 already members`);
  await expect(report).toContainText(`Add to ${target.name}: 117 added`);
  await expect(dialog.getByRole('table', { name: 'Report lines' }).locator('tbody tr')).toHaveCount(120);
  expect(statuses).toContain(409);
  expect(statuses.filter((s) => s === 202)).toHaveLength(3);

  const after = await memberIds(api, target.id);
  for (const u of [...sourceMembers, outsider, users[120]!, users[121]!]) expect(after.has(u.id)).toBe(true);
  expect(after.size).toBe(123);
  expect((await memberIds(api, source.id)).size).toBe(120);
  await assertNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
});
