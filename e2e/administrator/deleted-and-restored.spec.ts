import type { Api } from '../support/api';
import { apiAs } from '../support/api';
import { THEMES } from '../support/a11y';
import { PERSONAS } from '../support/data';
import { assertNoSeriousA11yViolations, expect, navigateInApp, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup, type GroupBody, uniqueName } from '../support/groups';

/**
 * Deleted groups as an administrator meets them: Recently deleted offers Restore only for a group not
 * restored yet and keeps a failed restore's error until dismissed; a link to a deleted group leads on
 * to its restored copy or its Recently deleted entry instead of a bare 404.
 */

// A restore refused because another group took the name answers 400.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 400/] });

/** Restores a deleted group as the console does: POST /groups with the deleted group's id in X-Restored-From-Group. */
const restoreThroughApi = async (api: Api, baseURL: string, deleted: GroupBody): Promise<GroupBody> => {
  const response = await fetch(new URL('/api/v2/groups', baseURL), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${api.token}`,
      'Content-Type': 'application/json',
      'X-Restored-From-Group': deleted.id,
    },
    body: JSON.stringify({ name: deleted.name, type: 'official', visibility: 'public', rulesVisible: true }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GroupBody;
};

test.describe('Recently deleted', () => {
  test('an entry already restored shows Restored with its group, and no Restore', async ({ page, baseURL }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin, { ownerIds: [PERSONAS.editor.id] });
    await deleteGroup(admin, group.id);
    const restored = await restoreThroughApi(admin, baseURL!, group);

    await signIn(page, 'admin', '/groups/deleted');
    const entry = page.getByRole('article', { name: group.name });
    await expect(entry.getByText('Restored', { exact: true })).toBeVisible();
    await expect(entry.getByRole('button', { name: `Restore ${group.name}` })).toHaveCount(0);
    await entry.getByRole('link', { name: restored.name }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${restored.id}$`));
  });

  test('a failed restore stays on its entry until dismissed', async ({ page, baseURL }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin);
    await deleteGroup(admin, group.id);
    // Another group took the name meanwhile: the restore is refused.
    await createGroup(admin, { name: group.name });

    await page.clock.install();
    await signIn(page, 'admin', '/groups/deleted');
    const entry = page.getByRole('article', { name: group.name });
    await entry.getByRole('button', { name: `Restore ${group.name}` }).click();
    await page
      .getByRole('dialog', { name: `Restore ${group.name}?` })
      .getByRole('button', { name: 'Restore group' })
      .click();
    const failure = entry.getByRole('alert').filter({ hasText: 'Could not restore the group' });
    await expect(failure).toBeVisible();
    await expect(failure.getByTestId('error-reference')).toBeVisible();

    // Long after any notification would have closed, it is still there.
    await page.clock.fastForward(60_000);
    await expect(failure).toBeVisible();
    await failure.getByRole('button', { name: 'Dismiss' }).click();
    await expect(failure).toHaveCount(0);
  });
});

test.describe('A link to a deleted group', () => {
  test('leads to its Recently deleted entry, pointed out', async ({ page, baseURL }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin, { name: uniqueName('Deleted link') });
    await deleteGroup(admin, group.id);

    await signIn(page, 'admin', `/groups/${group.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'This group was deleted' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`${group.name} was deleted by ${PERSONAS.admin.name}`);
    await page.getByRole('link', { name: 'See it in Recently deleted' }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/deleted\\?group=${group.id}$`));
    const entry = page.getByRole('article', { name: group.name });
    await expect(entry).toHaveAttribute('aria-current', 'true');
    await expect(entry).toContainText('The group you followed a link to.');
  });

  test('leads to its restored copy, also from the copy’s History', async ({ page, baseURL }) => {
    const admin = await apiAs('admin', baseURL!);
    const group = await createGroup(admin);
    await deleteGroup(admin, group.id);
    const restored = await restoreThroughApi(admin, baseURL!, group);

    await signIn(page, 'admin', `/groups/${restored.id}?tab=history`);
    const created = page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` });
    await created.getByRole('link', { name: group.id }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/deleted\\?group=${group.id}$`));
    await expect(page.getByRole('article', { name: group.name })).toHaveAttribute('aria-current', 'true');

    await page.goto(`/groups/${group.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'This group was deleted' })).toBeVisible();
    await page.getByRole('link', { name: 'Open the restored group' }).click();
    await expect(page).toHaveURL(new RegExp(`/groups/${restored.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: restored.name })).toBeVisible();
  });
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('the deleted group page and Recently deleted with a restored, a pointed-out and a failed entry pass axe', async ({
      page,
      baseURL,
    }) => {
      const admin = await apiAs('admin', baseURL!);
      const restoredOne = await createGroup(admin);
      await deleteGroup(admin, restoredOne.id);
      await restoreThroughApi(admin, baseURL!, restoredOne);
      const taken = await createGroup(admin);
      await deleteGroup(admin, taken.id);
      await createGroup(admin, { name: taken.name });

      await signIn(page, 'admin', `/groups/${taken.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'This group was deleted' })).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `deleted group page, ${theme}`, soft: true });
      await navigateInApp(page, `/groups/${restoredOne.id}`);
      await expect(page.getByRole('link', { name: 'Open the restored group' })).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `restored group's old page, ${theme}`, soft: true });

      await navigateInApp(page, `/groups/deleted?group=${taken.id}`);
      const entry = page.getByRole('article', { name: taken.name });
      await entry.getByRole('button', { name: `Restore ${taken.name}` }).click();
      await page
        .getByRole('dialog', { name: `Restore ${taken.name}?` })
        .getByRole('button', { name: 'Restore group' })
        .click();
      await expect(entry.getByRole('alert')).toBeVisible();
      await expect(
        page.getByRole('article', { name: restoredOne.name }).getByText('Restored', { exact: true }),
      ).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `Recently deleted, ${theme}`, soft: true });
    });
  });
}
