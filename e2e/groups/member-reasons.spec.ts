import type { Page } from '@playwright/test';
import type { DynamicGroupQuery } from '../../src/api/generated/model/dynamicGroupQuery';
import { apiAs, type Api } from '../support/api';
import { DEMO_GROUPS, someUsers, type UserBody } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn, test } from '../support/fixtures';
import {
  addMembers,
  createGroup,
  deleteGroup,
  getDynamicSettings,
  getGroup,
  groupPath,
  setDynamicSettings,
  type Listing,
} from '../support/groups';
import { memberRows } from '../support/members';

/**
 * Why a member, exactly: on a group with individuals, owners counted as members and a rule, the
 * reasons filter lists exactly the individuals (`GET …/individuals`), the owners (the group's
 * `owners`) and the rule members the API gives. The rule members are checked against the demo group
 * with the same rule and no other way in, whose members the API lists, and against the rule preview's
 * count.
 */

const rowOf = (page: Page, name: string) =>
  memberRows(page).filter({ has: page.getByRole('button', { name, exact: true }) });

const readAll = async (api: Api, path: string): Promise<UserBody[]> => {
  const all: UserBody[] = [];
  for (let n = 1; ; n++) {
    const page = await api.get<Listing<UserBody>>(`${path}?pageSize=500&pageNumber=${n}`);
    all.push(...page.entities);
    if (n >= page.pageCount) return all;
  }
};

const names = (users: readonly { name?: string }[]) => users.map((u) => u.name ?? '').sort();

/**
 * The names the members tab lists with the reason filter in the URL, page by page (100 a page: longer
 * pages render only the rows near the viewport).
 */
const listedWith = async (page: Page, groupId: string, why: string, count: number): Promise<string[]> => {
  const pages = Math.max(1, Math.ceil(count / 100));
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await page.goto(`/groups/${groupId}?why=${why}&size=100&page=${n}`);
    await expect(
      page.getByText(
        new RegExp(`^${count} members? (added as individuals|in as owners|in by rule) · page ${n} of ${pages}`),
      ),
    ).toBeVisible();
    await expect(memberRows(page)).toHaveCount(n < pages ? 100 : count - 100 * (pages - 1));
    seen.push(...(await memberRows(page).getByRole('button').allInnerTexts()));
  }
  return seen.sort();
};

test('the reasons filter shows exactly the individuals, owners and rule members the API gives', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const api = await apiAs('admin', baseURL!);
  const ruleGroup = DEMO_GROUPS.dynamic.id;
  const settings = await getDynamicSettings<{ query: DynamicGroupQuery }>(api, ruleGroup);
  // The demo group's only way in is its rule: no individuals, and owners not counted.
  const source = await getGroup(api, ruleGroup);
  expect(source.includeOwners).toBeFalsy();
  expect((await api.get<Listing<UserBody>>(groupPath(ruleGroup, 'individuals'))).entities).toEqual([]);
  const ruleMembers = await readAll(api, groupPath(ruleGroup, 'members'));
  const preview = await api.post<{ userCount: number }>('/api/v2/groups/dynamicsettings/preview', settings.query);
  expect(preview.userCount).toBe(ruleMembers.length);
  expect(ruleMembers.length).toBeGreaterThan(0);
  expect(ruleMembers.length).toBeLessThanOrEqual(500);

  const ruleIds = new Set(ruleMembers.map((u) => u.id));
  const speaker = ruleMembers[Math.floor(ruleMembers.length / 2)]!;
  const [plain, ownerAndIndividual, ownerOnly] = (await someUsers(api, 40)).filter((u) => !ruleIds.has(u.id));
  const group = await createGroup(api, {
    description: 'Reasons: individuals, owners and a rule',
    includeOwners: true,
    ownerIds: [ownerAndIndividual!.id, ownerOnly!.id],
  });
  try {
    await addMembers(api, group.id, {
      memberIds: [speaker.id, plain!.id, ownerAndIndividual!.id],
      version: group.version,
    });
    await setDynamicSettings(api, group.id, settings.query);

    // What the API gives.
    const individuals = (await api.get<Listing<UserBody>>(groupPath(group.id, 'individuals'))).entities;
    const owners = (await getGroup(api, group.id)).owners ?? [];
    expect(names(individuals)).toEqual(expect.arrayContaining([speaker.name, plain!.name, ownerAndIndividual!.name]));
    expect(names(owners)).toEqual(names([ownerAndIndividual!, ownerOnly!]));

    await signIn(page, 'admin', `/groups/${group.id}`);
    // A native list: its options carry the counts once the lists are read.
    const why = page.getByRole('combobox', { name: 'Why a member' });
    await expect(why.getByRole('option', { name: `Individuals (${individuals.length})` })).toBeAttached();
    await expect(why.getByRole('option', { name: `Owners (${owners.length})` })).toBeAttached();
    await expect(why.getByRole('option', { name: `In by rule (${ruleMembers.length})` })).toBeAttached();
    await why.selectOption({ label: `In by rule (${ruleMembers.length})` });
    await expect(page).toHaveURL(/[?&]why=rule/);

    expect(await listedWith(page, group.id, 'individual', individuals.length)).toEqual(names(individuals));
    expect(await listedWith(page, group.id, 'owner', owners.length)).toEqual(names(owners));
    expect(await listedWith(page, group.id, 'rule', ruleMembers.length)).toEqual(names(ruleMembers));

    // A member can have several reasons, each shown.
    await page.goto(`/groups/${group.id}?why=individual`);
    await expect(rowOf(page, plain!.name)).toContainText('Individual');
    await expect(rowOf(page, plain!.name)).not.toContainText('Rule');
    await expect(rowOf(page, speaker.name)).toContainText('Individual');
    await expect(rowOf(page, speaker.name)).toContainText('Rule');
    await page.goto(`/groups/${group.id}?why=owner`);
    await expect(rowOf(page, ownerAndIndividual!.name)).toContainText('Individual');
    await expect(rowOf(page, ownerAndIndividual!.name)).toContainText('Owner');
    await expect(rowOf(page, ownerOnly!.name)).toContainText('Owner');
    await expect(rowOf(page, ownerOnly!.name)).not.toContainText('Individual');
    await assertNoSeriousA11yViolations(page);
  } finally {
    await deleteGroup(api, group.id);
  }
});

test('a group whose owners are not counted lists no owners; a plain member is labelled by what the API says', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs('admin', baseURL!);
  const source = await getGroup(api, DEMO_GROUPS.dynamic.id);
  expect(source.includeOwners).toBeFalsy();
  expect(source.owners?.length).toBeGreaterThan(0);
  await signIn(page, 'admin', `/groups/${DEMO_GROUPS.dynamic.id}?why=owner`);
  await expect(page.getByText('No one in this way', { exact: true })).toBeVisible();
  await page.goto(`/groups/${DEMO_GROUPS.dynamic.id}`);
  await expect(memberRows(page).first()).toContainText('Rule');
  await expect(memberRows(page).filter({ hasText: /Individual|Owner/ })).toHaveCount(0);
});

test.describe('at phone width in the dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('the reasons filter from the URL is accessible', async ({ page, baseURL }) => {
    const api = await apiAs('admin', baseURL!);
    const group = await getGroup(api, DEMO_GROUPS.ownedByOwner.id);
    expect(group.includeOwners).toBe(true);
    const owners = group.owners ?? [];
    await signIn(page, 'admin', `/groups/${group.id}?why=owner`);
    const why = page.getByRole('combobox', { name: 'Why a member' });
    await expect(why).toHaveValue('owner');
    await expect(why.locator('option:checked')).toHaveText(`Owners (${owners.length})`);
    await expect(memberRows(page)).toHaveCount(owners.length);
    // A phone row keeps the reasons with the other details, one tap away.
    const first = memberRows(page).first();
    await first.getByRole('button', { name: /^Show details for / }).click();
    await expect(first).toContainText('Owner');
    await assertNoSeriousA11yViolations(page);
  });
});
