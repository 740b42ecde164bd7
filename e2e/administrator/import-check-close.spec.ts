import type { Request } from '@playwright/test';
import { expect, signIn, test } from '../support/fixtures';

test('closing the import dialog while the dry run checks stops the check and its requests', async ({ page }) => {
  await signIn(page, 'admin', '/groups');
  // The check's user search gets no answer: it is under way until the page gives it up.
  let searchSeen: (request: Request) => void = () => undefined;
  const searching = new Promise<Request>((resolve) => (searchSeen = resolve));
  await page.route('**/api/v2/users/search', (route) => searchSeen(route.request()));
  const failed = new Promise<Request>((resolve) =>
    page.on('requestfailed', (request) => {
      if (request.url().includes('/api/v2/users/search')) resolve(request);
    }),
  );

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import groups from CSV' });
  await dialog
    .getByRole('textbox', { name: 'Or paste the CSV' })
    .fill(
      'Name,Description,Type,Visibility,Rules visible,Owners,Members\nHeld check,,official,public,true,,someone@example.com',
    );
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  await searching;

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await failed).failure()?.errorText).toMatch(/abort/i);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
