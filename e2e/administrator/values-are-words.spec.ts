import type { Locator } from '@playwright/test';
import { apiAs } from '../support/api';
import { THEMES } from '../support/a11y';
import { PERSONAS } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { createGroup, deleteGroup, updateGroup } from '../support/groups';

/**
 * Type, visibility and state read as words wherever an administrator sees them (the group list, the
 * group's header and profile, History, Recently deleted), in the same case everywhere, and counts agree
 * with their nouns ("1 owner").
 */

/** What the user sees: the rendered text, with CSS text-transform applied. */
const seen = (locator: Locator) => locator.evaluate((el) => (el as HTMLElement).innerText);

const RAW_VALUES = ['official', 'social', 'public', 'members', 'owners', 'active', 'inactive'];

/** The raw values standing alone in a text: a cell, a badge, "Type: social", "a · b", "a → b". */
const rawValuesIn = (text: string): string[] =>
  text
    .split(/[\t\n·:,→]/)
    .map((part) => part.trim())
    .filter((part) => RAW_VALUES.includes(part));

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme, reducedMotion: 'reduce' });

    test('the list, the group page, its profile and History word values as the vocabulary does', async ({
      page,
      baseURL,
    }) => {
      const admin = await apiAs('admin', baseURL!);
      const group = await createGroup(admin, {
        type: 'social',
        visibility: 'members',
        ownerIds: [PERSONAS.editor.id],
        description: 'Values in words',
      });
      await updateGroup(admin, group.id, { version: group.version, state: 'inactive' });

      await signIn(page, 'admin', `/groups?q=${encodeURIComponent(group.name)}&state=inactive`);
      const row = page.getByRole('table', { name: 'Groups' }).getByRole('row').filter({ hasText: group.name });
      await expect(row).toBeVisible();
      const rowText = await seen(row);
      expect(rowText).toContain('Social');
      expect(rowText).toContain('Members only');
      expect(rowText).toContain('Inactive');
      expect(rowText, 'badges in the same case as on the group page').not.toMatch(/SOCIAL|INACTIVE/);
      await assertNoSeriousA11yViolations(page, { state: `group list, ${theme}` });

      await row.getByRole('link', { name: group.name }).click();
      const title = page.getByRole('heading', { level: 1, name: group.name });
      await expect(title).toBeVisible();
      // The title's row: the name and its type, visibility and state badges.
      const badges = title.locator('..').locator('.mantine-Badge-root');
      await expect(badges).toHaveCount(3);
      expect(await badges.allInnerTexts()).toEqual(['Social', 'Members only', 'Inactive']);

      await page.getByRole('tab', { name: 'Profile' }).click();
      const general = page.getByRole('table', { name: 'General' });
      await expect(general.getByRole('row', { name: /^Type/ })).toContainText('Social');
      await expect(general.getByRole('row', { name: /^Visibility/ })).toContainText('Members only');
      const profileText = await seen(page.getByRole('tabpanel'));
      expect(rawValuesIn(profileText)).toEqual([]);
      expect(profileText).toContain('State: Inactive');
      await assertNoSeriousA11yViolations(page, { state: `group profile, ${theme}` });

      await page.getByRole('tab', { name: 'History' }).click();
      const created = page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` });
      await expect(created).toContainText('Type: Social');
      const changed = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` });
      await expect(changed).toContainText('State: Active → Inactive');
      expect(rawValuesIn(await seen(page.getByRole('tabpanel')))).toEqual([]);
    });
  });
}

// Recently deleted's axe scans, in both themes, are history/history-a11y.spec.ts's: the wording is the same in either.
test('Recently deleted words a deleted group and counts one owner as one', async ({ page, baseURL }) => {
  const admin = await apiAs('admin', baseURL!);
  const group = await createGroup(admin, { visibility: 'owners', ownerIds: [PERSONAS.editor.id] });
  await deleteGroup(admin, group.id);

  await signIn(page, 'admin', '/groups/deleted');
  const entry = page.getByRole('article', { name: group.name });
  await expect(entry).toContainText('Official · Owners only · 1 owner · 0 individual members · no dynamic rules');
  expect(await seen(entry)).not.toMatch(/\b1 owners\b/);
});
