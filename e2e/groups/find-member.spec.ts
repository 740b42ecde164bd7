import type { Page } from '@playwright/test';
import { DEMO_GROUPS } from '../../server/src/db/seed/personas';
import { apiAs } from '../support/api';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import { memberRows } from '../support/members';
import { groupPath, type Listing } from '../support/groups';

/**
 * Finding one person in All Staff by part of their name or email: whatever page of the member list
 * they are on, the search (kept in the URL) lists them. The person is picked through the API from the
 * last page of the list, never a hard-coded name.
 */
const ALL_STAFF = DEMO_GROUPS.allStaff.id;

interface Member {
  id: string;
  name: string;
  email: string;
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Find a member' });

/** Counts the requests for member pages and users (listing and search) from now on. */
const countMemberRequests = (page: Page) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (/^\/api\/v2\/groups\/[^/]+\/members$/.test(pathname) || /^\/api\/v2\/users(\/search)?$/.test(pathname))
      urls.push(`${request.method()} ${pathname}`);
  });
  return urls;
};

/** A member from the last page of All Staff (25 a page, A–Z), and every member, read through the API. */
const pickLateMember = async (baseURL: string) => {
  const api = await apiAs('admin', baseURL);
  const first = await api.get<Listing<Member>>(`${groupPath(ALL_STAFF, 'members')}?pageSize=25&pageNumber=1`);
  expect(first.pageCount).toBeGreaterThan(10);
  const last = await api.get<Listing<Member>>(
    `${groupPath(ALL_STAFF, 'members')}?pageSize=25&pageNumber=${first.pageCount}`,
  );
  const member = last.entities[Math.floor(last.entities.length / 2)]!;
  const everyone: Member[] = [];
  for (let n = 1; ; n++) {
    const page = await api.get<Listing<Member>>(`${groupPath(ALL_STAFF, 'members')}?pageSize=500&pageNumber=${n}`);
    everyone.push(...page.entities);
    if (n >= page.pageCount) break;
  }
  return { member, everyone, pageCount: first.pageCount };
};

test('searching by part of a name finds a member from the last page, and the query lives in the URL', async ({
  page,
  baseURL,
}) => {
  const { member, everyone, pageCount } = await pickLateMember(baseURL!);
  // Part of the first name and the start of the last: "Ana Ló" for "Ana López".
  const [firstName, ...rest] = member.name.split(' ');
  const lastName = rest.join(' ');
  const query = `${firstName!.slice(0, Math.max(2, firstName!.length - 1))} ${lastName.slice(0, 3)}`;
  const words = query.toLowerCase().split(' ');
  const expected = everyone
    .filter((m) => words.every((w) => `${m.name} ${m.email}`.toLowerCase().includes(w)))
    .map((m) => m.name)
    .sort();
  expect(expected).toContain(member.name);

  await signIn(page, 'admin', `/groups/${ALL_STAFF}`);
  await expect(page.getByText(`page 1 of ${pageCount}`)).toBeVisible();
  await expect(memberRows(page).getByRole('button', { name: member.name, exact: true })).toHaveCount(0);

  await searchBox(page).fill(query);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query).replace(/%20/g, '(\\+|%20)')}`));
  const summary = `${expected.length} ${expected.length === 1 ? 'member' : 'members'} matching “${query}”`;
  await expect(page.getByText(summary)).toBeVisible();
  await expect(memberRows(page)).toHaveCount(Math.min(expected.length, 25));
  await expect(memberRows(page).getByRole('button', { name: member.name, exact: true })).toBeVisible();
  const shown = (await memberRows(page).getByRole('button').allInnerTexts()).sort();
  if (expected.length <= 25) expect(shown).toEqual(expected);
  else expect(shown.every((name) => expected.includes(name))).toBe(true);

  // A reload keeps the search; Escape clears it and the whole list comes back.
  await page.reload();
  await expect(searchBox(page)).toHaveValue(query);
  await expect(page.getByText(summary)).toBeVisible();
  await searchBox(page).focus();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.getByText(`page 1 of ${pageCount}`)).toBeVisible();
});

test('searching by email finds exactly that member; a search that matches no one says so', async ({
  page,
  baseURL,
}) => {
  const { member, pageCount } = await pickLateMember(baseURL!);
  // Without the status columns (whose counts read the whole group on their own), every request counted
  // is the search's.
  await signIn(page, 'admin', `/groups/${ALL_STAFF}?cols=`);
  await expect(page.getByText(`page 1 of ${pageCount}`)).toBeVisible();
  const requests = countMemberRequests(page);
  await searchBox(page).fill(member.email.toUpperCase());
  await expect(page.getByText(`1 member matching “${member.email.toUpperCase()}”`)).toBeVisible();
  await expect(memberRows(page)).toHaveCount(1);
  await expect(memberRows(page).getByRole('button', { name: member.name, exact: true })).toBeVisible();
  // The search, the check of the hit's groups and the page's member: the group itself is not read.
  expect(requests.length).toBeLessThanOrEqual(3);
  expect(requests).toContain('POST /api/v2/users/search');
  expect(requests.filter((r) => r.endsWith('/members'))).toEqual([]);

  await searchBox(page).fill('zzqx nobody');
  await expect(page.getByText('No member found', { exact: true })).toBeVisible();
  await assertNoSeriousA11yViolations(page);
});

test.describe('at phone width in the dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('a search from the URL lists the member and the page is accessible', async ({ page, baseURL }) => {
    const { member } = await pickLateMember(baseURL!);
    await signIn(page, 'supervisor', `/groups/${ALL_STAFF}?q=${encodeURIComponent(member.email)}`);
    await expect(searchBox(page)).toHaveValue(member.email);
    await expect(memberRows(page)).toHaveCount(1);
    await expect(memberRows(page)).toContainText(member.name);
    await assertNoSeriousA11yViolations(page);
  });
});
