import { readFile } from 'node:fs/promises';
import { apiAs } from '../support/api';
import { someUsers } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup, getGroup, searchGroups, uniqueName } from '../support/groups';
import { scanDialogInBothThemes } from './themes';

test('a filtered view exported with "Export view" imports back: nothing rejected, a deleted group made again', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const [ann, bob] = await someUsers(api, 2);
  const prefix = uniqueName('round trip');
  const kept = await createGroup(api, {
    name: `${prefix} Kept`,
    description: 'Stays as it is',
    visibility: 'members',
    ownerIds: [ann!.id, bob!.id],
  });
  const removed = await createGroup(api, {
    name: `${prefix} Removed`,
    description: '- made again from the file',
    type: 'social',
    rulesVisible: false,
    ownerIds: [bob!.id],
  });

  await signIn(page, 'admin', `/groups?q=${encodeURIComponent(prefix)}`);
  await expect(page.getByRole('table', { name: 'Groups' }).locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Export view' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export 2 groups' });
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download CSV' }).click();
  const csv = (await readFile(await (await download).path())).toString('utf8').replace(/^\uFEFF/, '');
  await expect(exportDialog.getByRole('status')).toHaveText('Exported 2 groups.');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // As in an org that lacks one of the groups.
  await deleteGroup(api, removed.id);

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import groups from CSV' });
  await dialog.getByRole('textbox', { name: 'Or paste the CSV' }).fill(csv);
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  const dry = dialog.getByRole('table', { name: 'Dry run' });
  await expect(dry.locator('tbody tr')).toHaveCount(2);
  const summary = dialog.getByRole('group', { name: 'Dry run summary' });
  await expect(summary).toContainText('Invalid: 0');
  await expect(dry.locator('tbody tr').filter({ hasText: kept.name })).toContainText('Unchanged');
  await expect(dry.locator('tbody tr').filter({ hasText: removed.name })).toContainText('Will be created');
  await expect(dry.locator('tbody tr').filter({ hasText: removed.name })).toContainText('0 members, 1 owner');
  await expect(dialog.getByText(/The Member count column holds member counts/)).toBeVisible();
  await scanDialogInBothThemes(page, 'import, dry run of an exported view');

  await dialog.getByRole('button', { name: 'Create 1 group' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Done' })).toContainText('1 created');

  const found = await searchGroups<{ results: Array<{ id: string; name: string }> }>(api, {
    query: [{ type: 'EXACT', fields: ['name'], value: removed.name }],
  });
  expect(found.results).toHaveLength(1);
  const made = await getGroup(api, found.results[0]!.id);
  expect({
    description: made.description,
    type: made.type,
    visibility: made.visibility,
    rulesVisible: made.rulesVisible,
    owners: made.owners?.map((o) => o.id),
  }).toEqual({
    description: removed.description,
    type: 'social',
    visibility: 'public',
    rulesVisible: false,
    owners: [bob!.id],
  });
});
