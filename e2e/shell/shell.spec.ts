import type { Page } from '@playwright/test';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';

const ALL_STAFF = { id: '9c3d4e5f-0001-4b00-9a00-000000000001', name: 'All Staff' };

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test.describe('permissions in the shell', () => {
  test('the supervisor gets a 403 page naming the permission on /groups/new', async ({ page }) => {
    await signIn(page, 'supervisor', '/groups/new');
    await expect(page.getByRole('heading', { name: 'You do not have access' })).toBeVisible();
    await expect(page.getByText('You need the directory:group:add permission to create groups')).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Create group' })).toHaveCount(0);
    await expect(page).toHaveTitle('Create group · Groups Console');
    await assertNoSeriousA11yViolations(page);
  });

  test('the admin sees "Create group" in the navigation and the page itself', async ({ page }) => {
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Create group' }).click();
    await expect(page).toHaveURL(/\/groups\/new$/);
    await expect(page.getByRole('heading', { name: 'You do not have access' })).toHaveCount(0);
  });

  test('an unknown URL shows the 404 page', async ({ page }) => {
    await signIn(page, 'admin', '/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle('Page not found · Groups Console');
    await page.getByRole('link', { name: 'Back to groups' }).click();
    await expect(page).toHaveURL(/\/groups$/);
  });

  test('a group that does not exist shows "Group not found"', async ({ page }) => {
    await signIn(page, 'admin', '/groups/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { name: 'Group not found' })).toBeVisible();
  });
});

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('follows the system, and the header toggle switches light and dark', async ({ page }) => {
    await signIn(page, 'editor');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await assertNoSeriousA11yViolations(page);
    // The choice is remembered across a reload.
    await page.reload();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  });
});

test.describe('command palette', () => {
  test('Ctrl+K finds a group by name and opens it', async ({ page }) => {
    await signIn(page, 'admin', '/settings');
    await page.keyboard.press('Control+k');
    const search = page.getByPlaceholder('Search groups or jump to…');
    await expect(search).toBeFocused();
    await search.fill('all sta');
    const result = page.getByRole('button', { name: new RegExp(ALL_STAFF.name) });
    await expect(result).toBeVisible();
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/groups/${ALL_STAFF.id}$`));
    await expect(page.getByRole('heading', { name: ALL_STAFF.name, level: 1 })).toBeVisible();
  });

  test('offers "Create group" only to those who may create groups', async ({ page }) => {
    await signIn(page, 'editor');
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('button', { name: 'Browse groups' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create group' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
  });
});

test.describe('environments', () => {
  test('settings switch to a Genesys Cloud region and back; the header follows', async ({ page }) => {
    await signIn(page, 'admin', '/settings');
    const environment = page.getByTestId('environment');
    await expect(environment).toHaveText('Embedded server');

    await page.getByRole('radio', { name: 'A Genesys Cloud organization' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Enter the client ID of an OAuth client')).toBeVisible();

    await page.getByRole('combobox', { name: 'Region' }).click();
    await page.getByRole('option', { name: 'mypurecloud.ie (eu_west_1)' }).click();
    await page.getByRole('textbox', { name: 'OAuth client ID' }).fill('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
    await expect(page.getByText(/\/auth\/callback/)).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(environment).toHaveText('mypurecloud.ie');
    // No session for that org yet: the header offers to sign in instead of showing a user.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.reload();
    await expect(environment).toHaveText('mypurecloud.ie');
    await expect(page.getByRole('textbox', { name: 'OAuth client ID' })).toHaveValue(
      '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    );

    await page.getByRole('radio', { name: /Embedded server/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(environment).toHaveText('Embedded server');
    // The embedded server's session was kept: the user is back without signing in.
    await expect(page.getByTestId('user-name')).toHaveText('Avery Adams');
  });
});

test.describe('page titles', () => {
  test("the group page is titled with the group's name", async ({ page }) => {
    await signIn(page, 'admin', `/groups/${ALL_STAFF.id}`);
    await expect(page.getByRole('heading', { name: ALL_STAFF.name, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`${ALL_STAFF.name} · Groups Console`);
  });
});

test.describe('navigation progress', () => {
  test('a bar runs across the top while the next page loads, and goes once it has', async ({ page }) => {
    await signIn(page, 'admin', '/groups');
    const bar = page.getByRole('progressbar', { name: 'Loading page' });
    // The settings page's code held back until the bar has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/settings-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await expect(bar).toBeVisible();
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(bar).toHaveCount(0);
  });
});
