import { expect, signIn, test } from '../support/fixtures';

/**
 * The group list's code is preloaded by index.html (vite.config.ts, preloadRouteFromHtml), where Vite's
 * preload helper used to add its dozen `modulepreload` links inside the entry's first task. (Idle-time
 * code, the dialogs' and notifications' hosts, may still add its own links before the rows show, when
 * the browser idles while the list's data is on its way.)
 */
test("the group list's code is preloaded by index.html, not by links the page adds", async ({ page }) => {
  await page.addInitScript(() => {
    const added: string[] = [];
    (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows = added;
    new MutationObserver((records) => {
      // The parser's own links (index.html) come while the document is loading; scripts run after.
      if (document.readyState === 'loading') return;
      if (document.querySelector('table[aria-label="Groups"] tbody tr:not([data-testid])')) return;
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLLinkElement && node.rel === 'modulepreload') added.push(new URL(node.href).pathname);
    }).observe(document, { childList: true, subtree: true });
  });
  await signIn(page, 'admin', '/groups');
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link').first()).toBeVisible();

  const html = await (await page.request.get('/groups', { headers: { Accept: 'text/html' } })).text();
  const fromHtml = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  // The route's own chunk: `list-` and the hash (not list-url-state-…, which the entry itself imports).
  expect(fromHtml.filter((href) => /\/assets\/list-[\w-]{8}\.js$/.test(href))).toHaveLength(1);
  const added = await page.evaluate(() => (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows);
  expect(
    added.filter((href) => fromHtml.includes(href)),
    'links the page added for code index.html preloads',
  ).toEqual([]);
  expect(
    added.filter((href) => /\/assets\/list-/.test(href)),
    "links the page added for the list's code",
  ).toEqual([]);
});
