import type { Page } from '@playwright/test';
import { DEMO_GROUPS } from '../../server/src/db/seed/personas';
import { apiAs, ApiCallError } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { membersTable, memberTableRows } from '../support/members';
import { groupPath, removeMembers, type Listing } from '../support/groups';

const firstName = (page: Page) => memberTableRows(page).first().getByRole('button').first();

const goToGroup = async (page: Page, persona: 'admin' | 'supervisor' | 'owner', groupId: string, search = '') => {
  await signIn(page, persona, `/groups/${groupId}${search}`);
  await expect(membersTable(page)).toBeVisible();
};

test('members page and sort on the server, with the state in the URL', async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.allStaff.id);
  await expect(memberTableRows(page)).toHaveCount(25);
  const ascFirst = await firstName(page).innerText();

  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(firstName(page)).not.toHaveText(ascFirst);

  await page.getByRole('combobox', { name: 'Page size' }).selectOption('50');
  await expect(page).toHaveURL(/size=50/);
  await expect(memberTableRows(page)).toHaveCount(50);

  await page.getByRole('button', { name: /Name, sorted A to Z/ }).click();
  await expect(page).toHaveURL(/sort=DESC/);
  await expect(firstName(page)).not.toHaveText(ascFirst);
  const descFirst = await firstName(page).innerText();
  expect(descFirst.localeCompare(ascFirst)).toBeGreaterThan(0);

  await page.reload();
  await expect(firstName(page)).toHaveText(descFirst);
  await expect(memberTableRows(page)).toHaveCount(50);
});

/**
 * A page of 500 members renders the rows in and near the window (its virtualiser's code loads with the
 * first such page), each with its place in the page for assistive technology, and scrolling brings the
 * last one.
 */
test('a long members page renders the rows near the window, and scrolling reaches its end', async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.allStaff.id, '?size=500');
  await expect(membersTable(page)).toHaveAttribute('aria-rowcount', '501');
  // Spacer rows stand in for the rest, so far fewer than 500 rows are in the page.
  await expect(memberTableRows(page).last()).toHaveAttribute('aria-hidden', 'true');
  expect(await memberTableRows(page).count()).toBeLessThan(100);
  await expect(page.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();

  await page.keyboard.press('End');
  await expect(page.locator('tbody tr[aria-rowindex="501"]')).toBeVisible();
  await expect(page.locator('tbody tr[aria-rowindex="2"]')).toHaveCount(0);
});

test('every expand column of the chooser shows data', async ({ page }) => {
  // Over 20 columns, all turned on at once (one reading with every expand), each checked against the
  // server's data, then all turned off again.
  await goToGroup(page, 'admin', DEMO_GROUPS.allStaff.id, '?cols=');
  const chooser = page.getByRole('button', { name: /^Columns/ });
  await chooser.click();
  const options = page.getByRole('group', { name: /Extra columns/ }).getByRole('checkbox');
  await expect(options.first()).toBeVisible();
  const labels = await options.evaluateAll((els) =>
    els.map((el) => el.closest('.mantine-Checkbox-root')?.textContent ?? ''),
  );
  expect(labels.length).toBeGreaterThanOrEqual(15);
  // A click, then the box's new state: the choice goes to the URL and the box follows once the table has
  // re-rendered, which under load comes after Playwright's check()/uncheck() look at it.
  const toggle = async (label: string, checked: boolean) => {
    const box = page.getByRole('checkbox', { name: label, exact: true });
    await box.click();
    await expect(box).toBeChecked({ checked });
  };
  for (const label of labels) await toggle(label, true);
  await page.keyboard.press('Escape');

  for (const label of labels) {
    const header = membersTable(page).getByRole('columnheader', { name: label, exact: true });
    await expect(header).toBeVisible();
    const index = await header.evaluate((th) => Array.from(th.parentElement!.children).indexOf(th));
    const cells = memberTableRows(page).locator(`td:nth-child(${index + 1})`);
    await expect
      .poll(async () => (await cells.allInnerTexts()).filter((t) => t.trim() && t.trim() !== '–').length, {
        message: `column ${label} shows data`,
      })
      .toBeGreaterThan(0);
  }

  await chooser.click();
  for (const label of labels) await toggle(label, false);
  await page.keyboard.press('Escape');
  for (const label of labels)
    await expect(membersTable(page).getByRole('columnheader', { name: label, exact: true })).toHaveCount(0);
});

test('status chips count the whole group and list every member with a status', async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.allStaff.id, '?size=100');
  const filters = page.getByRole('group', { name: 'Status filters (whole group)' });
  const available = filters.getByRole('button', { name: /^Available/ });
  await expect(available).toBeVisible();
  const count = Number((await available.innerText()).replace(/\D+/g, ''));
  expect(count).toBeGreaterThan(0);
  await available.click();
  await expect(available).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/status=presence%3AAvailable/);
  await expect(memberTableRows(page)).toHaveCount(Math.min(count, 100));
  await expect(memberTableRows(page).filter({ hasNotText: 'Available' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(memberTableRows(page)).toHaveCount(100);
});

test("a member's name opens their groups, each a link", async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.small.id);
  const name = await firstName(page).innerText();
  await firstName(page).click();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  const groups = drawer.getByRole('list', { name: `Groups of ${name}` });
  await expect(groups.getByRole('link', { name: DEMO_GROUPS.small.name })).toBeVisible();
  await expect(page).toHaveURL(/user=/);
  await groups.getByRole('link', { name: DEMO_GROUPS.allStaff.name }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${DEMO_GROUPS.allStaff.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: DEMO_GROUPS.allStaff.name })).toBeVisible();
});

test('the profile tab follows the field configuration', async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.allStaff.id);
  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/tab=profile/);
  const general = page.getByRole('table', { name: 'General' });
  await expect(general.getByRole('row').first()).toContainText('Name');
  await expect(general.getByRole('row').first()).toContainText(DEMO_GROUPS.allStaff.name);
  await expect(page.getByRole('table', { name: 'Contact info' })).toContainText('all-staff@example.com');
});

test('individuals and owners say why each person is in the group; rules show for a dynamic group', async ({ page }) => {
  await goToGroup(page, 'admin', DEMO_GROUPS.dynamic.id);
  await page.getByRole('tab', { name: /Owners/ }).click();
  await expect(page.getByRole('table', { name: 'Owners' }).locator('tbody tr').first()).toContainText('Owner');
  await page.getByRole('tab', { name: 'Dynamic rules' }).click();
  await expect(page.getByRole('list', { name: 'Skill conditions' })).toContainText('Language Spanish at least 3');
  await page.getByRole('tab', { name: /Members/ }).click();
  await expect(membersTable(page).getByText('Rule', { exact: true }).first()).toBeVisible();
});

test('the supervisor sees no change controls, and the server refuses a change with 403', async ({ page, baseURL }) => {
  await goToGroup(page, 'supervisor', DEMO_GROUPS.allStaff.id);
  await expect(page.getByRole('button', { name: 'Add members' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Remove selected/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Dynamic rules' })).toHaveCount(0);
  await assertNoSeriousA11yViolations(page);

  const api = await apiAs('supervisor', baseURL!);
  const someone = await api.get<Listing<{ id: string }>>(`${groupPath(DEMO_GROUPS.allStaff.id, 'members')}?pageSize=1`);
  const error = await removeMembers(api, DEMO_GROUPS.allStaff.id, [someone.entities[0]!.id]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiCallError);
  expect((error as ApiCallError).status).toBe(403);
});

test('an unknown group shows the not-found view', async ({ page }) => {
  await signIn(page, 'admin', '/groups');
  await page.goto('/groups/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Group not found' })).toBeVisible();
});

test('a members-only group is not found for someone outside it', async ({ page }) => {
  await signIn(page, 'supervisor', '/groups');
  await page.goto(`/groups/${DEMO_GROUPS.membersOnlyWithoutSupervisor.id}`);
  await expect(page.getByRole('heading', { name: 'Group not found' })).toBeVisible();
});
