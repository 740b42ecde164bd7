import type { Locator, Page } from '@playwright/test';

/** The groups table of the group list. */
export const groupsTable = (page: Page): Locator => page.getByRole('table', { name: 'Groups' });

/** The rows of the groups table that show a group (not the skeleton rows shown while a page loads). */
export const groupRows = (page: Page): Locator =>
  groupsTable(page).locator('tbody tr:not([data-testid="group-row-skeleton"])');
