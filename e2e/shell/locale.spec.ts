import type { Page } from '@playwright/test';
import { DEMO_GROUPS } from '../support/data';
import { expect, openSmallGroupInList, test } from '../support/fixtures';

/**
 * One locale for every date and number (src/lib/locale.ts): dates and numbers follow the language of the
 * words, in the browser's variant of it, on the list and the group page alike, and `<html lang>` names it.
 * A browser whose languages the console does not speak gets English words with en-US dates, never French
 * dates inside English sentences. (German words with German dates: e2e/languages.)
 */

/** "4 Dec 2026, 14:05" */
const EN_GB_DATE = /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/;
/** "Dec 4, 2026, 2:05 PM" (a narrow no-break space before PM) */
const EN_US_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/;

const datesShown = async (page: Page) => {
  const groups = await openSmallGroupInList(page);
  const row = groups.getByRole('row').filter({ hasText: DEMO_GROUPS.small.name });
  const listed = (await row.getByRole('cell').last().innerText()).trim();
  await groups.getByRole('link', { name: DEMO_GROUPS.small.name }).click();
  const facts = page.getByRole('group', { name: 'Group facts' }).or(page.getByLabel('Group facts'));
  const fact = facts.locator('dt', { hasText: 'Last modified' }).locator('xpath=following-sibling::dd[1]');
  await expect(fact).not.toHaveText('–');
  return { listed, header: (await fact.innerText()).trim() };
};

const BROWSERS = [
  {
    browser: 'a British English browser',
    locale: 'en-GB',
    test: 'reads dates day first on the list and the group page, and <html lang> is en-GB',
    date: EN_GB_DATE,
    lang: 'en-GB',
  },
  {
    browser: 'a French browser',
    locale: 'fr-FR',
    test: 'reads English words with en-US dates, not French dates inside English sentences',
    date: EN_US_DATE,
    lang: 'en-US',
  },
];

for (const { browser, locale, test: title, date, lang } of BROWSERS) {
  test.describe(browser, () => {
    test.use({ locale });

    test(title, async ({ page }) => {
      const { listed, header } = await datesShown(page);
      expect(listed).toMatch(date);
      expect(header).toBe(listed);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });
  });
}
