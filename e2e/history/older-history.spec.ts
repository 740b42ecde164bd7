import { DEMO_CREATED_LONG_AGO } from '../../server/src/db/seed/history';
import { assertNoSeriousA11yViolations, THEMES } from '../support/a11y';
import { expect, signIn, test } from '../support/fixtures';

const DAY = 24 * 3600_000;

for (const theme of THEMES)
  test.describe(`older changes, a year back (${theme} theme)`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('"Show older changes" searches month by month, saying which month, and reaches a creation of half a year ago', async ({
      page,
    }) => {
      // The demo org has one group created 26 weeks before the rest of its history (server/src/db/seed/history.ts).
      const group = DEMO_CREATED_LONG_AGO.group;
      await signIn(page, 'admin', `/groups/${group.id}?tab=history&hAction=Create`);
      await expect(page.getByText('No changes match these filters')).toBeVisible();

      // The first month's query is held until its progress has been seen.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let first = true;
      await page.route(/\/api\/v2\/audits\/query\/[0-9a-f-]{36}$/, async (route) => {
        if (first) {
          first = false;
          await held;
        }
        await route.continue();
      });
      const queries: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/v2/audits/query'))
          queries.push((r.postDataJSON() as { interval: string }).interval);
      });

      await page.getByRole('button', { name: 'Show older changes (up to 365 days back)' }).click();
      await expect(page.getByRole('status').filter({ hasText: /^Searching [A-Z][a-z]{2} \d{4} …$/ })).toBeVisible();
      await expect(
        page.getByRole('progressbar', { name: 'Older changes searched, up to 365 days back' }),
      ).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `older changes being searched, ${theme}` });
      release();

      const entry = page.getByRole('article', { name: /^Created by / });
      await expect(entry).toHaveCount(1);
      await expect(entry.getByRole('listitem').filter({ hasText: 'Name:' })).toContainText(group.name);
      const day = await page.locator('section[data-day]').filter({ has: entry }).getAttribute('data-day');
      expect(Date.now() - Date.parse(`${day!}T12:00:00Z`)).toBeGreaterThan(180 * DAY);
      await expect(page.getByRole('status').filter({ hasText: /^Searching / })).toHaveCount(0);

      // Each query asked for one month or less, the months joined up newest first.
      expect(queries.length).toBeGreaterThan(3);
      const windows = queries.map((q) => q.split('/').map((t) => Date.parse(t)) as [number, number]);
      for (const [i, [from, to]] of windows.entries()) {
        expect(to - from).toBeLessThanOrEqual(31 * DAY);
        if (i > 0) expect(to).toBe(windows[i - 1]![0]);
      }
    });
  });
