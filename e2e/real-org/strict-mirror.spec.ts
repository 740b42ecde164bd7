import type { Page } from '@playwright/test';
import { DEMO_GROUPS, PERSONAS } from '../../server/src/db/seed/personas';
import { STRICT_MIRROR_FAILURES } from '../../server/src/db/seed/strict-mirror';
import { apiAs, type Api } from '../support/api';
import { someUsers, type UserBody } from '../support/data';
import { expect, signIn } from '../support/fixtures';
import { addMembers, createGroup, deleteGroup, updateGroup, uniqueName } from '../support/groups';
import { expectJoinAndLeaveLive, watchSubscriptions } from '../support/live-roster';
import { addOneThenRemoveOne, memberTableRows } from '../support/members';
import { testWithOwnServer } from '../support/own-server';

/**
 * The main and the history journeys against a server that answers as a real org most probably does
 * (STRICT_MIRROR=1): `users/me` lists division-qualified permissions (`directory:group:edit:<division>`) for the
 * admin, only the legacy `admin` permission for the org admin (`orgadmin@example.com`), group changes are
 * recorded under `Groups` / `DirectoryGroup`, a few failed attempts sit among the history, references are lean.
 * Each persona is offered the controls, and shown the entries, it is offered and shown by default.
 */
const test = testWithOwnServer({ env: { STRICT_MIRROR: '1' } });
test.describe.configure({ mode: 'default' });

type Persona = 'admin' | 'wildcard';
const PERSONA_SHAPES: Record<Persona, string> = {
  admin: 'division-qualified permissions',
  wildcard: 'the legacy admin permission',
};

const main = (page: Page) => page.getByRole('main');

/** Every request by which the console asks the API whether a permission is held (when users/me does not grant it). */
const watchDivisionsPermitted = (page: Page): string[] => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v2/authorization/divisionspermitted/')) asked.push(r.url());
  });
  return asked;
};

/** The history requests' service names. */
const watchAuditServices = (page: Page): string[] => {
  const services: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/v2\/audits\/query(\/realtime)?$/.test(new URL(r.url()).pathname))
      services.push((r.postDataJSON() as { serviceName: string }).serviceName);
  });
  return services;
};

test.describe('a stricter mirror of a real org', () => {
  let admin: Api;
  let users: UserBody[];

  test.beforeAll(async ({ ownServer }) => {
    admin = await apiAs('admin', ownServer.baseURL);
    users = await someUsers(admin, 6);
  });

  test('the server answers in the strict shapes', async ({ ownServer }) => {
    const permissions = async (persona: Persona | 'editor') =>
      (
        await (
          await apiAs(persona, ownServer.baseURL)
        ).get<{ authorization: { permissions: string[] } }>('/api/v2/users/me?expand=authorization')
      ).authorization.permissions;
    const qualified = await permissions('admin');
    expect(qualified).toContainEqual(expect.stringMatching(/^directory:group:edit:[0-9a-f-]{36}$/));
    expect(qualified.every((p) => p.split(':').length === 4)).toBe(true);
    expect((await permissions('editor')).every((p) => p.split(':').length === 4)).toBe(true);
    expect(await permissions('wildcard')).toEqual(['admin']);
    const mapping = await admin.get<{ services: Array<{ name: string; entities: Array<{ name: string }> }> }>(
      '/api/v2/audits/query/realtime/servicemapping',
    );
    expect(mapping.services.map((s) => [s.name, s.entities.map((e) => e.name)])).toEqual([
      ['Groups', ['DirectoryGroup']],
    ]);
  });

  for (const persona of ['admin', 'wildcard'] as const) {
    test(`${persona} (${PERSONA_SHAPES[persona]}): browse, open, create, edit and delete, with every control`, async ({
      page,
    }) => {
      const asked = watchDivisionsPermitted(page);
      await signIn(page, persona, `/groups?q=${encodeURIComponent(DEMO_GROUPS.small.name)}`);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Create group' })).toBeVisible();
      await page.getByRole('table', { name: 'Groups' }).getByRole('link', { name: DEMO_GROUPS.small.name }).click();
      await expect(page.getByRole('heading', { name: DEMO_GROUPS.small.name, level: 1 })).toBeVisible();
      await expect(main(page).getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
      await expect(main(page).getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
      await expect(main(page).getByRole('button', { name: 'Add members' })).toBeVisible();
      await expect(page.getByRole('tab', { name: 'History' })).toBeVisible();
      // A private group too: directory:privateGroup:view, qualified or by admin, shows it.
      await page.goto(`/groups/${DEMO_GROUPS.membersOnlyWithoutSupervisor.id}`);
      await expect(
        page.getByRole('heading', { name: DEMO_GROUPS.membersOnlyWithoutSupervisor.name, level: 1 }),
      ).toBeVisible();

      const name = uniqueName(`Strict ${persona}`);
      await nav.getByRole('link', { name: 'Create group' }).click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await page.getByRole('button', { name: 'Create group' }).click();
      await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

      await main(page).getByRole('link', { name: 'Edit', exact: true }).click();
      await page.getByRole('textbox', { name: 'Description' }).fill('Edited against a strict mirror');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText(`Saved ${name}`)).toBeVisible();

      await main(page).getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
      await dialog.getByRole('textbox', { name: /Type the group's name/ }).fill(name);
      await dialog.getByRole('button', { name: 'Delete group' }).click();
      await page.waitForURL((url) => url.pathname === '/groups');
      await expect(page.getByText(`Deleted ${name}`)).toBeVisible();
      // What users/me granted by its own strings, the console never asked the API about (only what the persona
      // does not hold at all: the admin's roles grant no authorization or presence permission).
      const about = asked.map((url) => new URL(url).searchParams.get('permission') ?? '');
      expect(about.filter((p) => p.startsWith('directory:') || p.startsWith('audits:'))).toEqual([]);
      if (persona === 'wildcard') expect(about).toEqual([]);
    });

    test(`${persona} (${PERSONA_SHAPES[persona]}): add and remove members`, async ({ page }) => {
      const [first, second, outsider] = users.slice(persona === 'admin' ? 0 : 3) as [UserBody, UserBody, UserBody];
      const group = await createGroup(admin, { name: uniqueName(`Strict members ${persona}`) });
      await addMembers(admin, group.id, { memberIds: [first.id, second.id] });
      await signIn(page, persona, `/groups/${group.id}`);
      await expect(memberTableRows(page)).toHaveCount(2);
      await addOneThenRemoveOne(page, { outsider, member: first, before: 2 });
    });
  }

  test('the editor (division-qualified edit only) is offered Edit and Add members, not Create or Delete', async ({
    page,
  }) => {
    await signIn(page, 'editor', `/groups/${DEMO_GROUPS.allStaff.id}`);
    await expect(page.getByRole('heading', { name: DEMO_GROUPS.allStaff.name, level: 1 })).toBeVisible();
    await expect(main(page).getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
    await expect(main(page).getByRole('button', { name: 'Add members' })).toBeVisible();
    await expect(main(page).getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create group' }),
    ).toHaveCount(0);
  });

  test('live roster (admin): the group change topic is the DirectoryGroup one, and joins and leaves show at once', async ({
    page,
  }) => {
    const [joiner, ...members] = users.slice(0, 3) as [UserBody, UserBody, UserBody];
    const group = await createGroup(admin, { name: uniqueName('Strict live') });
    await addMembers(admin, group.id, { memberIds: members.map((u) => u.id) });
    const subscribed = watchSubscriptions(page);
    await signIn(page, 'admin', `/groups/${group.id}`);
    await expectJoinAndLeaveLive(page, admin, group.id, {
      joiner,
      membersBefore: members.length,
      entityType: 'DirectoryGroup',
      subscribed,
    });
  });

  test('History tab (admin): the changes under Groups / DirectoryGroup, the failed attempts left out', async ({
    page,
  }) => {
    const group = await createGroup(admin, { name: uniqueName('Strict history'), description: 'Before' });
    await updateGroup(admin, group.id, { version: group.version, description: 'After' });
    const services = watchAuditServices(page);
    await signIn(page, 'admin', `/groups/${group.id}?tab=history`);
    const change = page.getByRole('article', { name: `Changed by ${PERSONAS.admin.name}` });
    await expect(change.getByRole('listitem').filter({ hasText: 'Description:' })).toContainText('After');
    await expect(page.getByRole('article', { name: `Created by ${PERSONAS.admin.name}` })).toBeVisible();
    expect(services.length).toBeGreaterThan(0);
    expect(new Set(services)).toEqual(new Set(['Groups']));

    // The seeded group with a failed delete and a failed edit: neither listed, both counted.
    const { deleteSmall } = STRICT_MIRROR_FAILURES;
    await page.goto(`/groups/${deleteSmall.group.id}?tab=history`);
    await expect(page.getByText('2 failed attempts are not listed: they changed nothing.')).toBeVisible();
    await expect(page.getByRole('article', { name: /^Deleted by / })).toHaveCount(0);
  });

  test('Recently deleted (legacy admin): the deleted group, not the group whose delete failed', async ({ page }) => {
    const group = await createGroup(admin, { name: uniqueName('Strict deleted') });
    await deleteGroup(admin, group.id);
    await signIn(page, 'wildcard', '/groups/deleted');
    const entry = page.getByRole('article', { name: group.name });
    await expect(entry).toContainText(`Deleted by ${PERSONAS.admin.name}`);
    await expect(entry.getByRole('button', { name: `Restore ${group.name}` })).toBeVisible();
    await expect(page.getByRole('article', { name: STRICT_MIRROR_FAILURES.deleteSmall.group.name })).toHaveCount(0);
  });

  test("a person's membership history (admin): joined and left, not the failed addition", async ({ page }) => {
    const person = users[5]!;
    const group = await createGroup(admin, { name: uniqueName('Strict person') });
    await addMembers(admin, group.id, { memberIds: [person.id] });
    await signIn(page, 'admin', `/groups/${group.id}?user=${person.id}`);
    const history = page.getByRole('dialog', { name: person.name }).getByRole('list', { name: 'Membership history' });
    await expect(history.getByRole('listitem').filter({ hasText: group.name })).toContainText('Joined');

    // The supervisor's only change there is the owner's failed attempt to add them: not listed.
    const { addSupervisor } = STRICT_MIRROR_FAILURES;
    await page.goto(`/groups/${DEMO_GROUPS.membersOnlyWithSupervisor.id}?user=${PERSONAS.supervisor.id}`);
    const drawer = page.getByRole('dialog', { name: PERSONAS.supervisor.name });
    await expect(
      drawer.getByRole('list', { name: 'Membership history' }).or(drawer.getByText(/^No membership changes/)),
    ).toBeVisible();
    await expect(drawer).not.toContainText(addSupervisor.group.name);
  });
});
