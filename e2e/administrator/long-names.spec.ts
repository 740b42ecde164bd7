import type { Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup, uniqueName } from '../support/groups';

/**
 * Names up to the contract's limit (256 characters): the name field shows the limit and how much is
 * used, and refuses a longer name out loud instead of cutting it; the pages that show a long name
 * cut it with an ellipsis, keep it whole on hover and for screen readers, and never scroll sideways.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const LIMIT = 256;
const nameField = (page: Page) => page.getByRole('textbox', { name: 'Name', exact: true });

/** A unique name of exactly `length` characters, ending in one unbroken word. */
const longName = (length: number) => {
  const start = `${uniqueName('Long')} `;
  return start + 'x'.repeat(length - start.length);
};

const expectNoSidewaysScroll = async (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);

test.describe('long names', () => {
  test('the name field counts towards its limit and refuses a longer name without cutting it', async ({ page }) => {
    await signIn(page, 'admin', '/groups/new');
    const field = nameField(page);
    await expect(field).toHaveAccessibleDescription(`0 / ${LIMIT} characters`);
    await field.fill('Night shift');
    await expect(page.getByText(`11 / ${LIMIT} characters`)).toBeVisible();

    const tooLong = longName(300);
    await field.fill(tooLong);
    await expect(field).toHaveValue(tooLong);
    await expect(page.getByText(`300 / ${LIMIT} characters`)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`A name is at most ${LIMIT} characters: remove 44.`)).toBeVisible();

    await field.fill(longName(LIMIT));
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(`${LIMIT} / ${LIMIT} characters`)).toBeVisible();
  });

  test('a group page with the longest name: no sideways scroll, the name cut with an ellipsis and whole on hover', async ({
    page,
    baseURL,
  }) => {
    const name = longName(LIMIT);
    const group = await createGroup(await apiAs('admin', baseURL!), { name });
    expect(group.name).toBe(name);

    await signIn(page, 'admin', `/groups/${group.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveAccessibleName(name);
    await expect(heading).toHaveAttribute('title', name);
    const current = page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(name, { exact: true });
    await expect(current).toHaveAttribute('title', name);
    expect(await current.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis');
    expect(await current.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectNoSidewaysScroll(page);

    await page.goto(`/groups/${group.id}/edit`);
    await expect(nameField(page)).toHaveValue(name);
    const link = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name });
    await expect(link).toHaveAttribute('title', name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', `Edit ${name}`);
    await expectNoSidewaysScroll(page);
  });
});
