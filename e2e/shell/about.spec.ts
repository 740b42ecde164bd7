import { readFileSync } from 'node:fs';
import { expect, signIn, test } from '../support/fixtures';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

interface ServerVersion {
  version: string;
  commit: string | null;
  node: string;
}

// Focus comes back to the user menu's button with and without the system's "reduce motion": without
// transitions the menu is gone before the dialog opened from its item records where focus was.
for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test.describe(`motion: ${reducedMotion}`, () => {
    test.use({ reducedMotion });

    test("About shows the console's version, the embedded server's /version and the org, copies them, and gives focus back", async ({
      page,
      context,
      baseURL,
      request,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
      const server = (await (await request.get('/version')).json()) as ServerVersion;
      expect(server.version).toBe(version);

      await signIn(page, 'admin', '/groups');
      const menuButton = page.getByRole('button', { name: /^User menu for / });
      // By keyboard: the menu opens on Enter and the item is chosen with Enter.
      await menuButton.focus();
      await page.keyboard.press('Enter');
      const item = page.getByRole('menuitem', { name: 'About Groups Console' });
      await expect(item).toBeVisible();
      await item.press('Enter');

      const dialog = page.getByRole('dialog', { name: 'About Groups Console' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Copy details' })).toBeFocused();
      const cell = (label: string) => dialog.getByRole('row', { name: new RegExp(`^${label} `) }).getByRole('cell');
      await expect(cell('Console version')).toHaveText(version);
      await expect(cell('API')).toHaveText(`Embedded Groups API server at ${new URL(baseURL!).host}`);
      await expect(cell('Server version')).toHaveText(server.version);
      await expect(cell('Server commit')).toHaveText(server.commit ?? 'unknown');
      await expect(cell('Server Node')).toHaveText(server.node);
      await expect(cell('Organization')).toHaveText(
        new RegExp(`^${await page.getByTestId('org-name').innerText()} \\(`),
      );
      await expect(cell('Signed in as')).toHaveText('admin@example.com');

      await dialog.getByRole('button', { name: 'Copy details' }).press('Enter');
      await expect(dialog.getByRole('button', { name: 'Details copied' })).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`Console version: ${version}`);
      expect(copied).toContain(`Server version: ${server.version}`);
      expect(copied).toContain(`Server Node: ${server.node}`);
      expect(copied).toContain('Signed in as: admin@example.com');

      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(menuButton).toBeFocused();
    });
  });
}
