import { DEMO_GROUPS } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';

/**
 * The parts of the console loaded when the browser is idle (the notifications and confirmation hosts, the
 * header's pop-ups, the list's filter inputs) are not worth the whole page: when their code cannot be
 * fetched (the server or the network away at that moment), the console goes on without them instead of
 * going blank.
 */
const OPTIONAL_CHUNK = /\/assets\/(notifications-view|modals-provider|header-menus|group-list-filters)-[^/]+\.js$/;

// The browser logs each refused download; page errors still fail the test.
test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/] });

test('the console stays usable when the code it loads at idle cannot be fetched', async ({ page }) => {
  const refused: string[] = [];
  await page.route(
    (url) => OPTIONAL_CHUNK.test(url.pathname),
    async (route) => {
      refused.push(new URL(route.request().url()).pathname);
      await route.abort('internetdisconnected');
    },
  );
  await signIn(page, 'admin', `/groups?q=${encodeURIComponent(DEMO_GROUPS.small.name)}`);
  const groups = page.getByRole('table', { name: 'Groups' });
  await expect(groups.locator('tbody tr').first()).toBeVisible();
  // The first key press loads them at the latest; each is refused.
  await page.keyboard.press('Shift');
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(4);

  // Still there, and still working: the theme button, the user's button, a group page.
  const theme = page.getByRole('button', { name: /Switch to dark theme/ });
  await theme.click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.small.name })).toBeVisible();
});
