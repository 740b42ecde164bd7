import type { Page } from '@playwright/test';
import { assertNoSeriousA11yViolations, THEMES } from '../support/a11y';

/** axe on the open dialog in the light and then the dark theme (the console follows the system scheme). */
export const scanDialogInBothThemes = async (page: Page, state: string): Promise<void> => {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.evaluate((t) => document.documentElement.setAttribute('data-mantine-color-scheme', t), theme);
    await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: `${state}, ${theme}` });
  }
};
