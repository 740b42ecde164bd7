import type { Locator, Page } from '@playwright/test';
import { DEMO_GROUPS } from '../../server/src/db/seed/personas';
import { assertNoSeriousA11yViolations, THEMES, VIEWPORTS, type ViewportName } from '../support/a11y';
import { expect, navigateInApp, signIn, test } from '../support/fixtures';
import { memberRows, membersTable } from '../support/members';

/**
 * axe (every WCAG 2.0/2.1/2.2 A and AA rule, best practices) on every route and every overlay
 * (dialogs, drawer, menus, popovers, the command palette, select dropdowns) and on the forms in their
 * error state, in the light and the dark theme, at desktop and phone width. Each state is scanned
 * with expect.soft, so one run lists every failing state.
 */

const STATIC_GROUP = DEMO_GROUPS.small;
const DYNAMIC_GROUP = DEMO_GROUPS.dynamic;

/** The members' rows: table rows on a desktop, one row a member on a phone. */

for (const theme of THEMES) {
  for (const viewportName of Object.keys(VIEWPORTS) as ViewportName[]) {
    const phone = viewportName === 'phone';
    test.describe(`${theme} theme, ${viewportName}`, () => {
      // The sign-in page answers a wrong password with a 400 page.
      test.use({ allowedConsoleErrors: [/status of 400 .*\/oauth\/authorize/] });
      test.use({ colorScheme: theme, viewport: VIEWPORTS[viewportName], reducedMotion: 'reduce' });
      // Many states, each scanned with every rule.
      test.describe.configure({ timeout: 180_000 });

      const scan = (page: Page, state: string, include?: string) =>
        assertNoSeriousA11yViolations(page, { state: `${state}, ${theme}, ${viewportName}`, include, soft: true });

      /** Opens a menu, popover or dropdown with `trigger`, scans it once `shown` is visible, closes it with Escape. */
      const scanOpened = async (page: Page, trigger: Locator, shown: Locator, state: string) => {
        await trigger.click();
        await expect(shown).toBeVisible();
        await scan(page, state);
        await page.keyboard.press('Escape');
      };

      test('every route', async ({ page }) => {
        // The embedded server's sign-in page, fresh and after a wrong password.
        await page.goto('/groups');
        await page.waitForURL(/\/oauth\/authorize/);
        await scan(page, 'sign-in page');
        // An unknown account, so no demo persona's failures add up towards a lockout.
        await page.getByLabel('Email').fill(`nobody-${theme}-${viewportName}@example.com`);
        await page.getByLabel('Password').fill('wrong');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
        await scan(page, 'sign-in page, wrong password');

        await signIn(page, 'admin', '/groups');
        await expect(page.getByRole('table', { name: 'Groups' }).locator('tbody tr').first()).toBeVisible();
        await scan(page, 'group list');

        await navigateInApp(page, '/groups?q=zzzz-no-such-group');
        await expect(page.getByText('No groups match')).toBeVisible();
        await scan(page, 'group list, nothing found');

        await navigateInApp(page, `/groups/${STATIC_GROUP.id}`);
        await expect(memberRows(page).first()).toBeVisible();
        await scan(page, 'group page, members tab');

        await navigateInApp(page, `/groups/${DEMO_GROUPS.allStaff.id}?cols=presence,routingStatus,station,outOfOffice`);
        await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.allStaff.name })).toBeVisible();
        await expect(memberRows(page).first()).toBeVisible();
        if (phone) await expect(page.getByTestId('member-status').first()).toBeVisible();
        else await expect(membersTable(page).getByRole('columnheader', { name: 'Presence' })).toBeVisible();
        await scan(page, 'group page, members with status columns');

        await navigateInApp(page, `/groups/${DYNAMIC_GROUP.id}`);
        await expect(page.getByRole('heading', { level: 1, name: DYNAMIC_GROUP.name })).toBeVisible();
        for (const tab of [/Individuals/, /Owners/, /^Profile$/, /Dynamic rules/]) {
          const target = page.getByRole('tab', { name: tab });
          if ((await target.count()) === 0) continue;
          await target.click();
          await expect(target).toHaveAttribute('aria-selected', 'true');
          // Scanned once its reading is in: nothing in the panel still loading (its code or its data).
          const panel = page.getByRole('tabpanel', { name: tab });
          await expect(panel).not.toBeEmpty();
          await expect(panel.locator('.mantine-Skeleton-root, [aria-busy="true"]')).toHaveCount(0);
          await scan(page, `group page, ${String(tab)} tab`);
        }

        await navigateInApp(page, `/groups/${STATIC_GROUP.id}/edit`);
        await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(STATIC_GROUP.name);
        await scan(page, 'edit group');

        await navigateInApp(page, '/groups/new');
        await expect(page.getByRole('heading', { name: 'Create group', level: 1 })).toBeVisible();
        await scan(page, 'create group');

        await navigateInApp(page, '/settings');
        await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
        await scan(page, 'settings');

        await navigateInApp(page, '/no/such/page');
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
        await scan(page, 'not found');

        await navigateInApp(page, `/groups/00000000-0000-4000-8000-000000000000`);
        await expect(page.getByRole('heading', { level: 1, name: 'Group not found' })).toBeVisible();
        await scan(page, 'group not found');
      });

      test('menus, popovers, dropdowns and the command palette', async ({ page }) => {
        await signIn(page, 'admin', '/groups');
        await expect(page.getByRole('table', { name: 'Groups' }).locator('tbody tr').first()).toBeVisible();

        if (phone) {
          await page.getByRole('button', { name: 'Toggle navigation' }).click();
          await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
          await scan(page, 'navigation open');
          await page.getByRole('button', { name: 'Toggle navigation' }).click();
        }

        await scanOpened(page, page.getByRole('button', { name: /User menu/ }), page.getByRole('menu'), 'user menu');
        // The About dialog, from the user menu, once the server's version is in.
        await page.getByRole('button', { name: /User menu/ }).click();
        await page.getByRole('menuitem', { name: 'About Groups Console' }).click();
        const about = page.getByRole('dialog', { name: 'About Groups Console' });
        await expect(about.getByRole('row', { name: /^Server Node v\d/ })).toBeVisible();
        await scan(page, 'about dialog');
        await page.keyboard.press('Escape');
        await expect(about).toBeHidden();
        if (phone) {
          // A phone keeps the list's filters in a sheet behind one "Filters" control.
          await page.getByRole('button', { name: /^Filters/ }).click();
          const sheet = page.getByRole('dialog', { name: 'Filters and sort' });
          await expect(sheet).toBeVisible();
          await scan(page, 'filters sheet');
          const typeFilter = sheet.getByRole('combobox', { name: 'Type', exact: true });
          await scanOpened(page, typeFilter, page.getByRole('listbox'), 'list filter dropdown');
          await page.keyboard.press('Escape');
          await expect(sheet).toBeHidden();
        } else {
          const typeFilter = page.getByRole('combobox', { name: 'Type', exact: true });
          await scanOpened(page, typeFilter, page.getByRole('listbox'), 'list filter dropdown');
        }

        await page.getByRole('button', { name: /^Search( Ctrl K)?$/ }).click();
        const palette = page.getByRole('dialog');
        await expect(palette).toBeVisible();
        await palette.getByRole('textbox').fill('staff');
        await expect(palette.getByText('All Staff')).toBeVisible();
        await scan(page, 'command palette');
        await page.keyboard.press('Escape');

        await navigateInApp(page, `/groups/${STATIC_GROUP.id}`);
        await expect(memberRows(page).first()).toBeVisible();
        const columns = page.getByRole('button', { name: /^Columns/ });
        await scanOpened(page, columns, page.getByRole('group', { name: /Extra columns/ }), 'column chooser');
        // The tab's sort, page size and reason filter are native lists: the browser draws them open.
      });

      test('dialogs and the drawer', async ({ page }) => {
        await signIn(page, 'admin', `/groups/${STATIC_GROUP.id}`);
        await expect(memberRows(page).first()).toBeVisible();

        const firstName = memberRows(page).first().getByRole('button').first();
        const name = await firstName.innerText();
        await firstName.click();
        const drawer = page.getByRole('dialog', { name });
        await expect(drawer.getByRole('list', { name: `Groups of ${name}` })).toBeVisible();
        await scan(page, 'person drawer');
        await page.keyboard.press('Escape');
        await expect(drawer).toBeHidden();

        await page.getByRole('button', { name: 'Add members' }).click();
        const add = page.getByRole('dialog', { name: /Add members/ });
        await add.getByRole('textbox', { name: 'People to add' }).fill('a');
        await expect(add.getByRole('option').first()).toBeVisible();
        await scan(page, 'add members dialog, suggestions open');
        await page.keyboard.press('Escape');
        await add.getByText('Paste a list').click();
        await add.getByRole('textbox', { name: /Emails or names/ }).fill('nobody@nowhere.example\nadmin@example.com');
        await add.getByRole('button', { name: /Check/ }).click();
        await expect(add.getByRole('table', { name: 'Checked list' })).toBeVisible();
        await scan(page, 'add members dialog, checked list');
        await add
          .getByRole('button', { name: /Close|Cancel/ })
          .first()
          .click();
        await expect(add).toBeHidden();

        await page
          .getByRole('checkbox', { name: /^Select (?!all)/ })
          .first()
          .check();
        await page.getByRole('button', { name: /Remove selected/ }).click();
        await expect(page.getByRole('dialog', { name: /Remove 1 member/ })).toBeVisible();
        await scan(page, 'remove members confirmation, a row selected');
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

        await page.getByRole('button', { name: 'Delete' }).click();
        await expect(page.getByRole('dialog', { name: /Delete/ })).toBeVisible();
        await scan(page, 'delete group dialog');
        await page.keyboard.press('Escape');
      });

      test('forms in their error state', async ({ page }) => {
        await signIn(page, 'admin', '/groups/new');
        await expect(page.getByRole('heading', { name: 'Create group', level: 1 })).toBeVisible();
        await page.getByRole('button', { name: 'Create group' }).click();
        await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('aria-invalid', 'true');
        await scan(page, 'create group, empty');

        await page.goto(`/groups/${STATIC_GROUP.id}/edit`);
        const nameField = page.getByRole('textbox', { name: 'Name', exact: true });
        await expect(nameField).toHaveValue(STATIC_GROUP.name);
        await nameField.fill('');
        await page.getByRole('button', { name: /Save/ }).click();
        await expect(nameField).toHaveAttribute('aria-invalid', 'true');
        await scan(page, 'edit group, empty name');
        // The unsaved-changes guard.
        await page.getByRole('link', { name: 'Cancel' }).click();
        await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
        await scan(page, 'leave without saving dialog');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: /Stay|Keep/ })
          .click();

        await page.goto('/settings');
        await page.getByRole('radio', { name: /Genesys Cloud organization/ }).check();
        await page.getByRole('button', { name: /Save|Connect/ }).click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
        await scan(page, 'settings, missing region and client id');
      });
    });
  }
}
