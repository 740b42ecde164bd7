import type { Page, Route } from '@playwright/test';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { groupRows, groupsTable } from '../support/group-list';

/** Fixture groups of the demo org (server/src/db/seed/personas.ts). */
const ALL_STAFF = 'All Staff';
const RUNNING_CLUB = 'Lunchtime Running Club';
/** Owners-only; owned by the owner persona, not by the supervisor. */
const OWNERS_ONLY = 'Refund Approvals Board';

// ---------------------------------------------------------------------------------------------
// Helpers

const firstRowName = (page: Page) => groupRows(page).first().getByRole('link');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search groups' });
const main = (page: Page) => page.getByRole('main');

const currentSearch = (page: Page) => new URL(page.url()).searchParams;

/**
 * Waits until the table shows fresh rows for the current URL: rendered for it (data-view) and not the
 * previous view's rows, dimmed, while loading (aria-busy).
 */
const assertTableSettled = async (page: Page) => {
  await expect
    .poll(async () => (await groupsTable(page).getAttribute('data-view')) === new URL(page.url()).search)
    .toBe(true);
  await expect(groupsTable(page)).toHaveAttribute('aria-busy', 'false');
  await expect(groupRows(page).first()).toBeVisible();
};

const assertPage = async (page: Page, n: number) => {
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(new RegExp(`Page ${n} of \\d+`));
};

const fillSearch = async (page: Page, text: string) => {
  await searchBox(page).fill(text);
  await expect.poll(() => currentSearch(page).get('q') ?? '').toBe(text.trim());
};

const chooseMatch = async (page: Page, label: 'Contains' | 'Starts with') => {
  await page.getByRole('radiogroup', { name: 'Match' }).getByText(label, { exact: true }).click();
};

const selectFilter = async (page: Page, filter: 'Type' | 'Visibility' | 'State', option: string) => {
  await page.getByRole('combobox', { name: filter, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
};

const selectOption = async (page: Page, label: 'Sort by' | 'Page size', option: string) => {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** The texts of a data column (1 = Name), after the row's selection checkbox. */
const columnTexts = async (page: Page, column: number) =>
  groupRows(page)
    .locator(`td:nth-child(${column + 1})`)
    .allTextContents();

// ---------------------------------------------------------------------------------------------

test.describe('browsing and searching groups', () => {
  test('pages through the listing with next and previous', async ({ page }) => {
    await signIn(page, 'admin');
    await assertTableSettled(page);
    await assertPage(page, 1);
    await expect(groupRows(page)).toHaveCount(25);
    await expect(page.getByTestId('group-total')).toHaveText(/^\d{1,3}(,\d{3})* groups$/);
    const firstOnPage1 = await firstRowName(page).innerText();

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => currentSearch(page).get('page')).toBe('2');
    await assertTableSettled(page);
    await assertPage(page, 2);
    await expect(firstRowName(page)).not.toHaveText(firstOnPage1);
    await expect(page.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(page).toHaveURL(/\/groups$/);
    await assertPage(page, 1);
    await expect(firstRowName(page)).toHaveText(firstOnPage1);
    await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  });

  test('search finds a known group by part of its name, with contains and starts with', async ({ page }) => {
    await signIn(page, 'admin');
    await fillSearch(page, 'chtime runn');
    await assertTableSettled(page);
    await expect(groupRows(page).getByRole('link', { name: RUNNING_CLUB })).toBeVisible();
    await expect(page.getByTestId('group-total')).toHaveText('1 group');

    // "Starts with" matches the start of a word, not the middle of one.
    await chooseMatch(page, 'Starts with');
    await expect.poll(() => currentSearch(page).get('match')).toBe('startsWith');
    await expect(page.getByText('No groups match')).toBeVisible();
    await fillSearch(page, 'Lunchtime Run');
    await assertTableSettled(page);
    await expect(groupRows(page).getByRole('link', { name: RUNNING_CLUB })).toBeVisible();

    // A row opens the group's page.
    await groupRows(page).getByRole('link', { name: RUNNING_CLUB }).click();
    await expect(page).toHaveURL(/\/groups\/9c3d4e5f-0008-4b00-9a00-000000000008$/);
  });

  test('filters by type and visibility', async ({ page }) => {
    await signIn(page, 'admin');
    await selectFilter(page, 'Type', 'Social');
    await expect.poll(() => currentSearch(page).get('type')).toBe('social');
    await assertTableSettled(page);
    expect(new Set(await columnTexts(page, 2))).toEqual(new Set(['Social']));

    await selectFilter(page, 'Visibility', 'Members only');
    await expect.poll(() => currentSearch(page).get('visibility')).toBe('members');
    await assertTableSettled(page);
    expect(new Set(await columnTexts(page, 2))).toEqual(new Set(['Social']));
    expect(new Set(await columnTexts(page, 3))).toEqual(new Set(['Members only']));
  });

  test('sorts by member count and changes the page size', async ({ page }) => {
    await signIn(page, 'admin');
    await selectOption(page, 'Sort by', 'Members (most first)');
    await expect.poll(() => currentSearch(page).get('sort')).toBe('memberCount');
    expect(currentSearch(page).get('order')).toBe('desc');
    await assertTableSettled(page);
    await expect(firstRowName(page)).toHaveText(ALL_STAFF);
    const counts = (await columnTexts(page, 4)).map((text) => Number(text.replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await selectOption(page, 'Page size', '50 per page');
    await expect.poll(() => currentSearch(page).get('pageSize')).toBe('50');
    await expect(groupRows(page)).toHaveCount(50);
    await expect(firstRowName(page)).toHaveText(ALL_STAFF);
  });

  test('reload restores the exact view, including a search page reached with next', async ({ page }) => {
    await signIn(page, 'admin');
    await fillSearch(page, 'team');
    await selectFilter(page, 'Type', 'Official');
    await selectOption(page, 'Sort by', 'Name (Z–A)');
    await expect.poll(() => currentSearch(page).get('order')).toBe('desc');
    await assertTableSettled(page);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => currentSearch(page).get('q64')).toBeTruthy();
    await assertTableSettled(page);
    await assertPage(page, 2);

    const url = page.url();
    const first = await firstRowName(page).innerText();
    await page.reload();
    await expect(page).toHaveURL(url);
    await assertTableSettled(page);
    await expect(firstRowName(page)).toHaveText(first);
    await assertPage(page, 2);
    await expect(searchBox(page)).toHaveValue('team');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Name (Z–A)');
  });

  test('back restores the previous view', async ({ page }) => {
    await signIn(page, 'admin');
    await fillSearch(page, 'team');
    await assertTableSettled(page);
    const teamFirst = await firstRowName(page).innerText();
    await selectOption(page, 'Sort by', 'Members (most first)');
    await expect.poll(() => currentSearch(page).get('sort')).toBe('memberCount');
    await assertTableSettled(page);

    await page.goBack();
    await expect.poll(() => currentSearch(page).get('sort')).toBeNull();
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Name (A–Z)');
    await expect(firstRowName(page)).toHaveText(teamFirst);

    await page.goBack();
    await expect(page).toHaveURL(/\/groups$/);
    await expect(searchBox(page)).toHaveValue('');
    await expect(firstRowName(page)).toHaveText(ALL_STAFF);
  });

  test('nothing found shows an empty state that clears search and filters', async ({ page }) => {
    await signIn(page, 'admin', '/groups?q=no%20such%20group%20anywhere&type=official&sort=dateModified');
    await expect(page.getByText('No groups match')).toBeVisible();
    await expect(searchBox(page)).toHaveValue('no such group anywhere');
    await assertNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect.poll(() => [...currentSearch(page).keys()]).toEqual(['sort']);
    await expect(searchBox(page)).toHaveValue('');
    await assertTableSettled(page);
  });
});

test.describe('a failing search', () => {
  test.use({ allowedConsoleErrors: [/status of 500/] });

  test('shows the error and "Try again" loads the page', async ({ page }) => {
    await signIn(page, 'admin');
    await assertTableSettled(page);

    // Search answers 500 (the console retries twice) until the fault is lifted; the retry is then
    // held until the skeleton rows have been seen.
    let fault: 'fail' | 'hold' | 'none' = 'fail';
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v2/groups/search*', async (route: Route) => {
      if (fault === 'fail') {
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ status: 500, code: 'internal.server.error', message: 'The search service failed.' }),
        });
        return;
      }
      if (fault === 'hold') await held;
      await route.continue();
    });

    await page.goto('/groups?q=club');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load groups' });
    await expect(alert).toContainText('The search service failed.', { timeout: 20_000 });

    fault = 'hold';
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(groupsTable(page).getByTestId('group-row-skeleton').first()).toBeVisible();
    await expect(alert).toBeHidden();
    release();
    await assertTableSettled(page);
    await expect(groupRows(page).getByRole('link', { name: RUNNING_CLUB })).toBeVisible();
  });
});

test.describe('what each persona sees', () => {
  test('the supervisor does not see owners-only groups it does not own; the admin does', async ({ page, browser }) => {
    await signIn(page, 'admin', '/groups?visibility=owners');
    await assertTableSettled(page);
    await expect(groupRows(page).getByRole('link', { name: OWNERS_ONLY })).toBeVisible();
    await expect(main(page).getByRole('link', { name: 'Create group' })).toBeVisible();

    const context = await browser.newContext();
    const supervisor = await context.newPage();
    try {
      await signIn(supervisor, 'supervisor', '/groups?visibility=owners');
      await expect(supervisor.getByText('No groups match')).toBeVisible();
      await supervisor.goto(`/groups?q=${encodeURIComponent(OWNERS_ONLY)}`);
      await expect(supervisor.getByText('No groups match')).toBeVisible();
      await supervisor.goto('/groups');
      await assertTableSettled(supervisor);
      await expect(main(supervisor).getByRole('link', { name: 'Create group' })).toHaveCount(0);
      await expect(main(supervisor).getByRole('button', { name: 'Create group' })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test('"Create group" opens the create page for the admin', async ({ page }) => {
    await signIn(page, 'admin');
    await main(page).getByRole('link', { name: 'Create group' }).click();
    await expect(page).toHaveURL(/\/groups\/new$/);
  });
});
