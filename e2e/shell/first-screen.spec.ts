import { expect, signIn, test } from '../support/fixtures';

/**
 * The group list's code is preloaded by index.html (vite.config.ts, preloadRouteFromHtml): the page
 * adds no `modulepreload` link of its own before the list's first row shows, where Vite's preload
 * helper used to add a dozen inside the entry's first task.
 */
test('the group list paints without adding preload links first', async ({ page }) => {
  await page.addInitScript(() => {
    const added: string[] = [];
    (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows = added;
    new MutationObserver((records) => {
      // The parser's own links (index.html) come while the document is loading; scripts run after.
      if (document.readyState === 'loading') return;
      if (document.querySelector('table[aria-label="Groups"] tbody tr:not([data-testid])')) return;
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLLinkElement && node.rel === 'modulepreload') added.push(node.href);
    }).observe(document, { childList: true, subtree: true });
  });
  await signIn(page, 'admin', '/groups');
  await expect(page.getByRole('table', { name: 'Groups' }).getByRole('link').first()).toBeVisible();
  const html = await (await page.request.get('/groups', { headers: { Accept: 'text/html' } })).text();
  expect(html, 'index.html preloads the list route').toMatch(
    /<link rel="modulepreload"[^>]*\/assets\/list-[\w-]{8}\.js">/,
  );
  expect(await page.evaluate(() => (window as unknown as { preloadsBeforeRows: string[] }).preloadsBeforeRows)).toEqual(
    [],
  );
});
