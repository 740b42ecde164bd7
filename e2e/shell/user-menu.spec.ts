import { expect, signIn, test } from '../support/fixtures';

test('a press on the user button before the menu has loaded opens the menu once it has', async ({ page }) => {
  // Hold the header's menus chunk back until the button has been pressed.
  let release: () => void = () => {};
  const pressed = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(/\/assets\/header-menus-[^/]+\.js$/, async (route) => {
    held = true;
    await pressed;
    await route.continue();
  });

  await signIn(page, 'admin', '/groups');
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  await expect(button).toBeVisible();
  // The chunk is asked for when the browser is first idle, which can come after the button shows.
  await expect.poll(() => held, { message: 'the menus chunk was requested and held' }).toBe(true);
  await expect(page.getByRole('menu')).toHaveCount(0);

  await button.click();
  release();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});

test("the user button keeps the keyboard's focus when the menu's code arrives, and Enter opens the menu", async ({
  page,
}) => {
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(/\/assets\/header-menus-[^/]+\.js$/, async (route) => {
    held = true;
    await arrived;
    await route.continue();
  });

  await signIn(page, 'admin', '/groups');
  const button = page.getByRole('button', { name: /^User menu for Avery Adams/ });
  await expect.poll(() => held, { message: 'the menus chunk was requested and held' }).toBe(true);
  // The plain button (no menu behind it yet) has the focus when the menu's code arrives.
  await button.focus();
  await expect(button).not.toHaveAttribute('aria-expanded');
  release();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
});
