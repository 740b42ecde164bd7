import type { Page } from '@playwright/test';
import { DEMO_GROUPS } from '../../server/src/db/seed/personas';
import { axeViolations } from '../support/a11y';
import { expect, signIn, test } from '../support/fixtures';
import { memberCards, membersTable } from '../support/members';
import { groupRows, groupsTable } from '../support/group-list';
import { assertBadgesWhole, assertNoHorizontalScroll, assertStatusChipsWhole, PHONE } from '../support/phone';

test.use(PHONE);

/** axe (every rule of AXE_TAGS, any impact) in both themes. */
const assertAxeCleanInBothThemes = async (page: Page) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme);
    const violations = await axeViolations(page);
    expect(
      violations.map((v) => `${scheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      `axe violations in the ${scheme} theme`,
    ).toEqual([]);
  }
};

test('the group list fits a phone: name, type and members first, filters behind one control', async ({ page }) => {
  await signIn(page, 'admin', '/groups');
  await expect(groupRows(page).first()).toBeVisible();
  await expect(groupsTable(page).getByRole('columnheader')).toHaveText(['Name', 'Type', 'Members']);
  await assertNoHorizontalScroll(page);
  await assertBadgesWhole(page);

  const filters = page.getByRole('button', { name: /^Filters/ });
  await expect(filters).toBeVisible();
  expect((await filters.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(page.getByRole('combobox', { name: 'Type', exact: true })).toHaveCount(0);
  await assertAxeCleanInBothThemes(page);

  await filters.click();
  const sheet = page.getByRole('dialog', { name: 'Filters and sort' });
  await expect(sheet).toBeVisible();
  await sheet.getByRole('combobox', { name: 'Type', exact: true }).click();
  await page.getByRole('option', { name: 'Social', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => new URL(page.url()).searchParams.get('type')).toBe('social');
  await sheet.getByRole('button', { name: 'Show groups' }).click();
  await expect(sheet).toHaveCount(0);

  await expect(page.getByRole('button', { name: 'Filters, 1 active' })).toBeVisible();
  await expect(page.getByTestId('active-filter-count')).toHaveText('1');
  await expect(groupRows(page).first()).toBeVisible();
  await expect(groupRows(page).locator('td:nth-child(2)')).toHaveText(
    Array(await groupRows(page).count()).fill('Social'),
  );
  await assertNoHorizontalScroll(page);
});

test('a group on a phone: compact header, a row a member with presence and routing status', async ({ page }) => {
  await signIn(page, 'admin', '/groups');
  await page.getByRole('searchbox', { name: 'Search groups' }).fill('All Staff');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('All Staff');
  await expect(groupsTable(page)).toHaveAttribute('aria-busy', 'false');
  await groupRows(page).getByRole('link', { name: 'All Staff', exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`/groups/${DEMO_GROUPS.allStaff.id}`));
  await expect(page.getByRole('heading', { level: 1, name: 'All Staff' })).toBeVisible();

  await expect(memberCards(page).first()).toBeVisible();
  await expect(membersTable(page)).toHaveCount(0);
  // The first member is on the first screen, not below the fold, also once the whole group's counts are in.
  await expect(page.getByTestId('roster-panel')).toBeVisible({ timeout: 30_000 });
  expect((await memberCards(page).first().boundingBox())!.y).toBeLessThan(844);
  const first = memberCards(page).first();
  await expect(first.getByTestId('member-status').locator('.mantine-Badge-root')).toHaveCount(2);
  await assertNoHorizontalScroll(page);
  await assertBadgesWhole(page);
  await assertStatusChipsWhole(page);

  // The other columns are one tap away.
  const details = first.getByRole('button', { name: /^Show details for / });
  expect((await details.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await details.click();
  await expect(first.getByText('Email', { exact: true })).toBeVisible();
  await expect(first.getByRole('button', { name: /^Hide details for / })).toHaveAttribute('aria-expanded', 'true');
  await assertNoHorizontalScroll(page);
  await assertAxeCleanInBothThemes(page);
});

test('status chips on a phone: touch-sized, and they filter the rows', async ({ page }) => {
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.allStaff.id}?size=100`);
  await expect(memberCards(page)).toHaveCount(100);
  const chips = page.getByRole('group', { name: /^Status filters/ });
  const available = chips.getByRole('button', { name: /^Available/ });
  await expect(available).toBeVisible();
  expect((await available.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await assertStatusChipsWhole(page);
  await available.tap();
  await expect(available).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/status=presence%3AAvailable/);
  await expect(memberCards(page).first()).toBeVisible();
  await expect(memberCards(page).filter({ hasNotText: 'Available' })).toHaveCount(0);
  await assertNoHorizontalScroll(page);
  await assertBadgesWhole(page);
});

test("the members stay where they are when the whole group's counts come; the panel's count button is whole", async ({
  page,
}) => {
  // The reading is held back, so that the page shows the panel as it waits for it.
  await page.route(/\/members\?(?=.*pageSize=500)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.allStaff.id}`);
  await expect(page.getByText('Counting every member’s presence and routing status…')).toBeVisible();
  await expect(memberCards(page).first()).toBeVisible();
  const before = (await memberCards(page).first().boundingBox())!.y;
  await expect(page.getByTestId('roster-panel')).toBeVisible({ timeout: 30_000 });
  // The panel kept the counts' place while they were read: the first member did not move down.
  expect(Math.abs((await memberCards(page).first().boundingBox())!.y - before)).toBeLessThanOrEqual(4);
  expect((await memberCards(page).first().boundingBox())!.y).toBeLessThan(844);

  const countNow = page.getByRole('button', { name: 'Count now' });
  const box = (await countNow.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing of it is cut off (its words were, to "Coun", beside the count's time and refresh rate).
  expect(await countNow.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
  const taken = await page.getByTestId('roster-taken').textContent();
  await countNow.tap();
  await expect(page.getByTestId('roster-taken')).not.toHaveText(taken ?? '', { timeout: 30_000 });
});
