import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { apiAs, type Api } from '../support/api';
import { someUsers } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, getGroup, uniqueName } from '../support/groups';
import { memberTableRows } from '../support/members';

/** A fresh group with `memberCount` individual members, and some other users not in it. */
const seedGroup = async (api: Api, label: string, memberCount: number) => {
  const users = await someUsers(api, memberCount + 10);
  const members = users.slice(0, memberCount);
  const outsiders = users.slice(memberCount);
  const group = await createGroup(api, { name: uniqueName(label) });
  if (members.length) await addMembers(api, group.id, { memberIds: members.map((m) => m.id) });
  return { group: await getGroup(api, group.id), members, outsiders };
};

test('exports every member with the chosen columns to CSV', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const { group } = await seedGroup(api, 'export', 30);
  await signIn(page, 'admin', `/groups/${group.id}?cols=presence,languages`);
  await expect(memberTableRows(page)).toHaveCount(25);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${group.name}-members.csv`);
  const text = (await readFile(await file.path())).toString('utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text.trim()).data;
  expect(rows[0]).toEqual(['Name', 'Email', 'Title', 'Department', 'State', 'Id', 'Presence', 'Languages']);
  expect(rows.length - 1).toBe(30);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 30 members' })).toBeVisible();
});

test('adds members with the picker, and removes them after confirming', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const { group, members, outsiders } = await seedGroup(api, 'picker', 3);
  await signIn(page, 'admin', `/groups/${group.id}`);
  await expect(memberTableRows(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  const picker = dialog.getByRole('textbox', { name: 'People to add' });
  await picker.fill(members[0]!.email);
  await expect(dialog.getByRole('option', { name: new RegExp(members[0]!.name) })).toContainText('already a member');
  await picker.fill(outsiders[0]!.email);
  await dialog.getByRole('option', { name: new RegExp(outsiders[0]!.name) }).click();
  await assertNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '1 person added' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(memberTableRows(page)).toHaveCount(4);
  await expect(page.getByRole('tab', { name: 'Members (4)' })).toBeVisible();

  await page.getByRole('checkbox', { name: `Select ${outsiders[0]!.name}` }).check();
  await page.getByRole('checkbox', { name: `Select ${members[0]!.name}` }).check();
  await page.getByRole('button', { name: 'Remove selected (2)' }).click();
  const confirm = page.getByRole('dialog', { name: `Remove 2 members from ${group.name}?` });
  await confirm.getByRole('button', { name: 'Remove 2 members' }).click();
  await expect(memberTableRows(page)).toHaveCount(2);
  const after = await getGroup(api, group.id);
  expect(after.memberCount).toBe(2);
});

test('adds members from a pasted list after showing how each line resolved', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const { group, members, outsiders } = await seedGroup(api, 'paste', 2);
  await signIn(page, 'admin', `/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  await dialog.getByText('Paste a list').click();
  const lines = [outsiders[0]!.email, outsiders[1]!.name, members[0]!.email, 'nobody-here@example.invalid'];
  await dialog.getByRole('textbox', { name: 'Emails or names' }).fill(lines.join('\n'));
  await dialog.getByRole('button', { name: 'Check list' }).click();
  const checked = dialog.getByRole('table', { name: 'Checked list' });
  await expect(checked.getByRole('row', { name: new RegExp(lines[2]!) })).toContainText('Already a member');
  await expect(checked.getByRole('row', { name: /nobody-here/ })).toContainText('Not found');
  await expect(checked.getByRole('row', { name: new RegExp(lines[0]!) })).toContainText('Matched');
  const matched = await checked.getByText('Matched', { exact: true }).count();
  expect(matched).toBeGreaterThanOrEqual(1);
  // nothing was sent yet
  expect((await getGroup(api, group.id)).memberCount).toBe(2);
  await dialog.getByRole('button', { name: new RegExp(`^Add ${matched} (person|people)$`) }).click();
  if (matched > 1) {
    await page
      .getByRole('dialog', { name: `Add ${matched} people to ${group.name}?` })
      .getByRole('button', { name: `Add ${matched} people` })
      .click();
  }
  await expect(dialog.getByRole('status').filter({ hasText: /added/ })).toBeVisible();
  expect((await getGroup(api, group.id)).memberCount).toBe(2 + matched);
});

test('a version conflict re-reads the group and retries the batch once', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const { group, outsiders } = await seedGroup(api, 'conflict', 2);
  await signIn(page, 'admin', `/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  await dialog.getByRole('textbox', { name: 'People to add' }).fill(outsiders[0]!.email);
  await dialog.getByRole('option', { name: new RegExp(outsiders[0]!.name) }).click();

  // Someone else changes the group between the console's reading and its request: the version moves on.
  // (Changed any earlier, the open tab would hear of it and read the group again before sending.)
  let interfered = false;
  await page.route(`**/api/v2/groups/${group.id}/members`, async (route) => {
    if (!interfered && route.request().method() === 'POST') {
      interfered = true;
      const current = await getGroup(api, group.id);
      await addMembers(api, group.id, { memberIds: [outsiders[1]!.id], version: current.version });
    }
    await route.continue();
  });

  await dialog.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: /1 person added \(the group changed meanwhile; retried once\)/ }),
  ).toBeVisible();
  expect((await getGroup(api, group.id)).memberCount).toBe(4);
});
