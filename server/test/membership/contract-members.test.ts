/**
 * Contract tests of group membership (members, individuals, add and remove, includeOwners) and
 * dynamic settings over HTTP, every answer checked against openapi/groups.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { allTokens, uniqueName, type TokenHolder, type UserBody } from '../support/fixtures.js';
import { byName, createGroup as createGroupAs } from '../support/groups.js';
import { startServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startServer>>;

let server: Server;
let call: ApiCall;
let tokens: Record<TokenHolder, string>;
/** Ids of ordinary demo users (not personas), sorted by name. */
let userIds: string[] = [];

beforeAll(async () => {
  server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
  call = apiCaller(server.url);
  tokens = allTokens(server);
  const users = await call('listUsers', { token: tokens.admin, query: { pageSize: 200 }, validate: false });
  expect(users.status, users.text).toBe(200);
  const personaIds = new Set(Object.values(PERSONAS).map((p) => p.id));
  userIds = users.body.entities.map((u: UserBody) => u.id).filter((id: string) => !personaIds.has(id));
  expect(userIds.length).toBeGreaterThanOrEqual(150);
});

afterAll(async () => {
  await server?.close();
});

const createGroup = (overrides: Record<string, unknown> = {}) =>
  createGroupAs<{ id: string; version: number; memberCount: number }>(call, tokens.admin, {
    name: uniqueName('Members contract'),
    ...overrides,
  });

const getGroup = async (groupId: string) => {
  const res = await call('getGroup', { token: tokens.admin, params: { groupId } });
  expect(res.status, res.text).toBe(200);
  return res.body as { id: string; version: number; memberCount: number; includeOwners?: boolean; owners?: UserBody[] };
};

async function allMembers(groupId: string, token = tokens.admin): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 50; page++) {
    const res = await call('listGroupMembers', {
      token,
      params: { groupId },
      query: { pageSize: 500, pageNumber: page },
    });
    expect(res.status, res.text).toBe(200);
    ids.push(...res.body.entities.map((u: UserBody) => u.id));
    if (page >= res.body.pageCount) break;
  }
  return ids;
}

async function individuals(groupId: string): Promise<string[]> {
  const res = await call('listGroupIndividuals', { token: tokens.admin, params: { groupId } });
  expect(res.status, res.text).toBe(200);
  return res.body.entities.map((u: UserBody) => u.id);
}

/** The i-th ordinary demo user's id. */
const user = (i: number): string => {
  const id = userIds[i];
  if (id === undefined) throw new Error(`no demo user #${i}`);
  return id;
};

describe('listGroupMembers (GET /api/v2/groups/{groupId}/members)', () => {
  it('pages the large group sorted by name, with memberCount members', async () => {
    const group = await getGroup(DEMO_GROUPS.allStaff.id);
    expect(group.memberCount).toBeGreaterThanOrEqual(1500);
    const res = await call('listGroupMembers', { token: tokens.admin, params: { groupId: DEMO_GROUPS.allStaff.id } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(group.memberCount);
    expect(res.body.pageSize).toBe(25);
    expect(res.body.entities).toHaveLength(25);
    const names = res.body.entities.map((u: UserBody) => u.name);
    expect([...names].sort(byName)).toEqual(names);
    expect(res.body.nextUri).toMatch(new RegExp(`^/api/v2/groups/${DEMO_GROUPS.allStaff.id}/members\\?`));
    expect(res.body.previousUri).toBeUndefined();
    const desc = await call('listGroupMembers', {
      token: tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: { pageSize: 40, sortOrder: 'descending' },
    });
    const descNames = desc.body.entities.map((u: UserBody) => u.name);
    expect([...descNames].sort(byName).reverse()).toEqual(descNames);
    const ids = await allMembers(DEMO_GROUPS.allStaff.id);
    expect(ids).toHaveLength(group.memberCount);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds the expanded fields, comma-joined or repeated, and rejects unknown expand values', async () => {
    const groupId = DEMO_GROUPS.allStaff.id;
    const res = await call('listGroupMembers', {
      token: tokens.admin,
      params: { groupId },
      query: { pageSize: 10, expand: ['presence', 'routingStatus', 'station', 'skills'] },
    });
    expect(res.status, res.text).toBe(200);
    for (const user of res.body.entities as UserBody[]) {
      expect(user.presence, user.id).toBeDefined();
      expect(user.routingStatus, user.id).toBeDefined();
    }
    const plain = await call('listGroupMembers', { token: tokens.admin, params: { groupId }, query: { pageSize: 10 } });
    for (const user of plain.body.entities as UserBody[]) expect(user.presence).toBeUndefined();
    const repeated = await call('listGroupMembers', {
      token: tokens.admin,
      params: { groupId },
      query: 'pageSize=5&expand=presence&expand=outOfOffice',
    });
    expect(repeated.status, repeated.text).toBe(200);
    for (const user of repeated.body.entities as UserBody[]) {
      expect(user.presence).toBeDefined();
      expect(user.outOfOffice).toBeDefined();
    }
    const bad = await call('listGroupMembers', {
      token: tokens.admin,
      params: { groupId },
      query: { expand: 'presence,telepathy' },
    });
    expectErrorBody(bad, 400);
    expect(['bad.request', 'invalid.value']).toContain(bad.body.code);
  });

  it('rejects bad paging with 400 and answers 404 for an unknown group', async () => {
    for (const query of [{ pageSize: 501 }, { pageSize: 0 }, { pageNumber: 0 }, { pageNumber: 'two' }]) {
      expectErrorBody(
        await call('listGroupMembers', { token: tokens.admin, params: { groupId: DEMO_GROUPS.small.id }, query }),
        400,
        'bad.request',
      );
    }
    expectErrorBody(
      await call('listGroupMembers', { token: tokens.admin, params: { groupId: 'unknown-group' } }),
      404,
      'not.found',
    );
  });

  it('shows the members of a members-only group to a member', async () => {
    const members = await allMembers(DEMO_GROUPS.membersOnlyWithSupervisor.id, tokens.supervisor);
    expect(members).toContain(PERSONAS.supervisor.id);
  });
});

describe('addGroupMembers and removeGroupMembers (POST and DELETE /api/v2/groups/{groupId}/members)', () => {
  it('adds with 202 {}, raising version and memberCount, and removes the same way', async () => {
    const group = await createGroup();
    const three = userIds.slice(0, 3);
    const add = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: three, version: 1 },
    });
    expect(add.status, add.text).toBe(202);
    expect(add.body).toEqual({});
    let after = await getGroup(group.id);
    expect(after.version).toBe(2);
    expect(after.memberCount).toBe(3);
    expect((await allMembers(group.id)).sort()).toEqual([...three].sort());
    expect((await individuals(group.id)).sort()).toEqual([...three].sort());

    // Without a version it is not checked.
    const more = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [user(3)] },
    });
    expect(more.status, more.text).toBe(202);
    after = await getGroup(group.id);
    expect(after.version).toBe(3);
    expect(after.memberCount).toBe(4);

    // Adding an existing member changes nothing and is not an error.
    const again = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [user(0)] },
    });
    expect(again.status, again.text).toBe(202);
    expect((await getGroup(group.id)).memberCount).toBe(4);

    const remove = await call('removeGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      query: { ids: [user(0), user(1)] },
    });
    expect(remove.status, remove.text).toBe(202);
    expect(remove.body).toEqual({});
    after = await getGroup(group.id);
    expect(after.memberCount).toBe(2);
    expect(after.version).toBeGreaterThanOrEqual(4);
    expect((await allMembers(group.id)).sort()).toEqual([user(2), user(3)].sort());

    // Removing a non-member changes nothing and is not an error.
    const none = await call('removeGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      query: { ids: user(10) },
    });
    expect(none.status, none.text).toBe(202);
    expect((await getGroup(group.id)).memberCount).toBe(2);

    // The user's groups list the membership.
    const userRes = await call('getUser', {
      token: tokens.admin,
      params: { userId: user(2) },
      query: { expand: 'groups' },
    });
    expect(userRes.status).toBe(200);
    expect((userRes.body.groups ?? []).map((g: { id: string }) => g.id)).toContain(group.id);
  });

  it('answers 409 conflict for a stale version and changes nothing', async () => {
    const group = await createGroup();
    const stale = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [user(0)], version: 5 },
    });
    expectErrorBody(stale, 409, 'conflict');
    expect(stale.body.message).toContain('5');
    expect(stale.body.message).toContain('1');
    const after = await getGroup(group.id);
    expect(after).toMatchObject({ version: 1, memberCount: 0 });
  });

  it('accepts 50 ids and rejects 51 with 400 bad.request, for add and remove', async () => {
    const group = await createGroup();
    const fifty = userIds.slice(0, 50);
    const ok = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: fifty },
    });
    expect(ok.status, ok.text).toBe(202);
    expect((await getGroup(group.id)).memberCount).toBe(50);
    const fiftyOne = userIds.slice(50, 101);
    expect(fiftyOne).toHaveLength(51);
    expectErrorBody(
      await call('addGroupMembers', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: fiftyOne },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('removeGroupMembers', {
        token: tokens.admin,
        params: { groupId: group.id },
        query: { ids: userIds.slice(0, 51) },
      }),
      400,
      'bad.request',
    );
    expect((await getGroup(group.id)).memberCount).toBe(50);
    const removeFifty = await call('removeGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      query: { ids: fifty },
    });
    expect(removeFifty.status, removeFifty.text).toBe(202);
    expect((await getGroup(group.id)).memberCount).toBe(0);
  });

  it('rejects unknown user ids with 400 naming them, and bad bodies with 400', async () => {
    const group = await createGroup();
    const ghost = '00000000-aaaa-4bbb-8ccc-000000000000';
    const add = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [user(0), ghost] },
    });
    expectErrorBody(add, 400);
    expect(add.text).toContain(ghost);
    const remove = await call('removeGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      query: { ids: ghost },
    });
    expectErrorBody(remove, 400);
    expect(remove.text).toContain(ghost);
    expect((await getGroup(group.id)).memberCount).toBe(0);

    expectErrorBody(
      await call('addGroupMembers', { token: tokens.admin, params: { groupId: group.id }, body: {} }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('addGroupMembers', { token: tokens.admin, params: { groupId: group.id }, body: { memberIds: 'abc' } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('addGroupMembers', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [1, 2] },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('addGroupMembers', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [user(0)], version: 'x' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('removeGroupMembers', { token: tokens.admin, params: { groupId: group.id } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('addGroupMembers', {
        token: tokens.admin,
        params: { groupId: 'no-group' },
        body: { memberIds: [user(0)] },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await call('removeGroupMembers', {
        token: tokens.admin,
        params: { groupId: 'no-group' },
        query: { ids: user(0) },
      }),
      404,
      'not.found',
    );
  });

  it('lets the editor and owners of the group change members; others get 403', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const editor = await call('addGroupMembers', {
      token: tokens.editor,
      params: { groupId: group.id },
      body: { memberIds: [user(0)] },
    });
    expect(editor.status, editor.text).toBe(202);
    const owner = await call('addGroupMembers', {
      token: tokens.owner,
      params: { groupId: group.id },
      body: { memberIds: [user(1)] },
    });
    expect(owner.status, owner.text).toBe(202);
    const ownerRemove = await call('removeGroupMembers', {
      token: tokens.owner,
      params: { groupId: group.id },
      query: { ids: user(0) },
    });
    expect(ownerRemove.status, ownerRemove.text).toBe(202);
    for (const who of ['supervisor', 'viewerClient'] as const) {
      const add = await call('addGroupMembers', {
        token: tokens[who],
        params: { groupId: group.id },
        body: { memberIds: [user(2)] },
      });
      expectErrorBody(add, 403, 'missing.any.permissions');
      expect(JSON.stringify(add.body.messageParams ?? {})).toContain('directory:group:edit');
      expectErrorBody(
        await call('removeGroupMembers', {
          token: tokens[who],
          params: { groupId: group.id },
          query: { ids: user(1) },
        }),
        403,
        'missing.any.permissions',
      );
    }
    // The owner persona cannot change a group it does not own.
    expectErrorBody(
      await call('addGroupMembers', {
        token: tokens.owner,
        params: { groupId: DEMO_GROUPS.social.id },
        body: { memberIds: [user(2)] },
      }),
      403,
      'missing.any.permissions',
    );
    expect((await individuals(group.id)).sort()).toEqual([user(1)]);
  });
});

describe('includeOwners', () => {
  it('counts owners as members when on, and not when off; individuals never include them', async () => {
    const group = await createGroup({ includeOwners: true, ownerIds: [PERSONAS.owner.id] });
    expect(group.memberCount).toBe(1);
    expect(await allMembers(group.id)).toEqual([PERSONAS.owner.id]);
    expect(await individuals(group.id)).toEqual([]);

    const add = await call('addGroupMembers', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [user(0)] },
    });
    expect(add.status).toBe(202);
    expect((await allMembers(group.id)).sort()).toEqual([PERSONAS.owner.id, user(0)].sort());
    expect((await getGroup(group.id)).memberCount).toBe(2);

    const current = await getGroup(group.id);
    const off = await call('updateGroup', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { version: current.version, includeOwners: false },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.memberCount).toBe(1);
    expect(await allMembers(group.id)).toEqual([user(0)]);

    // Changing the owners of an includeOwners group changes its members.
    const on = await call('updateGroup', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: { version: off.body.version, includeOwners: true, ownerIds: [PERSONAS.editor.id] },
    });
    expect(on.status, on.text).toBe(200);
    expect((await allMembers(group.id)).sort()).toEqual([PERSONAS.editor.id, user(0)].sort());
    expect(on.body.memberCount).toBe(2);
  });

  it('lists the demo includeOwners group with its owners among the members', async () => {
    const group = await getGroup(DEMO_GROUPS.ownedByOwner.id);
    expect(group.includeOwners).toBe(true);
    const members = await allMembers(group.id);
    for (const owner of group.owners ?? []) expect(members).toContain(owner.id);
    expect(members).toHaveLength(group.memberCount);
  });
});

describe('listGroupIndividuals (GET /api/v2/groups/{groupId}/individuals)', () => {
  it('lists the ten individuals of the small demo group', async () => {
    const ids = await individuals(DEMO_GROUPS.small.id);
    expect(ids).toHaveLength(10);
    const members = await allMembers(DEMO_GROUPS.small.id);
    for (const id of ids) expect(members).toContain(id);
    expectErrorBody(
      await call('listGroupIndividuals', { token: tokens.admin, params: { groupId: 'unknown' } }),
      404,
      'not.found',
    );
  });
});

describe('dynamic settings', () => {
  const spanish = {
    skillConditions: [
      {
        operation: 'Or',
        routingSkillConditions: [],
        languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
      },
    ],
  };

  it('reads the demo dynamic group definition; its members are the users its rules select', async () => {
    const res = await call('getGroupDynamicSettings', {
      token: tokens.admin,
      params: { groupId: DEMO_GROUPS.dynamic.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.group.id).toBe(DEMO_GROUPS.dynamic.id);
    expect(res.body.query.skillConditions.length).toBeGreaterThan(0);
    const preview = await call('previewDynamicGroup', { token: tokens.admin, body: res.body.query });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);
    const group = await getGroup(DEMO_GROUPS.dynamic.id);
    const direct = await individuals(DEMO_GROUPS.dynamic.id);
    expect(group.memberCount).toBeGreaterThanOrEqual(preview.body.userCount);
    expect(group.memberCount).toBeLessThanOrEqual(preview.body.userCount + direct.length + (group.owners?.length ?? 0));
  });

  it('sets, reads and deletes dynamic settings, changing the members', async () => {
    const group = await createGroup();
    expectErrorBody(
      await call('getGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    const preview = await call('previewDynamicGroup', { token: tokens.admin, body: spanish });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);

    const put = await call('updateGroupDynamicSettings', {
      token: tokens.admin,
      params: { groupId: group.id },
      body: spanish,
    });
    expect(put.status, put.text).toBe(204);
    const get = await call('getGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id } });
    expect(get.status).toBe(200);
    expect(get.body.group.id).toBe(group.id);
    expect(get.body.query).toMatchObject(spanish);
    expect(get.body.dateModified).toBeTruthy();
    const withRules = await getGroup(group.id);
    expect(withRules.memberCount).toBe(preview.body.userCount);
    expect(await allMembers(group.id)).toHaveLength(preview.body.userCount);
    expect(await individuals(group.id)).toEqual([]);

    const del = await call('deleteGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id } });
    expect(del.status, del.text).toBe(204);
    expectErrorBody(
      await call('getGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expect((await getGroup(group.id)).memberCount).toBe(0);
  });

  it('validates the query: unknown comparator or operation → invalid.value, proficiency out of range or missing fields → 400', async () => {
    const group = await createGroup();
    const withComparator = (comparator: string) => ({
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'Billing', comparator, proficiency: 2 }],
          languageSkillConditions: [],
        },
      ],
    });
    expectErrorBody(
      await call('updateGroupDynamicSettings', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: withComparator('About'),
      }),
      400,
      'invalid.value',
    );
    expectErrorBody(
      await call('previewDynamicGroup', { token: tokens.admin, body: withComparator('About') }),
      400,
      'invalid.value',
    );
    const badOperation = {
      skillConditions: [{ operation: 'Xor', routingSkillConditions: [], languageSkillConditions: [] }],
    };
    expectErrorBody(
      await call('updateGroupDynamicSettings', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: badOperation,
      }),
      400,
      'invalid.value',
    );
    const tooProficient = {
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'EqualTo', proficiency: 9 }],
          languageSkillConditions: [],
        },
      ],
    };
    expectErrorBody(
      await call('updateGroupDynamicSettings', {
        token: tokens.admin,
        params: { groupId: group.id },
        body: tooProficient,
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('updateGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id }, body: {} }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('previewDynamicGroup', { token: tokens.admin, body: { skillConditions: 'all' } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('getGroupDynamicSettings', { token: tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
  });

  it('needs directory:group:view to read, directory:group:edit to set and directory:group:delete to delete', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    expectErrorBody(
      await call('getGroupDynamicSettings', { token: tokens.supervisor, params: { groupId: DEMO_GROUPS.dynamic.id } }),
      403,
      'missing.any.permissions',
    );
    expectErrorBody(
      await call('previewDynamicGroup', { token: tokens.supervisor, body: spanish }),
      403,
      'missing.any.permissions',
    );
    expectErrorBody(
      await call('updateGroupDynamicSettings', {
        token: tokens.supervisor,
        params: { groupId: group.id },
        body: spanish,
      }),
      403,
      'missing.any.permissions',
    );
    const editor = await call('updateGroupDynamicSettings', {
      token: tokens.editor,
      params: { groupId: group.id },
      body: spanish,
    });
    expect(editor.status, editor.text).toBe(204);
    expectErrorBody(
      await call('deleteGroupDynamicSettings', { token: tokens.editor, params: { groupId: group.id } }),
      403,
      'missing.any.permissions',
    );
    expectErrorBody(
      await call('deleteGroupDynamicSettings', { token: tokens.viewerClient, params: { groupId: group.id } }),
      403,
      'missing.any.permissions',
    );
    expect(
      (await call('deleteGroupDynamicSettings', { token: tokens.adminClient, params: { groupId: group.id } })).status,
    ).toBe(204);
    expectErrorBody(
      await call('updateGroupDynamicSettings', { token: tokens.admin, params: { groupId: 'no-group' }, body: spanish }),
      404,
      'not.found',
    );
  });
});
