import type { Page } from '@playwright/test';
import { DEMO_GROUPS } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';

/** The group list's first row of data (not a loading placeholder). */
const FIRST_ROW = 'table[aria-label="Groups"] tbody tr:not([data-testid])';

/** Records, from the page's start, when the list's first rows show (`window.rowsAt`, performance time). */
const recordFirstRows = (page: Page) =>
  page.addInitScript((firstRow) => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector(firstRow)) return;
      (window as unknown as { rowsAt: number }).rowsAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, FIRST_ROW);

/** The console's scripts the page fetched (`beforeRows`: only those asked for before the first rows). */
const scriptsLoaded = (page: Page, { beforeRows = false } = {}) =>
  page.evaluate(
    (beforeRows) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => !beforeRows || entry.startTime < (window as unknown as { rowsAt: number }).rowsAt)
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/assets/') && path.endsWith('.js')),
    beforeRows,
  );

/**
 * The group list's code comes with the entry's, in the scripts index.html names (vite.config.ts,
 * firstScreenChunks): no script is fetched for it once the entry runs, and the page adds no
 * `modulepreload` link before the rows (Vite's preload helper used to add a dozen inside the entry's
 * first task).
 */
test("the group list's code comes with the entry: nothing is fetched or preloaded for it later", async ({ page }) => {
  await page.addInitScript((firstRow) => {
    const added: string[] = [];
    (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows = added;
    new MutationObserver((records) => {
      // The parser's own links (index.html) come while the document is loading; scripts run after.
      if (document.readyState === 'loading') return;
      if (document.querySelector(firstRow)) return;
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLLinkElement && node.rel === 'modulepreload') added.push(new URL(node.href).pathname);
    }).observe(document, { childList: true, subtree: true });
  }, FIRST_ROW);
  await recordFirstRows(page);
  await signIn(page, 'admin', '/groups');
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link').first()).toBeVisible();

  const html = await (await page.request.get('/groups', { headers: { Accept: 'text/html' } })).text();
  const fromHtml = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const beforeRows = await scriptsLoaded(page, { beforeRows: true });
  expect(
    beforeRows.filter((path) => !fromHtml.includes(path)),
    'scripts fetched before the rows that index.html does not name',
  ).toEqual([]);
  const added = await page.evaluate(() => (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows);
  expect(added, 'modulepreload links the page added before the rows').toEqual([]);
});

/**
 * What waits for idle (the organisation's name, the permission checks, the next page's prefetch) waits
 * for the first screen, and code only a person's action needs (the header's menus, the dialogs' and
 * notifications' hosts) for someone to use the page: the browser also
 * idles while the list's data is on its way, and what started then competed with the rows for the
 * phone's network. The list's answer is held back here so that there is such a quiet moment.
 */
test('nothing that waits for idle is requested before the first rows show', async ({ page }) => {
  await page.route(/\/api\/v2\/groups\?/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await recordFirstRows(page);
  // The next page's prefetch, the last of them (held back too).
  const nextPage = page.waitForResponse(/pageNumber=2/);
  // The supervisor: the permissions that are not in the token are asked for one by one.
  await signIn(page, 'supervisor', '/groups');
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link').first()).toBeVisible();
  // Everything after the rows: the user's organisation shows once tokens/me has answered.
  await expect(page.getByTestId('org-name')).toBeVisible();
  await nextPage;

  const { rowsAt, requests } = await page.evaluate(() => ({
    rowsAt: (window as unknown as { rowsAt: number }).rowsAt,
    requests: performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .map(({ name, startTime, initiatorType }) => ({ url: new URL(name), startTime, initiatorType })),
  }));
  const before = requests.filter((r) => r.startTime < rowsAt).map((r) => `${r.url.pathname}${r.url.search}`);
  const after = requests.filter((r) => r.startTime >= rowsAt).map((r) => `${r.url.pathname}${r.url.search}`);
  const idleWork = [/tokens\/me/, /permission=/, /pageNumber=2/];
  for (const pattern of idleWork) {
    expect(
      before.filter((url) => pattern.test(url)),
      `${String(pattern)} before the rows`,
    ).toEqual([]);
    expect(
      after.some((url) => pattern.test(url)),
      `${String(pattern)} after the rows`,
    ).toBe(true);
  }

  // Code only a person's action needs waits for one: the header's menus, the dialogs' and notifications'
  // hosts. (What they need beyond the core, firstScreenChunks' shell, comes at idle with the filter inputs.)
  const forAPerson = [/\/header-menus-/, /\/modals-provider-/, /\/notifications-view-/];
  const loaded = async () => (await scriptsLoaded(page)).join(' ');
  for (const pattern of forAPerson) expect(await loaded(), 'before anyone used the page').not.toMatch(pattern);
  await page.keyboard.press('Shift');
  for (const pattern of forAPerson) await expect.poll(loaded, 'after a key press').toMatch(pattern);

  // The runtime configuration is fetched once, by index.html's preload, beside the scripts.
  const config = requests.filter((r) => r.url.pathname === '/config.json');
  expect(config.map((r) => r.initiatorType)).toEqual(['link']);
});

/**
 * The first screen's code in two scripts (vite.config.ts, firstScreenChunks): the bundler's runtime
 * and one chunk of the entry and the list route. Rolldown's own split made it twenty-nine, each one
 * more request on a phone.
 */
test("the group list's first screen loads its code in two scripts", async ({ page }) => {
  await signIn(page, 'admin', '/groups');
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link').first()).toBeVisible();
  const html = await (await page.request.get('/groups', { headers: { Accept: 'text/html' } })).text();
  const fromHtml = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(fromHtml.length, `scripts index.html loads: ${fromHtml.join(', ')}`).toBeLessThanOrEqual(2);
  const loaded = (await scriptsLoaded(page)).filter((path) => fromHtml.includes(path));
  expect(new Set(loaded).size).toBe(fromHtml.length);
});

/**
 * The group page is the other screen people arrive at by link. Its code comes in thirteen scripts at most
 * (firstScreenChunks' `common`, `detail-early` and `detail`) where rolldown's own split made forty-four,
 * without the shell's floating layer, which its pop-ups and dialogs load when used; and its loader asks
 * for the members tab's first page beside the group, not once the group has come and the tab rendered.
 * The group's answer is held back here: the members page is asked for while it is on its way.
 */
test("a group's page loads its code in a few scripts and asks for its members beside the group", async ({ page }) => {
  const groupUrl = new RegExp(`/api/v2/groups/${DEMO_GROUPS.dynamic.id}$`);
  let groupAnswered = false;
  await page.route(groupUrl, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  page.on('requestfinished', (request) => {
    if (groupUrl.test(request.url())) groupAnswered = true;
  });
  const membersAsked = page.waitForRequest((request) => /\/members\?/.test(request.url()) && !groupAnswered, {
    timeout: 10_000,
  });
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.dynamic.id}`);
  await membersAsked;
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const scripts = await scriptsLoaded(page);
  // Nor the shell's floating layer (Popover, Menu, Tooltip, floating-ui), before anyone has used the page.
  expect(
    scripts.filter((path) => /\/(shell|Popover|Combobox|floating-ui|Tooltip)-/.test(path)),
    'the floating layer, loaded before anyone used the page',
  ).toEqual([]);
  expect(scripts.length, `scripts: ${scripts.join(', ')}`).toBeLessThanOrEqual(13);
});

/**
 * A group's members tab fetches no other tab's code, and keeps no closed list's dropdown in the page
 * (Mantine keeps them hidden and positions each, a forced style recalculation, when the control mounts);
 * the History tab's code comes when the tab is opened.
 */
test("a group's members tab loads only its own tab's code and keeps no hidden dropdowns", async ({ page }) => {
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.dynamic.id}`);
  const pageSize = page.getByRole('tabpanel', { name: /Members/ }).getByLabel('Page size');
  await expect(pageSize).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const otherTabs = /\/(history-tab|roles-tab|rules-tab|people-tabs|profile-tab|user-groups-drawer)-[\w-]+\.js$/;
  expect((await scriptsLoaded(page)).filter((path) => otherTabs.test(path))).toEqual([]);
  await expect(page.locator('.mantine-Combobox-dropdown, .mantine-Select-dropdown')).toHaveCount(0);

  // A native list: choosing from it needs no code of the page's own.
  await pageSize.selectOption('50');
  await expect(page).toHaveURL(/size=50/);

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tabpanel', { name: 'History' })).toBeVisible();
  // The panel shows (with its loading line) as soon as the tab is chosen; the code arrives after.
  await expect
    .poll(async () => (await scriptsLoaded(page)).some((path) => /\/history-tab-[\w-]+\.js$/.test(path)))
    .toBe(true);
});

/**
 * The members tab's whole-group readings (the roster's counts, the reasons' lists: for a large group,
 * hundreds of requests and a worker) start once the tab's first rows have painted and the browser is
 * idle, not beside them: on a phone they made the rows come about a second later. The first members page
 * is held back here, so that the page idles before the rows come.
 */
test("a group's whole-group readings wait for its first rows to paint", async ({ page }) => {
  await page.route(/\/members\?(?=.*pageSize=25(&|$))/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('table[aria-label="Members"] tbody tr')) return;
      observer.disconnect();
      // The frame that paints the rows, then the next: by then they have been shown.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          (window as unknown as { rowsPaintedAt: number }).rowsPaintedAt = performance.now();
        }),
      );
    }).observe(document, { childList: true, subtree: true });
  });
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.dynamic.id}`);
  await expect(page.getByTestId('roster-panel')).toBeVisible();
  const readings = await page.evaluate(() => {
    const paintedAt = (window as unknown as { rowsPaintedAt: number }).rowsPaintedAt;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => /pageSize=500|\/individuals/.test(entry.name))
      .map((entry) => ({
        url: new URL(entry.name).pathname + new URL(entry.name).search,
        early: entry.startTime < paintedAt,
      }));
  });
  // The roster's pages, the rules' pages and the individuals.
  expect(
    readings.some((r) => r.url.includes('routingStatus')),
    JSON.stringify(readings),
  ).toBe(true);
  expect(
    readings.some((r) => r.url.includes('skills')),
    JSON.stringify(readings),
  ).toBe(true);
  expect(
    readings.some((r) => r.url.includes('/individuals')),
    JSON.stringify(readings),
  ).toBe(true);
  expect(readings.filter((r) => r.early)).toEqual([]);
});
