import type { Locator, Page } from '@playwright/test';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations } from '../support/a11y';
import { assertSignedInAt, expect, navigateInApp, test } from '../support/fixtures';
import { DEMO_GROUPS, PERSONA_PASSWORD as PASSWORD, PERSONAS, someUsers } from '../support/data';
import { createGroup, getGroup } from '../support/groups';
import { membersTable } from '../support/members';

/**
 * The console without a mouse: sign in, find a group, open it, add two members, edit the
 * description, delete a group. Every Tab stop shows a focus indicator; focus moves into each dialog
 * and returns to the control that opened it.
 */

/** What is focused, and whether it shows a focus indicator (an outline, a ring, or an input's focus border). */
const focusProblem = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing is focused';
    const shows = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    if (shows(el)) return null;
    // Mantine's text inputs and native selects mark focus with their border colour, drawn on the field itself.
    if (el.matches('input:not([type=checkbox]):not([type=radio]), textarea, select')) return null;
    return `no visible focus indicator on ${el.outerHTML.slice(0, 160)}`;
  });

/** Presses Tab (Shift+Tab with `back`) until `target` has focus, checking the indicator at every stop. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const problem = await focusProblem(page);
    // Past the last stop focus leaves the page for the browser's own controls; the next Tab comes back.
    if (problem === 'nothing is focused') continue;
    expect(problem).toBeNull();
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`);
}

const focusIsIn = (dialog: Locator) => dialog.evaluate((el) => el.contains(document.activeElement));

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('a keyboard-only journey: sign in, find and open a group, add two members, edit, delete', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const api = await apiAs('admin', baseURL!);
  const id = uid();
  const group = await createGroup(api, { name: `E2E Keyboard ${id}`, description: 'Before the keyboard edit' });
  const doomed = await createGroup(api, { name: `E2E Keyboard delete ${id}` });
  const [first, second] = await someUsers(api, 2);

  // Sign in: the email field has focus, Tab to the password, Enter submits.
  await page.goto('/groups');
  await page.waitForURL(/\/oauth\/authorize/);
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(PERSONAS.admin.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await assertSignedInAt(page, '/groups');

  // The first Tab stop is the skip link, shown when focused; it moves focus to the main region.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await focusProblem(page)).toBeNull();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Find the group: the search box is the main region's first stop.
  const search = page.getByRole('searchbox', { name: 'Search groups' });
  await tabTo(page, search);
  await page.keyboard.type(`Keyboard ${id}`);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(`Keyboard ${id}`);
  const table = page.getByRole('table', { name: 'Groups' });
  const link = table.getByRole('link', { name: group.name, exact: true });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();

  // Tabs: arrow keys move between them, and the selected one is announced as selected.
  const tabs = page.getByRole('tablist');
  const membersTab = tabs.getByRole('tab', { name: /^Members/ });
  await expect(membersTab).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, membersTab);
  await page.keyboard.press('ArrowRight');
  const next = tabs.getByRole('tab').nth(1);
  await expect(next).toBeFocused();
  await expect(next).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(membersTab).toBeFocused();
  await expect(membersTab).toHaveAttribute('aria-selected', 'true');

  // Add two members: focus moves into the dialog and back to "Add members" when it closes.
  // The toolbar's button (the empty members tab offers a second one).
  const addButton = page.getByRole('button', { name: 'Add members' }).first();
  await tabTo(page, addButton);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Add members to ${group.name}` });
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusIsIn(dialog)).toBe(true);
  const picker = dialog.getByRole('textbox', { name: 'People to add' });
  await tabTo(page, picker);
  for (const user of [first!, second!]) {
    await page.keyboard.type(user.email);
    await expect(dialog.getByRole('option', { name: new RegExp(user.name) })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The person shows as a chosen pill (their option may stay listed).
    await expect(dialog.getByText(user.name, { exact: true }).first()).toBeVisible();
  }
  await tabTo(page, dialog.getByRole('button', { name: 'Add 2 people' }));
  await page.keyboard.press('Enter');
  // Adding several people asks first; Cancel has the focus.
  const confirmAdd = page.getByRole('dialog', { name: `Add 2 people to ${group.name}?` });
  await expect(confirmAdd.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await tabTo(page, confirmAdd.getByRole('button', { name: 'Add 2 people' }));
  await page.keyboard.press('Enter');
  // The result is announced in a live region.
  await expect(dialog.getByRole('status').filter({ hasText: '2 people added' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addButton).toBeFocused();
  const members = membersTable(page);
  await expect(members.getByRole('button', { name: first!.name, exact: true })).toBeVisible();
  await expect(members.getByRole('button', { name: second!.name, exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Members (2)' })).toBeVisible();

  // Edit the description.
  await tabTo(page, page.getByRole('link', { name: 'Edit', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  const description = page.getByRole('textbox', { name: 'Description' });
  await expect(description).toHaveValue('Before the keyboard edit');
  await tabTo(page, description);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Edited with the keyboard only');
  await tabTo(page, page.getByRole('button', { name: 'Save changes' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await expect(page.getByText('Edited with the keyboard only')).toBeVisible();
  await expect.poll(async () => (await getGroup(api, group.id)).description).toBe('Edited with the keyboard only');

  // Find the other group with the command palette (Ctrl+K) and delete it.
  await page.getByRole('main').focus();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog');
  await expect(palette.getByRole('textbox', { name: 'Search groups' })).toBeFocused();
  await page.keyboard.type(`delete ${id}`);
  await expect(palette.getByRole('button', { name: new RegExp(doomed.name) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: doomed.name })).toBeVisible();

  const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
  await tabTo(page, deleteButton);
  // Cancelled first: focus returns to the Delete button.
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: `Delete ${doomed.name}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('textbox', { name: /Type the group's name/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm.getByRole('textbox', { name: /Type the group's name/ })).toBeFocused();
  await page.keyboard.type(doomed.name);
  await page.keyboard.press('Enter');
  // The notification is a live region.
  await expect(page.getByRole('alert').filter({ hasText: `Deleted ${doomed.name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/groups(\?|$)/);
  await expect(getGroup(api, doomed.id)).rejects.toMatchObject({ status: 404 });
});

test('status chips and member tables are operable from the keyboard and named by their text', async ({ page }) => {
  await page.goto('/groups');
  await page.waitForURL(/\/oauth\/authorize/);
  // The page puts the focus in Email itself; typed before that, the keys would be lost.
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(PERSONAS.supervisor.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await assertSignedInAt(page, '/groups');
  await navigateInApp(page, `/groups/${DEMO_GROUPS.allStaff.id}?cols=presence&size=100`);
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('columnheader', { name: 'Presence' })).toBeVisible();
  // Presence is written out, not only coloured.
  const presence = members.getByRole('columnheader', { name: 'Presence' });
  const column = await presence.evaluate((th) => Array.from(th.parentElement!.children).indexOf(th) + 1);
  await expect(members.locator(`tbody tr:first-child td:nth-child(${column})`)).toHaveText(/[A-Za-z]{3}/);

  const filters = page.getByRole('group', { name: /^Status filters/ });
  const chip = filters.getByRole('button', { name: /^Available/ });
  // The chip's name contains its visible text (WCAG 2.5.3).
  const visible = (await chip.innerText()).replace(/\s+/g, ' ').trim();
  expect(visible).toMatch(/^Available/);
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, chip);
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(members.locator('tbody tr').filter({ hasNotText: 'Available' })).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');

  // The sort header is a button named by what it does, from the keyboard too.
  const sort = members.getByRole('button', { name: /Name, sorted A to Z/ });
  await tabTo(page, sort);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=DESC/);
  await expect(members.getByRole('button', { name: /Name, sorted Z to A/ })).toBeFocused();
  await assertNoSeriousA11yViolations(page);
});

test('motion follows prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).focus();
  await page.keyboard.press('Enter');
  // Mantine's respectReducedMotion: transitions of dialogs, menus and notifications take no time.
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  // Transitions (Mantine's, written inline) and animations take no time.
  const durations = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[style*="transition"]')].map(
      (el) => getComputedStyle(el).transitionDuration,
    ),
  );
  expect(durations.length).toBeGreaterThan(0);
  const longest = Math.max(...durations.flatMap((d) => d.split(',').map((one) => parseFloat(one) * 1000)));
  expect(longest).toBeLessThan(1);
});
