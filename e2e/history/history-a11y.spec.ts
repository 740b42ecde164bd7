import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, THEMES, VIEWPORTS, type ViewportName } from '../support/a11y';
import { PERSONAS, someUsers } from '../support/data';
import { expect, navigateInApp, signIn, test } from '../support/fixtures';
import { addMembers, createGroup, deleteGroup, updateGroup } from '../support/groups';

/**
 * axe on the change history's screens (History tab, its revert and conflict dialogs, the person
 * drawer's membership history, Recently deleted and its restore dialog) in both themes, at desktop
 * and phone width, plus the keyboard path through a revert.
 */
for (const theme of THEMES) {
  for (const viewportName of Object.keys(VIEWPORTS) as ViewportName[]) {
    test.describe(`${theme} theme, ${viewportName}`, () => {
      test.use({ colorScheme: theme, viewport: VIEWPORTS[viewportName], reducedMotion: 'reduce' });
      test.describe.configure({ timeout: 120_000 });
      const scan = (page: Page, state: string) =>
        assertNoSeriousA11yViolations(page, { state: `${state}, ${theme}, ${viewportName}`, soft: true });

      test('history tab, revert dialogs, membership history, Recently deleted and restore', async ({
        page,
        baseURL,
      }) => {
        const admin = await apiAs('admin', baseURL!);
        // The owner counts as a member: the creation's entry also lists them as added.
        const group = await createGroup(admin, {
          description: 'Before',
          ownerIds: [PERSONAS.editor.id],
          includeOwners: true,
        });
        const edited = await updateGroup(admin, group.id, {
          version: group.version,
          description: 'After',
          visibility: 'members',
        });
        const [person] = await someUsers(admin, 1);
        await addMembers(admin, group.id, { memberIds: [person!.id], version: edited.version });
        const doomed = await createGroup(admin, { description: 'Deleted for the scan' });
        await deleteGroup(admin, doomed.id);

        await signIn(page, 'admin', `/groups/${group.id}?tab=history`);
        const change = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` });
        await expect(change).toBeVisible();
        await scan(page, 'history tab');

        // The exact time shows on keyboard focus.
        await change.locator('time').focus();
        await expect(page.getByRole('tooltip')).toBeVisible();
        await scan(page, 'history tab, exact time tooltip');
        await page.keyboard.press('Escape');

        // Revert by keyboard: the button, then the dialog's confirm.
        await change.getByRole('button', { name: 'Revert' }).focus();
        await page.keyboard.press('Enter');
        const confirm = page.getByRole('dialog', { name: 'Revert this change?' });
        await expect(confirm).toBeVisible();
        await scan(page, 'revert dialog');
        // Someone else saves first: the revert meets the conflict dialog.
        await updateGroup(admin, group.id, { version: edited.version + 1, name: `${group.name} 2` });
        await confirm.getByRole('button', { name: 'Revert' }).focus();
        await page.keyboard.press('Enter');
        const conflict = page.getByRole('dialog', { name: 'Someone else changed this group' });
        await expect(conflict).toBeVisible();
        await scan(page, 'revert conflict dialog');
        await page.keyboard.press('Escape');
        await expect(conflict).toBeHidden();

        await page
          .getByRole('article', { name: /^Members added/ })
          .getByRole('button', { name: person!.name })
          .click();
        const drawer = page.getByRole('dialog', { name: person!.name });
        await expect(drawer.getByRole('list', { name: 'Membership history' })).toBeVisible();
        await scan(page, 'person drawer, membership history');
        await page.keyboard.press('Escape');
        // Closed, and its ?user= gone from the address, before the console is sent elsewhere.
        await expect(drawer).toBeHidden();
        await expect(page).not.toHaveURL(/[?&]user=/);

        await navigateInApp(page, '/groups/deleted');
        const entry = page.getByRole('article', { name: doomed.name });
        await expect(entry).toBeVisible();
        await scan(page, 'recently deleted');
        await entry.getByRole('button', { name: `Restore ${doomed.name}` }).click();
        await expect(page.getByRole('dialog', { name: `Restore ${doomed.name}?` })).toBeVisible();
        await scan(page, 'restore dialog');
        await page.keyboard.press('Escape');
      });
    });
  }
}
