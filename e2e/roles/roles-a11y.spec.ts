import { ROLES } from '../../server/src/db/seed/personas';
import { assertNoSeriousA11yViolations, THEMES, VIEWPORTS, type ViewportName } from '../support/a11y';
import { apiAs } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, uniqueName } from '../support/groups';

/** axe on the Roles tab, its assign dialog (and its lists) and the remove confirmation, in both themes and widths. */
for (const theme of THEMES) {
  for (const viewportName of Object.keys(VIEWPORTS) as ViewportName[]) {
    test.describe(`${theme} theme, ${viewportName}`, () => {
      test.use({ colorScheme: theme, viewport: VIEWPORTS[viewportName], reducedMotion: 'reduce' });

      test('the Roles tab, its assign dialog and the remove confirmation', async ({ page, baseURL }) => {
        const scan = (state: string) =>
          assertNoSeriousA11yViolations(page, { state: `${state}, ${theme}, ${viewportName}`, soft: true });
        const api = await apiAs('wildcard', baseURL!);
        const group = await createGroup(api, { name: uniqueName('Roles scan'), rolesEnabled: true });
        await api.post(`/api/v2/authorization/subjects/${group.id}/bulkadd?subjectType=PC_GROUP`, {
          grants: [{ roleId: ROLES.groupEditor.id, divisionId: '*' }],
        });

        await signIn(page, 'wildcard', `/groups/${group.id}?tab=roles`);
        await expect(page.getByRole('listitem', { name: 'Group Editor' })).toBeVisible();
        await scan('roles tab');

        await page.getByRole('button', { name: 'Assign roles' }).click();
        const dialog = page.getByRole('dialog', { name: /^Assign roles to / });
        await expect(dialog.getByText('Home (home)')).toBeVisible();
        await scan('assign roles dialog');
        await dialog.getByRole('combobox', { name: 'Role' }).click();
        await expect(page.getByRole('option', { name: 'Group Editor' })).toBeVisible();
        await scan('assign roles dialog, role list open');
        await dialog.getByRole('combobox', { name: 'Role' }).fill('auditor');
        await page.getByRole('option', { name: 'Directory Auditor' }).click();
        await dialog.getByRole('combobox', { name: 'Divisions' }).click();
        await expect(page.getByRole('option', { name: 'All divisions' })).toBeVisible();
        await scan('assign roles dialog, divisions list open');
        await page.keyboard.press('Escape');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toBeHidden();

        await page.getByRole('button', { name: 'Remove Group Editor' }).click();
        const confirm = page.getByRole('dialog', { name: /^Remove Group Editor from / });
        await expect(confirm).toBeVisible();
        await scan('remove role confirmation');
        await confirm.getByRole('button', { name: 'Cancel' }).click();
        await expect(confirm).toBeHidden();
      });
    });
  }
}
