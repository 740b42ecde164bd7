import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, THEMES } from '../support/a11y';
import { expect, signIn, test } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith, memberIds } from '../support/groups';

/** axe on the open confirmation, in the light and the dark theme. */
const scanInBothThemes = async (page: Page, state: string) => {
  for (const scheme of THEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `${state}, ${scheme}` });
  }
};

test('compare asks before adding everyone, and above 100 warns and wants the count typed in', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 106);
  const a = await groupWith(api, 'confirm many A', users.slice(0, 101));
  const b = await groupWith(api, 'confirm many B', users.slice(101, 106));

  await signIn(page, 'admin', `/groups/compare?a=${a.id}&b=${b.id}`);
  await expect(page.getByRole('tab', { name: `Only in ${a.name} (101)` })).toBeVisible();
  await page.getByRole('button', { name: `Add to ${b.name}: all 101` }).click();

  // Nothing starts before the answer: a red warning, and the count to type.
  const confirm = page.getByRole('dialog', { name: `Add 101 people to ${b.name}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('alert')).toContainText('More than 100 at once');
  const go = confirm.getByRole('button', { name: 'Add 101 people' });
  await expect(go).toBeDisabled();
  await scanInBothThemes(page, 'confirmation above 100');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: `Add to ${b.name}` })).toHaveCount(0);
  expect((await memberIds(api, b.id)).size).toBe(5);

  await page.getByRole('button', { name: `Add to ${b.name}: all 101` }).click();
  await confirm.getByRole('textbox', { name: 'Type 101 to confirm' }).fill('100');
  await expect(go).toBeDisabled();
  await confirm.getByRole('textbox', { name: 'Type 101 to confirm' }).fill('101');
  await go.click();
  const run = page.getByRole('dialog', { name: `Add to ${b.name}` });
  await expect(run.getByRole('status').filter({ hasText: 'Done' })).toContainText(`Add to ${b.name}: 101 added`);
  expect((await memberIds(api, b.id)).size).toBe(106);
});

test('compare asks before adding a few, naming them, without the stronger warning', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 4);
  const a = await groupWith(api, 'confirm few A', users.slice(0, 3));
  const b = await groupWith(api, 'confirm few B', users.slice(3, 4));

  await signIn(page, 'admin', `/groups/compare?a=${a.id}&b=${b.id}`);
  await page.getByRole('button', { name: `Add to ${b.name}: all 3` }).click();
  const confirm = page.getByRole('dialog', { name: `Add 3 people to ${b.name}?` });
  await expect(confirm).toBeVisible();
  for (const u of users.slice(0, 3)) await expect(confirm).toContainText(u.name);
  await expect(confirm.getByRole('alert')).toHaveCount(0);
  await expect(confirm.getByRole('textbox')).toHaveCount(0);
  await scanInBothThemes(page, 'confirmation of a few');
  await confirm.getByRole('button', { name: 'Add 3 people' }).click();
  const run = page.getByRole('dialog', { name: `Add to ${b.name}` });
  await expect(run.getByRole('status').filter({ hasText: 'Done' })).toContainText(`Add to ${b.name}: 3 added`);
  expect((await memberIds(api, b.id)).size).toBe(4);
});

test('copying the selected members asks first, naming the count and the target group', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 3);
  const source = await groupWith(api, 'confirm copy source', users);
  const target = await groupWith(api, 'confirm copy target', []);

  await signIn(page, 'admin', `/groups/${source.id}`);
  for (const u of users.slice(0, 2)) await page.getByRole('checkbox', { name: `Select ${u.name}` }).check();
  await page.getByRole('button', { name: 'Copy or move…' }).click();
  const dialog = page.getByRole('dialog', { name: /Copy or move members/ });
  await dialog.getByRole('combobox', { name: 'To group' }).fill(target.name);
  await dialog.getByRole('option', { name: target.name }).click();
  await dialog.getByRole('button', { name: `Copy to ${target.name}` }).click();

  const confirm = page.getByRole('dialog', { name: `Copy 2 people to ${target.name}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Cancelled before anything was changed.');
  expect((await memberIds(api, target.id)).size).toBe(0);
});

test('adding several people from a pasted list asks first', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const users = await someUsers(api, 2);
  const group = await groupWith(api, 'confirm paste', []);

  await signIn(page, 'admin', `/groups/${group.id}`);
  await page.getByRole('button', { name: 'Add members' }).first().click();
  const dialog = page.getByRole('dialog', { name: `Add members to ${group.name}` });
  await dialog.getByText('Paste a list').click();
  await dialog.getByRole('textbox', { name: 'Emails or names' }).fill(users.map((u) => u.email).join('\n'));
  await dialog.getByRole('button', { name: 'Check list' }).click();
  await dialog.getByRole('button', { name: 'Add 2 people' }).click();

  const confirm = page.getByRole('dialog', { name: `Add 2 people to ${group.name}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Add 2 people' }).click();
  await expect.poll(async () => (await memberIds(api, group.id)).size).toBe(2);
});
