import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { someUsers } from '../support/data';
import { groupWith, memberIds } from '../support/groups';

test('moves a person from one group to another from the person drawer', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const [person, other] = await someUsers(api, 2);
  const from = await groupWith(api, 'drawer from', [person!, other!]);
  const to = await groupWith(api, 'drawer to', [other!]);

  await signIn(page, 'admin', `/groups/${from.id}?user=${person!.id}`);
  const drawer = page.getByRole('dialog', { name: person!.name });
  const groups = drawer.getByRole('list', { name: `Groups of ${person!.name}` });
  await expect(groups.getByRole('link', { name: from.name })).toBeVisible();

  await drawer.getByRole('combobox', { name: 'Add to groups' }).fill(to.name);
  await drawer.getByRole('option', { name: to.name }).click();
  await drawer.getByRole('combobox', { name: 'Remove from groups' }).click();
  await drawer.getByRole('option', { name: from.name }).click();
  await page.keyboard.press('Escape');
  await assertNoSeriousA11yViolations(page);
  await drawer.getByRole('button', { name: 'Apply 2 changes' }).click();
  await page
    .getByRole('dialog', { name: `Change 2 groups for ${person!.name}?` })
    .getByRole('button', { name: 'Change 2 groups' })
    .click();

  const report = drawer.getByRole('status').filter({ hasText: 'Done' });
  await expect(report).toContainText(`Add to ${to.name}: 1 added`);
  await expect(report).toContainText(`Remove from ${from.name}: 1 removed`);
  await expect(groups.getByRole('link', { name: to.name })).toBeVisible();
  await expect(groups.getByRole('link', { name: from.name })).toHaveCount(0);
  expect((await memberIds(api, to.id)).has(person!.id)).toBe(true);
  expect((await memberIds(api, from.id)).has(person!.id)).toBe(false);
  expect((await memberIds(api, from.id)).has(other!.id)).toBe(true);
  await assertNoSeriousA11yViolations(page);
});

test('a supervisor, who may change no group, sees no controls to change groups', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const [person] = await someUsers(api, 1);
  const group = await groupWith(api, 'drawer view', [person!]);
  await signIn(page, 'supervisor', `/groups/${group.id}?user=${person!.id}`);
  const drawer = page.getByRole('dialog', { name: person!.name });
  await expect(drawer.getByRole('list', { name: `Groups of ${person!.name}` })).toBeVisible();
  await expect(drawer.getByText('Change groups')).toHaveCount(0);
  await expect(drawer.getByRole('combobox', { name: 'Add to groups' })).toHaveCount(0);
});
