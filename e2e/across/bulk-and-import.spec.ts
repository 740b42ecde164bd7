import { apiAs, ApiCallError } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { getGroup, type GroupBody, groupWith, searchGroups, uniqueName, updateGroup } from '../support/groups';
import { someUsers } from '../support/data';

test('bulk-deletes three groups after one confirmation listing them and their memberships', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 6);
  const prefix = uniqueName('bulk delete');
  const groups: GroupBody[] = [];
  for (const [i, members] of [users.slice(0, 1), users.slice(1, 3), users.slice(3, 6)].entries()) {
    const g = await groupWith(api, 'x', members);
    groups.push(await updateGroup(api, g.id, { name: `${prefix} ${i}`, version: g.version }));
  }
  await signIn(page, 'admin', `/groups?q=${encodeURIComponent(prefix)}`);
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await page.getByRole('checkbox', { name: 'Select every group on this page' }).check();
  const bar = page.getByRole('region', { name: 'Selected groups' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete groups' });
  await expect(dialog).toContainText('3 groups and their 6 memberships will be deleted');
  for (const g of groups) await expect(dialog.getByRole('table', { name: 'Groups to delete' })).toContainText(g.name);
  await dialog.getByRole('button', { name: 'Delete 3 groups…' }).click();
  // A delete: the confirmation warns and wants the count typed in.
  const confirm = page.getByRole('dialog', { name: 'Delete 3 groups?' });
  await expect(confirm.getByRole('alert')).toContainText('Delete 3 groups now');
  const go = confirm.getByRole('button', { name: 'Delete 3 groups' });
  await expect(go).toBeDisabled();
  await confirm.getByRole('textbox', { name: 'Type 3 to confirm' }).fill('3');
  await assertNoSeriousA11yViolations(page);
  await go.click();
  await expect(page.getByRole('dialog', { name: 'Groups deleted' }).getByRole('status')).toContainText('3 deleted');
  for (const g of groups) {
    const status = await getGroup(api, g.id).then(
      () => 200,
      (e: unknown) => (e instanceof ApiCallError ? e.status : 0),
    );
    expect(status).toBe(404);
  }
  await page.getByRole('dialog', { name: 'Groups deleted' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('group-total')).toHaveText('0 groups');
  await expect(page.getByRole('region', { name: 'Selected groups' })).toHaveCount(0);
});

test('imports groups from CSV through a dry run of good, invalid and duplicate lines', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const [owner, m1, m2] = await someUsers(api, 3);
  const existing = await groupWith(api, 'import existing', []);
  const prefix = uniqueName('import');
  const csv = [
    'Name,Description,Type,Visibility,Rules visible,Owners,Members',
    `${prefix} Alpha,First site,official,public,true,${owner!.email},"${m1!.name} <${m1!.email}>; ${m2!.email}"`,
    `${prefix} Beta,,social,members,no,,${m1!.email}`,
    `${prefix} Gamma,Bad type,team,public,true,,`,
    `${existing.name},Already there,official,public,true,,`,
    `${prefix} Alpha,Same name again,official,public,true,,`,
    `${prefix} Delta,Unknown member,official,public,true,,nobody-at-all@example.invalid`,
  ].join('\n');
  await signIn(page, 'admin', '/groups');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import groups from CSV' });
  await dialog.getByRole('textbox', { name: 'Or paste the CSV' }).fill(csv);
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  const dry = dialog.getByRole('table', { name: 'Dry run' });
  await expect(dry.locator('tbody tr')).toHaveCount(6);
  const row = (line: number) =>
    dry.locator('tbody tr').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
  await expect(row(2)).toContainText('Will be created');
  await expect(row(2)).toContainText('2 members, 1 owner');
  await expect(row(3)).toContainText('Will be created');
  await expect(row(4)).toContainText('Invalid');
  await expect(row(4)).toContainText('Type "team" is not official or social.');
  await expect(row(5)).toContainText('Already exists');
  await expect(row(6)).toContainText('The same name is on line 2.');
  await expect(row(7)).toContainText('nobody-at-all@example.invalid is not a known user');
  await assertNoSeriousA11yViolations(page);
  // Nothing was created by the dry run.
  const before = await searchGroups<{ total: number }>(api, {
    query: [{ type: 'STARTS_WITH', fields: ['name'], value: prefix }],
  });
  expect(before.total).toBe(0);

  await dialog.getByRole('button', { name: 'Create 2 groups' }).click();
  await page.getByRole('dialog', { name: 'Create 2 groups?' }).getByRole('button', { name: 'Create 2 groups' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText('2 created');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Search groups').fill(prefix);
  const table = page.getByRole('table', { name: 'Groups' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table).toContainText(`${prefix} Alpha`);
  await expect(table).toContainText(`${prefix} Beta`);
  const found = await searchGroups<{
    results: { id: string; name: string; memberCount: number; visibility: string }[];
  }>(api, { query: [{ type: 'STARTS_WITH', fields: ['name'], value: prefix }], sortBy: 'name', sortOrder: 'ASC' });
  expect(found.results.map((g) => [g.name, g.memberCount, g.visibility])).toEqual([
    [`${prefix} Alpha`, 2, 'public'],
    [`${prefix} Beta`, 1, 'members'],
  ]);
});
