import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO_GROUPS, PERSONAS } from '../../server/src/db/seed/personas';
import { apiAs, type Api } from '../support/api';
import { someUsers, type UserBody } from '../support/data';
import { assertNoSeriousA11yViolations, expect, signIn } from '../support/fixtures';
import { addMembers, createGroup, getGroup, uniqueName } from '../support/groups';
import { testWithOwnServer } from '../support/own-server';
import { addOneThenRemoveOne, memberTableRows } from '../support/members';

/**
 * The main journeys against a server that answers every reference in its leanest real shape (LEAN_REFERENCES=1:
 * a user's groups, a group's owners, the organization: `id` and `selfUri` only), signed in as the persona whose
 * role grants only wildcards. Wherever a name belongs, the console shows the name, never the id.
 */
const test = testWithOwnServer({ env: { LEAN_REFERENCES: '1' } });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** No id shown as text anywhere in the main area (ids in links' addresses are fine). */
const expectNoIdShown = async (page: Page) => {
  await expect(page.getByRole('main')).not.toContainText(UUID);
};

const ownersFact = (page: Page) => page.getByRole('group', { name: 'Group facts' }).or(page.getByLabel('Group facts'));

test.describe('a real org that answers lean references, as an admin by wildcards', () => {
  let api: Api;
  let users: UserBody[];

  test.beforeAll(async ({ ownServer }) => {
    api = await apiAs('wildcard', ownServer.baseURL);
    users = await someUsers(api, 6);
  });

  test('the server does answer lean references', async ({ ownServer }) => {
    const group = await getGroup(api, DEMO_GROUPS.small.id);
    expect(group.owners?.length).toBeGreaterThan(0);
    for (const owner of group.owners ?? []) expect(Object.keys(owner).sort()).toEqual(['id', 'selfUri']);
    expect(ownServer.baseURL).toMatch(/^http/);
  });

  test('browse and detail: owners by name in the header, the profile and the owners tab', async ({ page }) => {
    const group = await getGroup(api, DEMO_GROUPS.small.id);
    const ownerNames = await Promise.all(
      (group.owners ?? []).map(async (o) => (await api.get<UserBody>(`/api/v2/users/${o.id}`)).name),
    );
    await signIn(page, 'wildcard', `/groups?q=${encodeURIComponent(DEMO_GROUPS.small.name)}`);
    await page.getByRole('table', { name: 'Groups' }).getByRole('link', { name: DEMO_GROUPS.small.name }).click();
    await expect(page.getByRole('heading', { name: DEMO_GROUPS.small.name, level: 1 })).toBeVisible();
    const facts = ownersFact(page);
    for (const name of ownerNames) await expect(facts).toContainText(name);
    await expectNoIdShown(page);
    // The header names the organization, which the token answered by id only.
    const org = await api.get<{ name: string }>('/api/v2/organizations/me');
    await expect(page.getByTestId('org-name')).toHaveText(org.name);

    await page.getByRole('tab', { name: /^Owners/ }).click();
    const owners = page.getByRole('table', { name: 'Owners' });
    for (const name of ownerNames) await expect(owners.getByRole('button', { name })).toBeVisible();
    await expectNoIdShown(page);
    await assertNoSeriousA11yViolations(page);
  });

  test("person drawer: the person's groups by name, and the change-groups panel too", async ({ page }) => {
    const person = PERSONAS.supervisor;
    const full = await api.get<{ groups: Array<{ id: string }> }>(`/api/v2/users/${person.id}?expand=groups`);
    expect(full.groups.length).toBeGreaterThan(0);
    const names = await Promise.all(full.groups.map(async (g) => (await getGroup(api, g.id)).name));
    // Every group of the person is one the wildcard persona may see (it holds directory:*:*).
    const lookups: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v2/groups' && url.searchParams.has('id')) lookups.push(url);
    });
    await signIn(page, 'wildcard', `/groups/${DEMO_GROUPS.membersOnlyWithSupervisor.id}?user=${person.id}`);
    const drawer = page.getByRole('dialog', { name: person.name });
    const list = drawer.getByRole('list', { name: `Groups of ${person.name}` });
    for (const name of names) await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
    // Resolved in one batch: one GET /groups?id=… naming every group of the person.
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.searchParams.get('id')!.split(',').sort()).toEqual(full.groups.map((g) => g.id).sort());
    await expect(drawer).not.toContainText(UUID);
    await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
    // The change-groups panel offers the same groups by name.
    await drawer.getByRole('combobox', { name: 'Remove from groups' }).click();
    for (const name of names) await expect(page.getByRole('option', { name, exact: true })).toBeVisible();
  });

  test('create with an owner, edit the owners field, delete: names throughout', async ({ page }) => {
    const name = uniqueName('Lean create');
    await signIn(page, 'wildcard', '/groups/new');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Owners' }).fill('Olivia');
    await page.getByRole('option', { name: new RegExp(PERSONAS.owner.name) }).click();
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(ownersFact(page)).toContainText(PERSONAS.owner.name);
    await expectNoIdShown(page);

    // Edit: the owners field names the owner that the group answered as a lean reference.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Remove ${PERSONAS.owner.name}` })).toBeVisible();
    await expectNoIdShown(page);
    await page.getByRole('textbox', { name: 'Description' }).fill('Edited against lean references');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(`Saved ${name}`)).toBeVisible();
    await expect(ownersFact(page)).toContainText(PERSONAS.owner.name);

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
    await dialog.getByRole('textbox', { name: /Type the group's name/ }).fill(name);
    await dialog.getByRole('button', { name: 'Delete group' }).click();
    await page.waitForURL((url) => url.pathname === '/groups');
    await expect(page.getByText(`Deleted ${name}`)).toBeVisible();
  });

  test("members: add and remove, and the members' groups column by name", async ({ page }) => {
    const [first, second, outsider] = users as [UserBody, UserBody, UserBody];
    const group = await createGroup(api, { name: uniqueName('Lean members') });
    await addMembers(api, group.id, { memberIds: [first.id, second.id] });
    await signIn(page, 'wildcard', `/groups/${group.id}?cols=groups`);
    const rows = memberTableRows(page);
    await expect(rows).toHaveCount(2);
    // Each member is in this group at least: its name shows in their groups column.
    await expect(rows.first()).toContainText(group.name);
    await expectNoIdShown(page);

    await addOneThenRemoveOne(page, { outsider, member: first, before: 2 });
    expect((await getGroup(api, group.id)).memberCount).toBe(2);
    await expectNoIdShown(page);

    // The export writes the groups' names too (both members left are in this group).
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const text = (await readFile(await (await download).path())).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = Papa.parse<string[]>(text.trim()).data;
    const column = header!.indexOf('Groups');
    expect(column).toBeGreaterThan(-1);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line[column]).toContain(group.name);
      expect(line[column]).not.toMatch(UUID);
    }
  });
});
