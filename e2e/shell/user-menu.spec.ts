import type { Page } from '@playwright/test';
import { expect, signIn, test, waitForNetworkQuiet } from '../support/fixtures';

/** Holds the header's menus chunk back until `release()`; `held()` tells whether it has been asked for. */
const holdMenus = async (page: Page): Promise<{ held: () => boolean; release: () => void }> => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(/\/assets\/header-menus-[^/]+\.js$/, async (route) => {
    held = true;
    await released;
    await route.continue();
  });
  return { held: () => held, release };
};

/**
 * Holds the header's menus chunk back and signs in on the group list. The menus' code waits for someone
 * to use the page (the first focus, touch, key or mouse movement): not for the browser to idle, so
 * nothing has asked for it yet, even past the longest wait for idle.
 */
const signInWithMenusHeld = async (page: Page): Promise<{ held: () => boolean; release: () => void }> => {
  const menus = await holdMenus(page);
  await signIn(page, 'admin', '/groups');
  await expect(page.getByRole('button', { name: /^User menu for Avery Adams/ })).toBeVisible();
  // Past the longest wait for idle (IDLE_TIMEOUT_MS in src/lib/idle.ts, 2 s).
  await waitForNetworkQuiet(page, 2_500);
  expect(menus.held(), 'nothing asked for the menus before anyone used the page').toBe(false);
  return menus;
};

/**
 * Holds the header's menus chunk back and signs in, in a browser that never reports idle time: the first
 * focus, touch or key is then what asks for the menus.
 */
const signInNeverIdleWithMenusHeld = async (page: Page): Promise<{ held: () => boolean; release: () => void }> => {
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  const menus = await holdMenus(page);
  await signIn(page, 'admin', '/groups');
  expect(menus.held(), 'nothing asked for the menus before the first focus').toBe(false);
  return menus;
};

test('a press on the user button before the menu has loaded opens the menu once it has', async ({ page }) => {
  const { held, release } = await signInWithMenusHeld(page);
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  await expect(page.getByRole('menu')).toHaveCount(0);

  await button.click();
  await expect.poll(held, { message: 'the press asked for the menus chunk' }).toBe(true);
  release();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});

test('focus on the user button asks for its menu and stays there while the menu loads', async ({ page }) => {
  const { held, release } = await signInNeverIdleWithMenusHeld(page);
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  await button.focus();
  await expect.poll(held, { message: 'the first focus asked for the menus chunk' }).toBe(true);
  await expect(button).toBeFocused();
  release();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});

test('the theme button keeps the focus when its tooltip arrives', async ({ page }) => {
  const { held, release } = await signInNeverIdleWithMenusHeld(page);
  const toggle = page.getByRole('button', { name: /^Switch to (dark|light) theme$/ });
  await toggle.focus();
  await expect.poll(held, { message: 'the first focus asked for the menus chunk' }).toBe(true);
  release();
  // The menus' code is in once the user button has its menu.
  await expect(page.getByRole('button', { name: /^User menu for / })).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await toggle.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
});
