import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith, memberIds } from '../support/groups';
import { memberTableRows } from '../support/members';

test('compares two groups, checks the counts against the API, and adds the A-only set to B', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 22);
  const shared = users.slice(0, 5);
  const a = await groupWith(api, 'compare A', [...shared, ...users.slice(5, 15)]);
  const b = await groupWith(api, 'compare B', [...shared, ...users.slice(15, 22)]);

  // From group A's page, through its Compare action.
  await signIn(page, 'admin', `/groups/${a.id}`);
  await page.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/compare\\?a=${a.id}$`));
  await page.getByRole('combobox', { name: 'Group B' }).fill(b.name);
  await page.getByRole('option', { name: b.name }).click();
  await expect(page).toHaveURL(new RegExp(`b=${b.id}`));

  const idsA = await memberIds(api, a.id);
  const idsB = await memberIds(api, b.id);
  const onlyA = [...idsA].filter((id) => !idsB.has(id)).length;
  const onlyB = [...idsB].filter((id) => !idsA.has(id)).length;
  const both = [...idsA].filter((id) => idsB.has(id)).length;
  expect([onlyA, onlyB, both]).toEqual([10, 7, 5]);
  await expect(page.getByRole('tab', { name: `Only in ${a.name} (${onlyA})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `Only in ${b.name} (${onlyB})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `In both (${both})` })).toBeVisible();
  const rows = memberTableRows(page);
  await expect(rows).toHaveCount(10);
  await assertNoSeriousA11yViolations(page);

  // The "in both" set, exported.
  await page.getByRole('tab', { name: /In both/ }).click();
  await expect(rows).toHaveCount(5);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const text = (await readFile(await (await download).path())).toString('utf8').replace(/^\uFEFF/, '');
  const csv = Papa.parse<string[]>(text.trim()).data;
  expect(
    csv
      .slice(1)
      .map((r) => r[5])
      .sort(),
  ).toEqual(shared.map((u) => u.id).sort());

  // Add everyone only in A to B: the counts follow.
  await page.getByRole('tab', { name: /^Only in E2E compare A/ }).click();
  await page.getByRole('button', { name: `Add to ${b.name}: all 10` }).click();
  await page
    .getByRole('dialog', { name: `Add 10 people to ${b.name}?` })
    .getByRole('button', { name: 'Add 10 people' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Add to ${b.name}` });
  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText(`Add to ${b.name}: 10 added`);
  await assertNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('tab', { name: `Only in ${a.name} (0)` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `In both (15)` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `Only in ${b.name} (7)` })).toBeVisible();
  expect((await memberIds(api, b.id)).size).toBe(22);
});
