import type { Locator, Page } from '@playwright/test';
import { DEMO_GROUPS } from '../../server/src/db/seed/personas';
import { apiAs, type Api } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { CHANGE_MARK_MS, VISIBLE_PAGE_REFRESH_MS } from '../support/live-roster';
import { memberRows } from '../support/members';
import { groupPath, type Listing } from '../support/groups';

/**
 * The live roster on All Staff: whole-group counts, filters across every page, and a presence change
 * made through the API marked after a refresh. The e2e server runs without the presence simulation,
 * so the API's answers stay put unless a test changes them.
 */
const ALL_STAFF = DEMO_GROUPS.allStaff.id;
const ADMIN_ID = '5e0f6a10-0001-4a00-8a00-000000000001';

interface Member {
  id: string;
  name: string;
  presence?: { presenceDefinition?: { id?: string; systemPresence?: string } };
  routingStatus?: { status?: string };
}

/** Every member of All Staff with presence and routing status, read page by page through the API. */
const readEveryMember = async (api: Api): Promise<Member[]> => {
  const all: Member[] = [];
  for (let n = 1; ; n++) {
    const page = await api.get<Listing<Member>>(
      `${groupPath(ALL_STAFF, 'members')}?pageSize=500&pageNumber=${n}&expand=presence,routingStatus`,
    );
    all.push(...page.entities);
    if (n >= page.pageCount) return all;
  }
};

const tally = (values: string[]) => {
  const out: Record<string, number> = {};
  for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
  return out;
};

/** The console's label of a status value: "ON_QUEUE" → "On queue". */
const label = (value: string) => {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const filters = (page: Page) => page.getByRole('group', { name: 'Status filters (whole group)' });
/** The members' rows: table rows on a desktop, one row a member on a phone. */

/** The chips' counts, by label: "Available 231" → { Available: 231 }. */
const chipCounts = async (chips: Locator): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const text of await chips.allInnerTexts()) {
    const match = /^(.*?)\s*(\d+)$/s.exec(text.trim());
    if (match) out[match[1]!.trim()] = Number(match[2]);
  }
  return out;
};

test('the whole-group counts equal what the API reports when every member is read', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const members = await readEveryMember(api);
  expect(members.length).toBeGreaterThan(2000);
  const presence = tally(members.map((m) => m.presence?.presenceDefinition?.systemPresence ?? ''));
  const routing = tally(members.map((m) => m.routingStatus?.status ?? ''));

  await signIn(page, 'admin', `/groups/${ALL_STAFF}`);
  await expect(page.getByTestId('roster-taken')).toContainText(
    `${members.length.toLocaleString('en-US')} members counted at`,
  );
  await expect(page.getByTestId('roster-taken')).toContainText('Counts refresh every 20 s, this page every 5 s');
  const rows = filters(page).locator('.mantine-Group-root');
  const presenceChips = rows.nth(0).getByRole('button');
  const routingChips = rows.nth(1).getByRole('button');
  expect(await chipCounts(presenceChips)).toEqual(
    Object.fromEntries(Object.entries(presence).map(([k, v]) => [label(k), v])),
  );
  expect(await chipCounts(routingChips)).toEqual(
    Object.fromEntries(Object.entries(routing).map(([k, v]) => [label(k), v])),
  );
  await expect(page.getByRole('img', { name: /^Presence of the group: / })).toBeVisible();
  await assertNoSeriousA11yViolations(page);
});

test('a group of more than one page is read in a Web Worker, and its counts still arrive', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await signIn(page, 'supervisor', `/groups/${ALL_STAFF}`);
  await expect(page.getByTestId('roster-taken')).toContainText('members counted at');
  await expect(filters(page).getByRole('button').first()).toHaveText(/\d+$/);
  expect(workers.some((url) => /\/assets\/roster\.worker-[\w-]+\.js$/.test(url))).toBe(true);
});

test('filtering to one presence lists exactly those members across pages, with the filter in the URL', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const api = await apiAs('admin', baseURL!);
  const members = await readEveryMember(api);
  const expected = members
    .filter((m) => m.presence?.presenceDefinition?.systemPresence === 'Training')
    .map((m) => m.name)
    .sort();
  expect(expected.length).toBeGreaterThan(100);

  await signIn(page, 'admin', `/groups/${ALL_STAFF}?size=100`);
  const chip = filters(page).getByRole('button', { name: new RegExp(`^Training\\s*${expected.length}$`) });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/status=presence%3ATraining/);
  await expect(page.getByText(`${expected.length} members with Training at the last count`)).toBeVisible();

  const pages = Math.ceil(expected.length / 100);
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n > 1) {
      const previousFirst = seen[seen.length - 100]!;
      await page.getByRole('button', { name: `Page ${n}`, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`page=${n}`));
      // The previous page stays until the new one has loaded.
      await expect(memberRows(page).first().getByRole('button')).not.toHaveText(previousFirst);
    }
    const count = n < pages ? 100 : expected.length - 100 * (pages - 1);
    await expect(memberRows(page)).toHaveCount(count);
    await expect(memberRows(page).filter({ hasNotText: 'Training' })).toHaveCount(0);
    seen.push(...(await memberRows(page).getByRole('button').allInnerTexts()));
  }
  expect(seen.sort()).toEqual(expected);

  // The filter survives a reload (it lives in the URL).
  await page.reload();
  await expect(filters(page).getByRole('button', { name: /^Training/ })).toHaveAttribute('aria-pressed', 'true');
});

test('a presence change made through the API shows after a refresh and is marked', async ({ page, baseURL }) => {
  const api = await apiAs('admin', baseURL!);
  const members = await readEveryMember(api);
  const index = members.findIndex((m) => m.id === ADMIN_ID);
  expect(index).toBeGreaterThanOrEqual(0);
  const was = members[index]!.presence?.presenceDefinition?.systemPresence;
  const to = was === 'Meal' ? 'Break' : 'Meal';
  const me = await api.get<{ presenceDefinitions: Array<{ id: string; systemPresence: string }> }>(
    '/api/v2/users/me?expand=presencedefinitions',
  );
  const definition = me.presenceDefinitions.find((d) => d.systemPresence === to)!;

  // The page's clock runs on its own, and is moved on to the next refresh and past the mark's time.
  await page.clock.install();
  await signIn(page, 'admin', `/groups/${ALL_STAFF}?page=${Math.floor(index / 25) + 1}`);
  const row = memberRows(page).filter({ has: page.getByRole('button', { name: members[index]!.name, exact: true }) });
  await expect(row).toContainText(was ?? '');
  await expect(page.getByTestId('roster-panel')).toBeVisible();
  const rowsBefore = await memberRows(page).getByRole('button').allInnerTexts();

  await api.request('PATCH', `/api/v2/users/${ADMIN_ID}/presences/PURECLOUD`, {
    presenceDefinition: { id: definition.id },
  });

  // The page refreshes every 5 s: the row shows the new presence, marked, in the same place.
  await page.clock.fastForward(VISIBLE_PAGE_REFRESH_MS);
  await expect(row.getByTestId('change-mark')).toHaveText(`now ${to}`);
  await expect(row).toHaveAttribute('data-changed', 'true');
  await expect(row).toContainText(to);
  expect(await memberRows(page).getByRole('button').allInnerTexts()).toEqual(rowsBefore);
  await assertNoSeriousA11yViolations(page);
  // The mark goes after a moment.
  await page.clock.fastForward(CHANGE_MARK_MS);
  await expect(row.getByTestId('change-mark')).toHaveCount(0);

  // A new count reports the change.
  await page.getByRole('button', { name: 'Count now' }).click();
  await expect(page.getByTestId('roster-changes')).toContainText(`1 now ${to}`);
});

test.describe('at phone width in the dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('the roster panel and a filtered list are accessible', async ({ page }) => {
    await signIn(page, 'supervisor', `/groups/${ALL_STAFF}?status=routingStatus:IDLE`);
    await expect(filters(page).getByRole('button', { pressed: true })).toHaveText(/^Idle\s*\d+$/);
    await expect(page.getByRole('img', { name: /^Routing status of the group: / })).toBeVisible();
    await expect(memberRows(page).first()).toContainText('Idle');
    await assertNoSeriousA11yViolations(page);
  });
});
