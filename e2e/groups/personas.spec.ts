import type { Page } from '@playwright/test';
import { DEMO_GROUPS, PERSONAS as SEED_PERSONAS } from '../../server/src/db/seed/personas';
import { apiAs, ApiCallError, type Api } from '../support/api';
import { expect, navigateInApp, signIn, test } from '../support/fixtures';
import type { PersonaKey } from '../support/data';
import {
  addMembers as addMembersViaApi,
  createGroup,
  deleteGroup,
  getGroup,
  type GroupBody,
  uniqueName,
  updateGroup,
} from '../support/groups';

/** What each persona may do (README.md, "Demo sign-ins"), and so what the console must offer. */
/** The wildcard persona is compared with the admin below, not listed here. */
const EXPECTED: Record<Exclude<PersonaKey, 'wildcard'>, { create: boolean; editAny: boolean; delete: boolean }> = {
  admin: { create: true, editAny: true, delete: true },
  editor: { create: false, editAny: true, delete: false },
  owner: { create: false, editAny: false, delete: false },
  supervisor: { create: false, editAny: false, delete: false },
};

/** A public group the owner persona owns and one it does not. */
const OWNED = DEMO_GROUPS.small;
const NOT_OWNED = DEMO_GROUPS.allStaff;

const header = (page: Page) => page.getByRole('main');
const editLink = (page: Page) => header(page).getByRole('link', { name: 'Edit', exact: true });
const deleteButton = (page: Page) => header(page).getByRole('button', { name: 'Delete', exact: true });
const addMembers = (page: Page) => header(page).getByRole('button', { name: 'Add members' });

const expectShown = async (locator: ReturnType<Page['getByRole']>, shown: boolean) => {
  if (shown) await expect(locator.first()).toBeVisible();
  else await expect(locator).toHaveCount(0);
};

const expectStatus = async (call: Promise<unknown>, status: number) => {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the server refused the call').toBeInstanceOf(ApiCallError);
  expect((error as ApiCallError).status).toBe(status);
};

test.describe('what each persona is offered', () => {
  for (const persona of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
    const can = EXPECTED[persona];
    const ownsGroup = persona === 'owner';

    test(`${persona}: create, edit, delete and membership controls`, async ({ page }) => {
      await signIn(page, persona, `/groups/${NOT_OWNED.id}`);
      await expect(page.getByRole('heading', { name: NOT_OWNED.name, level: 1 })).toBeVisible();
      await expectShown(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create group' }),
        can.create,
      );
      await expectShown(editLink(page), can.editAny);
      await expectShown(deleteButton(page), can.delete);
      await expectShown(addMembers(page), can.editAny);

      // A group the owner persona owns: owners edit it and its membership; nobody else gains anything.
      await navigateInApp(page, `/groups/${OWNED.id}`);
      await expect(page.getByRole('heading', { name: OWNED.name, level: 1 })).toBeVisible();
      await expectShown(editLink(page), can.editAny || ownsGroup);
      await expectShown(deleteButton(page), can.delete);
      await expectShown(addMembers(page), can.editAny || ownsGroup);

      // Pages the persona may not use answer with the 403 page, naming the permission.
      await page.goto('/groups/new');
      if (can.create) {
        await expect(page.getByRole('heading', { name: 'Create group', level: 1 })).toBeVisible();
      } else {
        await expect(page.getByText('You do not have access')).toBeVisible();
        await expect(page.getByText(/directory:group:add/)).toBeVisible();
      }
      await page.goto(`/groups/${NOT_OWNED.id}/edit`);
      if (can.editAny) {
        await expect(page.getByRole('heading', { name: `Edit ${NOT_OWNED.name}` })).toBeVisible();
      } else {
        await expect(page.getByText('You do not have access')).toBeVisible();
        await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(0);
      }
      if (ownsGroup) {
        await navigateInApp(page, `/groups/${OWNED.id}/edit`);
        await expect(page.getByRole('heading', { name: `Edit ${OWNED.name}` })).toBeVisible();
      }
    });
  }
});

test.describe('the server refuses what the console does not offer', () => {
  let admin: Api;
  let group: GroupBody;

  test.beforeEach(async ({ baseURL }) => {
    admin = await apiAs('admin', baseURL!);
    group = await createGroup(admin, { name: uniqueName('Refusals'), ownerIds: [SEED_PERSONAS.owner.id] });
  });

  test('editor: no create, no delete', async ({ baseURL }) => {
    const editor = await apiAs('editor', baseURL!);
    await expectStatus(createGroup(editor, { name: uniqueName('Editor') }), 403);
    await expectStatus(deleteGroup(editor, group.id), 403);
    expect((await getGroup(admin, group.id)).id).toBe(group.id);
  });

  test('owner: edits only the groups it owns, no create, no delete', async ({ baseURL }) => {
    const owner = await apiAs('owner', baseURL!);
    const notOwned = await getGroup(admin, NOT_OWNED.id);
    await expectStatus(updateGroup(owner, NOT_OWNED.id, { version: notOwned.version, description: 'Not mine' }), 403);
    await expectStatus(deleteGroup(owner, group.id), 403);
    await expectStatus(createGroup(owner, { name: uniqueName('Owner') }), 403);
    const updated = await updateGroup(owner, group.id, {
      version: group.version,
      description: 'Mine',
    });
    expect(updated.version).toBe(group.version + 1);
  });

  test('supervisor: no create, edit, delete or membership change', async ({ baseURL }) => {
    const supervisor = await apiAs('supervisor', baseURL!);
    await expectStatus(createGroup(supervisor, { name: uniqueName('Supervisor') }), 403);
    await expectStatus(updateGroup(supervisor, group.id, { version: group.version, description: 'No' }), 403);
    await expectStatus(deleteGroup(supervisor, group.id), 403);
    await expectStatus(addMembersViaApi(supervisor, group.id, { memberIds: [SEED_PERSONAS.supervisor.id] }), 403);
    const after = await getGroup(admin, group.id);
    expect(after.version).toBe(group.version);
  });
});

/**
 * The wildcard persona's role grants only wildcards (`directory:*:*`, `audits:*:*`, `authorization:*:*`),
 * like a real org's admin role.
 * What the console offers it and what the server answers it are observed, not expected: both must equal the
 * admin's observations, whatever those are.
 */
test.describe('a role of wildcards only is treated as the admin role it stands for', () => {
  const observeControls = async (page: Page, persona: PersonaKey) => {
    await signIn(page, persona, `/groups/${NOT_OWNED.id}`);
    await expect(page.getByRole('heading', { name: NOT_OWNED.name, level: 1 })).toBeVisible();
    // The detail page's permission-dependent controls render with the page; wait for its members tab.
    await expect(page.getByRole('tab', { name: /Members/ })).toBeVisible();
    const seen = {
      createInNav: await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Create group' })
        .count(),
      edit: await editLink(page).count(),
      delete: await deleteButton(page).count(),
      addMembers: await addMembers(page).count(),
    };
    // A guarded page shows either itself or the 403 page: which one, once it has settled.
    const forbidden = page.getByText('You do not have access');
    const guarded = async (path: string, heading: ReturnType<Page['getByRole']>) => {
      await page.goto(path);
      await expect(heading.or(forbidden).first()).toBeVisible();
      return { shown: await heading.count(), forbidden: await forbidden.count() };
    };
    const create = await guarded('/groups/new', page.getByRole('heading', { name: 'Create group', level: 1 }));
    const edit = await guarded(
      `/groups/${NOT_OWNED.id}/edit`,
      page.getByRole('heading', { name: `Edit ${NOT_OWNED.name}` }),
    );
    return {
      ...seen,
      createPage: create.shown,
      createForbidden: create.forbidden,
      editPage: edit.shown,
      editForbidden: edit.forbidden,
    };
  };

  const statusOf = (call: Promise<unknown>): Promise<number> =>
    call.then(
      () => 200,
      (e: unknown) => (e instanceof ApiCallError ? e.status : -1),
    );

  const observeServer = async (persona: PersonaKey, baseURL: string) => {
    const api = await apiAs(persona, baseURL);
    const admin = await apiAs('admin', baseURL);
    const created = await createGroup(api, { name: uniqueName(`Matrix ${persona}`) }).catch((e: unknown) => e);
    const target = await createGroup(admin, { name: uniqueName(`Target ${persona}`) });
    const answers = {
      create: created instanceof ApiCallError ? created.status : 200,
      view: await statusOf(getGroup(api, target.id)),
      viewPrivate: await statusOf(getGroup(api, DEMO_GROUPS.membersOnlyWithoutSupervisor.id)),
      edit: await statusOf(updateGroup(api, target.id, { version: target.version, description: 'x' })),
      addMember: await statusOf(addMembersViaApi(api, target.id, { memberIds: [SEED_PERSONAS.supervisor.id] })),
      delete: await statusOf(deleteGroup(api, target.id)),
    };
    if (!(created instanceof Error)) await deleteGroup(admin, (created as GroupBody).id).catch(() => undefined);
    await deleteGroup(admin, target.id).catch(() => undefined);
    return answers;
  };

  test('the wildcard persona is offered exactly the controls the admin is', async ({ page, browser, baseURL }) => {
    const admin = await observeControls(page, 'admin');
    // A browser of its own, so the admin's session plays no part.
    const other = await browser.newContext({ baseURL });
    const wildcard = await observeControls(await other.newPage(), 'wildcard');
    await other.close();
    expect(wildcard).toEqual(admin);
    // And the admin is offered something: the comparison is not between two empty matrices.
    expect(admin.edit + admin.delete + admin.createPage + admin.editPage).toBe(4);
  });

  test('the server answers the wildcard persona exactly as it answers the admin', async ({ baseURL }) => {
    const admin = await observeServer('admin', baseURL!);
    const wildcard = await observeServer('wildcard', baseURL!);
    expect(wildcard).toEqual(admin);
    expect(Object.values(admin).every((s) => s === 200)).toBe(true);
  });
});
