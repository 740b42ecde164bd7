import type { Locator, Page } from '@playwright/test';
import { apiAs, type Api } from '../support/api';
import { someUsers, type UserBody } from '../support/data';
import { expect, signIn, test } from '../support/fixtures';
import {
  addMembers,
  createGroup,
  getGroup,
  groupPath,
  uniqueName,
  updateGroup,
  type GroupBody,
} from '../support/groups';
import { membersTable } from '../support/members';

/**
 * Every dialog, drawer and menu of the console from the keyboard: each opens on its first field (a
 * confirmation without fields on Cancel, a dialog without fields on its content) and, closed with Escape
 * or with its own close or cancel button, gives focus back to the control that opened it. Then the
 * command palette's Enter and the group tabs' keys.
 */

/** How a dialog is closed: Escape, or one of its buttons (by name). */
type Close = 'Escape' | { button: string | RegExp };

interface DialogCase {
  /** The control that opens it (focused, then Enter). */
  opener: Locator;
  dialog: Locator;
  /** What has focus once it opened: a field, a button, or 'content' (the dialog itself, no control). */
  first: Locator | 'content';
  close: Close;
  /** Where focus returns, when not the opener (e.g. a menu's button for one of its items). */
  back?: Locator;
  /** Opens it, when Enter on the opener is not the way (e.g. through a menu). */
  open?: () => Promise<void>;
}

/** Focus is inside `dialog` on no control of it: its content. */
const contentHasFocus = (dialog: Locator) =>
  dialog.evaluate((el) => {
    const active = document.activeElement;
    return !!active && el.contains(active) && !active.matches('button, a, input, select, textarea, [role="tab"]');
  });

async function checkDialog(page: Page, { opener, dialog, first, close, back = opener, open }: DialogCase) {
  if (open) await open();
  else {
    await opener.focus();
    await page.keyboard.press('Enter');
  }
  await expect(dialog).toBeVisible();
  if (first === 'content') await expect.poll(() => contentHasFocus(dialog)).toBe(true);
  else await expect(first).toBeFocused();
  if (close === 'Escape') await page.keyboard.press('Escape');
  else {
    // The dialog's own button, after the header's close button when both have one name.
    await dialog.getByRole('button', { name: close.button }).last().focus();
    await page.keyboard.press('Enter');
  }
  await expect(dialog).toBeHidden();
  await expect(back).toBeFocused();
}

/** Both ways out: Escape, then the dialog's button. */
async function checkBothWays(page: Page, dialogCase: Omit<DialogCase, 'close'>, button: string | RegExp) {
  await checkDialog(page, { ...dialogCase, close: 'Escape' });
  await checkDialog(page, { ...dialogCase, close: { button } });
}

/** A new group with `count` members, signed in as the admin on its page. */
async function openGroupWithMembers(
  page: Page,
  api: Api,
  count: number,
): Promise<{ group: GroupBody; users: UserBody[] }> {
  const group = await createGroup(api, { name: uniqueName('Keys') });
  const users = await someUsers(api, count);
  await addMembers(api, group.id, { memberIds: users.map((u) => u.id) });
  await signIn(page, 'admin', `/groups/${group.id}`);
  await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
  await expect(membersTable(page).getByRole('button', { name: users[0]!.name, exact: true })).toBeVisible();
  return { group, users };
}

test.describe('dialogs of a group page', () => {
  let api: Api;
  test.beforeEach(async ({ baseURL }) => {
    api = await apiAs('admin', baseURL!);
  });

  test('add members, copy or move, remove, export and the column chooser', async ({ page }) => {
    const { group, users } = await openGroupWithMembers(page, api, 2);
    const add = page.getByRole('button', { name: 'Add members' }).first();
    const addDialog = page.getByRole('dialog', { name: `Add members to ${group.name}` });
    await checkBothWays(
      page,
      { opener: add, dialog: addDialog, first: addDialog.getByRole('radio', { name: 'Search people' }) },
      'Cancel',
    );

    const copyMove = page.getByRole('button', { name: 'Copy or move…' });
    const copyDialog = page.getByRole('dialog', { name: `Copy or move members of ${group.name}` });
    await checkBothWays(
      page,
      { opener: copyMove, dialog: copyDialog, first: copyDialog.getByRole('radio', { name: 'Copy (keep them here)' }) },
      'Cancel',
    );

    // A confirmation without fields opens on Cancel.
    await membersTable(page)
      .getByRole('checkbox', { name: `Select ${users[0]!.name}` })
      .check();
    const remove = page.getByRole('button', { name: 'Remove selected (1)' });
    const confirm = page.getByRole('dialog', { name: `Remove 1 member from ${group.name}?` });
    await checkBothWays(
      page,
      { opener: remove, dialog: confirm, first: confirm.getByRole('button', { name: 'Cancel' }) },
      'Cancel',
    );

    // The export's dialog has no field: it opens on its content (the progress, then the result).
    const exportButton = page.getByRole('button', { name: 'Export CSV' });
    const exportDialog = page.getByRole('dialog', { name: 'Export members to CSV' });
    await checkBothWays(page, { opener: exportButton, dialog: exportDialog, first: 'content' }, 'Close');

    // The column chooser (a popover dialog) opens on its first checkbox.
    const columns = page.getByRole('button', { name: /^Columns/ });
    const chooser = page.getByRole('dialog', { name: /^Columns/ });
    await checkDialog(page, {
      opener: columns,
      dialog: chooser,
      first: chooser.getByRole('checkbox').first(),
      close: 'Escape',
    });
  });

  test('the person drawer, the delete confirmation and the user menu with About', async ({ page }) => {
    const { group, users } = await openGroupWithMembers(page, api, 1);
    const person = membersTable(page).getByRole('button', { name: users[0]!.name, exact: true });
    const drawer = page.getByRole('dialog', { name: users[0]!.name });
    // The person's details come first: the drawer opens on its content.
    await checkBothWays(page, { opener: person, dialog: drawer, first: 'content' }, 'Close');

    // (Escape from it is part of the keyboard journey, e2e/a11y/keyboard.spec.ts.)
    const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    const deleteDialog = page.getByRole('dialog', { name: `Delete ${group.name}?` });
    await checkDialog(page, {
      opener: deleteButton,
      dialog: deleteDialog,
      first: deleteDialog.getByRole('textbox', { name: /Type the group's name/ }),
      close: { button: 'Cancel' },
    });

    // The user menu opens on its first item; About, opened from it, gives focus back to the menu's button.
    const userButton = page.getByRole('button', { name: /^User menu for/ });
    const menu = page.getByRole('menu');
    // The menu itself loads after the first paint.
    await expect(userButton).toHaveAttribute('aria-haspopup', 'menu');
    await checkDialog(page, {
      opener: userButton,
      dialog: menu,
      first: menu.getByRole('menuitem', { name: 'Settings' }),
      close: 'Escape',
    });
    const about = page.getByRole('dialog', { name: 'About Groups Console' });
    const openAbout = async () => {
      await userButton.focus();
      await page.keyboard.press('Enter');
      // The menu puts the focus on its first item once it has opened: only then move it to About.
      await expect(menu.getByRole('menuitem', { name: 'Settings' })).toBeFocused();
      const aboutItem = menu.getByRole('menuitem', { name: 'About Groups Console' });
      await aboutItem.focus();
      await expect(aboutItem).toBeFocused();
      await page.keyboard.press('Enter');
    };
    await checkBothWays(
      page,
      {
        opener: userButton,
        open: openAbout,
        dialog: about,
        first: about.getByRole('button', { name: 'Copy details' }),
      },
      'Close',
    );
  });

  test('Home and End select the first and last tab, as the arrow keys select the next one', async ({ page }) => {
    await openGroupWithMembers(page, api, 1);
    const tabs = page.getByRole('tablist', { name: 'Group sections' }).getByRole('tab');
    const first = tabs.first();
    const last = tabs.last();
    await first.focus();
    await page.keyboard.press('End');
    await expect(last).toBeFocused();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(last).toBeFocused();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('dialogs of the group list', () => {
  test('export view, import, and the selection’s export and delete', async ({ page, baseURL }) => {
    const api = await apiAs('admin', baseURL!);
    const label = uniqueName('Keys list');
    await createGroup(api, { name: `${label} A` });
    await createGroup(api, { name: `${label} B` });
    await signIn(page, 'admin', `/groups?q=${encodeURIComponent(label)}`);
    const table = page.getByRole('table', { name: 'Groups' });
    await expect(table.getByRole('link', { name: `${label} B` })).toBeVisible();

    const exportView = page.getByRole('button', { name: 'Export view' });
    const exportDialog = page.getByRole('dialog', { name: 'Export 2 groups' });
    await checkBothWays(
      page,
      { opener: exportView, dialog: exportDialog, first: exportDialog.getByRole('checkbox').first() },
      'Close',
    );

    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    const importDialog = page.getByRole('dialog', { name: 'Import groups from CSV' });
    await checkBothWays(
      page,
      { opener: importButton, dialog: importDialog, first: importDialog.getByRole('button', { name: 'CSV file' }) },
      'Dismiss',
    );

    await table.getByRole('checkbox', { name: 'Select every group on this page' }).check();
    const bar = page.getByRole('region', { name: 'Selected groups' });
    await checkDialog(page, {
      opener: bar.getByRole('button', { name: 'Export' }),
      dialog: exportDialog,
      first: exportDialog.getByRole('checkbox').first(),
      close: 'Escape',
    });
    // The list of groups to delete has no field: it opens on its content. Its Delete button asks the
    // shared confirmation, which opens on the count to type and gives focus back to that button.
    const bulkDelete = page.getByRole('dialog', { name: 'Delete groups' });
    await checkBothWays(
      page,
      { opener: bar.getByRole('button', { name: 'Delete…' }), dialog: bulkDelete, first: 'content' },
      'Cancel',
    );
    await bar.getByRole('button', { name: 'Delete…' }).click();
    const deleteButton = bulkDelete.getByRole('button', { name: 'Delete 2 groups…' });
    const confirm = page.getByRole('dialog', { name: 'Delete 2 groups?' });
    await checkBothWays(
      page,
      { opener: deleteButton, dialog: confirm, first: confirm.getByRole('textbox', { name: 'Type 2 to confirm' }) },
      'Cancel',
    );
  });

  test('the phone’s filters drawer', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'admin', '/groups');
    const filters = page.getByRole('button', { name: /^Filters/ });
    const drawer = page.getByRole('dialog', { name: 'Filters and sort' });
    await checkBothWays(
      page,
      { opener: filters, dialog: drawer, first: drawer.getByRole('checkbox', { name: 'My groups' }) },
      'Close',
    );
  });
});

test.describe('dialogs of the edit form', () => {
  test('leaving with unsaved changes, and a save someone else got in first', async ({ page, baseURL }) => {
    const api = await apiAs('admin', baseURL!);
    const group = await createGroup(api, { name: uniqueName('Keys edit'), description: 'Before' });
    await signIn(page, 'admin', `/groups/${group.id}/edit`);
    const description = page.getByRole('textbox', { name: 'Description', exact: true });
    await expect(description).toHaveValue('Before');
    await description.fill('Mine');

    // A link away asks first; staying gives focus back to the link.
    const leave = page.getByRole('link', { name: 'Groups', exact: true }).first();
    const guard = page.getByRole('dialog', { name: 'Leave without saving?' });
    await checkBothWays(
      page,
      { opener: leave, dialog: guard, first: guard.getByRole('button', { name: 'Stay on this page' }) },
      'Stay on this page',
    );

    // Someone saves first: the conflict has no field and opens on its content.
    await updateGroup(api, group.id, { name: group.name, description: 'Theirs', version: group.version });
    expect((await getGroup(api, group.id)).description).toBe('Theirs');
    const save = page.getByRole('button', { name: 'Save changes' });
    const conflict = page.getByRole('dialog', { name: 'Someone else changed this group' });
    await checkDialog(page, { opener: save, dialog: conflict, first: 'content', close: 'Escape' });
    await expect(page).toHaveURL(new RegExp(`${groupPath(group.id).replace('/api/v2', '')}/edit$`));
  });
});

test.describe('command palette', () => {
  test('Enter opens the only result, or the highlighted one (the first) among several; Escape gives focus back', async ({
    page,
    baseURL,
  }) => {
    const api = await apiAs('admin', baseURL!);
    const label = uniqueName('Keys palette');
    const first = await createGroup(api, { name: `${label} A` });
    const second = await createGroup(api, { name: `${label} B` });
    await signIn(page, 'admin', '/settings');
    const search = page.getByRole('button', { name: 'Search' }).first();
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const input = palette.getByRole('textbox', { name: 'Search groups' });

    await checkDialog(page, { opener: search, dialog: palette, first: input, close: 'Escape' });

    await search.focus();
    await page.keyboard.press('Enter');
    await expect(input).toBeFocused();
    await page.keyboard.type(`${label} B`);
    await expect(palette.getByRole('button', { name: new RegExp(second.name) })).toBeVisible();
    await expect(palette.getByRole('button', { name: new RegExp(first.name) })).toBeHidden();
    await expect(palette.locator('[data-action]')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: second.name })).toBeVisible();

    await page.keyboard.press('ControlOrMeta+k');
    await expect(input).toBeFocused();
    await page.keyboard.type(label);
    await expect(palette.getByRole('button', { name: new RegExp(second.name) })).toBeVisible();
    await expect(palette.getByRole('button', { name: new RegExp(first.name) })).toBeVisible();
    // Only the two: a result of a shorter query typed on the way (another test's "E2E Keys …") is gone.
    await expect(palette.locator('[data-action]')).toHaveCount(2);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: first.name })).toBeVisible();
  });
});
