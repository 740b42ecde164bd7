import type { Locator, Page } from '@playwright/test';

/** A group's members table (the members tab at desktop width). */
export const membersTable = (page: Page): Locator => page.getByTestId('members-table');

/** The rows of the members table (desktop width). */
export const memberTableRows = (page: Page): Locator => membersTable(page).locator('tbody tr');

/** The member cards of the members tab at phone width. */
export const memberCards = (page: Page): Locator => page.getByTestId('member-row');

/** The members in whichever layout the page shows: table rows at desktop width, cards at phone width. */
export const memberRows = (page: Page): Locator =>
  page.locator('[data-testid="members-table"] tbody tr, [data-testid="member-row"]');
