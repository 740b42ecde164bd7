import { readFile } from 'node:fs/promises';
import { THEMES } from '../support/a11y';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';

/**
 * Import's file box says what to do with it: a visible "choose a file" placeholder, the accepted format
 * and columns as its description, and a template to download that the import itself reads.
 */
for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('the file input has a placeholder, a description of the format and a template', async ({ page }) => {
      await signIn(page, 'admin', '/groups');
      await page.getByRole('button', { name: 'Import' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import groups from CSV' });
      const fileBox = dialog.getByRole('button', { name: 'CSV file' });
      await expect(fileBox).toBeVisible();
      await expect(fileBox).toContainText('Choose a CSV file…');
      await expect(fileBox).toHaveAccessibleDescription(
        /\.csv file with a header row\. Columns: Name \(required\), Description, Type, Visibility, Rules visible, Owners, Members\./,
      );
      await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `import dialog, ${theme}` });

      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Download a template' }).click();
      const template = await download;
      expect(template.suggestedFilename()).toBe('groups-import-template.csv');
      const text = (await readFile((await template.path())!, 'utf8')).replace(/^\uFEFF/, '');
      expect(text.split(/\r?\n/)[0]).toBe('Name,Description,Type,Visibility,Rules visible,Owners,Members');

      // The template is a file the import reads: its example lines pass the format checks.
      await dialog.locator('input[type="file"]').setInputFiles((await template.path())!);
      await expect(dialog.getByRole('textbox', { name: 'Or paste the CSV' })).toHaveValue(/^Name,Description,Type/);
      await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
      const dry = dialog.getByRole('table', { name: 'Dry run' });
      await expect(dry.locator('tbody tr')).toHaveCount(2);
      await expect(dry).not.toContainText('is not official or social');
      await expect(dry).not.toContainText('is not public, owners or members');
      await expect(dry).not.toContainText('is not true or false');
    });
  });
}
