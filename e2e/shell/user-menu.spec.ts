import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../support/fixtures';

/**
 * Holds the header's menus chunk back until `release()`, signs in on the group list and waits until the
 * chunk has been asked for (when the browser is first idle, which can come after the button shows).
 */
const signInWithMenusHeld = async (page: Page): Promise<{ release: () => void }> => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(/\/assets\/header-menus-[^/]+\.js$/, async (route) => {
    held = true;
    await released;
    await route.continue();
  });
  await signIn(page, 'admin', '/groups');
  await expect.poll(() => held, { message: 'the menus chunk was requested and held' }).toBe(true);
  return { release };
};

test('a press on the user button before the menu has loaded opens the menu once it has', async ({ page }) => {
  const { release } = await signInWithMenusHeld(page);
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  await expect(button).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);

  await button.click();
  release();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});

test("the user button keeps the keyboard's focus when the menu's code arrives, and Enter opens the menu", async ({
  page,
}) => {
  const { release } = await signInWithMenusHeld(page);
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  // The plain button (no menu behind it yet) has the focus when the menu's code arrives.
  await button.focus();
  await expect(button).not.toHaveAttribute('aria-expanded');
  release();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});
