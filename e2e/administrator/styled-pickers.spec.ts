import type { Locator, Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, THEMES } from '../support/a11y';
import { expect, signIn, test } from '../support/fixtures';
import { createGroup } from '../support/groups';

/**
 * The pickers drawn by Mantine have their styles: the type picker's cards a border and a selected
 * state (also when editing, where the group's type shows but cannot change), and History's action
 * filter chips instead of native checkboxes.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

const typeCard = (page: Page, type: 'Official' | 'Social') => page.getByRole('radio', { name: type, exact: true });
const indicatorOf = (card: Locator) => card.locator('.mantine-RadioIndicator-indicator');
const style = (target: Locator, property: 'borderTopColor' | 'borderTopStyle' | 'borderTopWidth' | 'backgroundColor') =>
  target.evaluate((el, p) => getComputedStyle(el)[p], property);

const expectBordered = async (card: Locator) => {
  expect(await style(card, 'borderTopStyle')).toBe('solid');
  expect(parseFloat(await style(card, 'borderTopWidth'))).toBeGreaterThanOrEqual(1);
  expect(await style(card, 'borderTopColor')).not.toBe(TRANSPARENT);
};

/** The selected card looks selected: its indicator is filled and its border differs from the other's. */
const expectSelected = async (selected: Locator, other: Locator) => {
  await expect(selected).toHaveAttribute('aria-checked', 'true');
  await expect(other).toHaveAttribute('aria-checked', 'false');
  const [selectedDot, otherDot] = [
    await style(indicatorOf(selected), 'backgroundColor'),
    await style(indicatorOf(other), 'backgroundColor'),
  ];
  expect(selectedDot).not.toBe(TRANSPARENT);
  expect(selectedDot).not.toBe(otherDot);
  expect(await style(selected, 'borderTopColor')).not.toBe(await style(other, 'borderTopColor'));
};

test.describe('styled pickers', () => {
  test('the type picker: bordered cards, the preselected and the chosen type visibly selected', async ({ page }) => {
    await signIn(page, 'admin', '/groups/new');
    const official = typeCard(page, 'Official');
    const social = typeCard(page, 'Social');
    await expectBordered(official);
    await expectBordered(social);
    await expectSelected(official, social);
    await social.click();
    await expectSelected(social, official);
  });

  test("editing shows the group's type, selected and fixed", async ({ page, baseURL }) => {
    const group = await createGroup(await apiAs('admin', baseURL!), { type: 'social' });
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    const official = typeCard(page, 'Official');
    const social = typeCard(page, 'Social');
    await expect(social).toBeDisabled();
    await expect(official).toBeDisabled();
    await expectBordered(social);
    await expectSelected(social, official);
    await expect(page.getByText("Type can't change after creation")).toBeVisible();
  });

  test("History's action filter: chips, not native checkboxes, one line high when selected", async ({
    page,
    baseURL,
  }) => {
    const group = await createGroup(await apiAs('admin', baseURL!));
    await signIn(page, 'admin', `/groups/${group.id}?tab=history`);
    const actions = page.getByRole('group', { name: 'Action' });
    const changed = actions.getByRole('checkbox', { name: 'Changed' });
    await expect(changed).toBeAttached();
    const nativeBoxes = actions.locator('input[type="checkbox"]');
    expect(await nativeBoxes.count()).toBeGreaterThan(0);
    for (const box of await nativeBoxes.all()) {
      const drawn = await box.evaluate((el) => {
        const rect = el.getBoundingClientRect();
        return rect.width * rect.height > 0 && getComputedStyle(el).opacity !== '0';
      });
      expect(drawn, 'a native checkbox is drawn').toBe(false);
    }

    await actions.getByText('Changed', { exact: true }).click();
    await expect(changed).toBeChecked();
    for (const label of await actions.locator('label').all()) {
      expect((await label.boundingBox())!.height).toBeLessThanOrEqual(40);
    }
    expect((await actions.boundingBox())!.height).toBeLessThanOrEqual(40);
  });
});

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('the edit form and the filtered history are clean under axe', async ({ page, baseURL }) => {
      const group = await createGroup(await apiAs('admin', baseURL!), { type: 'social' });
      await signIn(page, 'admin', `/groups/${group.id}/edit`);
      await expect(typeCard(page, 'Social')).toHaveAttribute('aria-checked', 'true');
      await assertNoSeriousA11yViolations(page, { state: `edit form, ${theme}` });

      await page.goto(`/groups/${group.id}?tab=history`);
      const actions = page.getByRole('group', { name: 'Action' });
      await actions.getByText('Created', { exact: true }).click();
      await expect(actions.getByRole('checkbox', { name: 'Created' })).toBeChecked();
      await expect(page.getByRole('article', { name: /^Created by/ })).toBeVisible();
      await assertNoSeriousA11yViolations(page, { state: `history filtered by action, ${theme}` });
    });
  });
}
