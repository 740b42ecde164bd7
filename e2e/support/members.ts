import { expect, type Locator, type Page } from '@playwright/test';

/** A group's members table (the members tab at desktop width). */
export const membersTable = (page: Page): Locator => page.getByTestId('members-table');

/** The rows of the members table (desktop width). */
export const memberTableRows = (page: Page): Locator => membersTable(page).locator('tbody tr');

/** The member cards of the members tab at phone width. */
export const memberCards = (page: Page): Locator => page.getByTestId('member-row');

/** The members in whichever layout the page shows: table rows at desktop width, cards at phone width. */
export const memberRows = (page: Page): Locator =>
  page.locator('[data-testid="members-table"] tbody tr, [data-testid="member-row"]');

/**
 * On a group's members tab (desktop width) holding `before` members: adds `outsider` through Add members,
 * then removes `member` through the selection's Remove, checking the table's count after each.
 */
export const addOneThenRemoveOne = async (
  page: Page,
  { outsider, member, before }: { outsider: { name: string; email: string }; member: { name: string }; before: number },
): Promise<void> => {
  const rows = memberTableRows(page);
  await page.getByRole('button', { name: 'Add members' }).click();
  const dialog = page.getByRole('dialog', { name: /Add members/ });
  await dialog.getByRole('textbox', { name: 'People to add' }).fill(outsider.email);
  await dialog.getByRole('option', { name: new RegExp(outsider.name) }).click();
  await dialog.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '1 person added' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rows).toHaveCount(before + 1);

  await page.getByRole('checkbox', { name: `Select ${member.name}` }).check();
  await page.getByRole('button', { name: 'Remove selected (1)' }).click();
  await page
    .getByRole('dialog', { name: /^Remove 1 member from / })
    .getByRole('button', { name: 'Remove 1 member' })
    .click();
  await expect(rows).toHaveCount(before);
};
