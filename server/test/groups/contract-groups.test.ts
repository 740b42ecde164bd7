/**
 * Contract tests of the group operations (list, get, create, update, delete, profiles, field
 * config) over HTTP, every answer checked against openapi/groups.yaml.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, responseValidator } from '../support/openapi-validator.js';
import { uniqueName, type GroupBody } from '../support/fixtures.js';
import { demoSuite } from '../support/demo-suite.js';
import { byName, createGroup as createGroupAs } from '../support/groups.js';
import { clientCredentialsToken, startServer } from '../support/server.js';

const suite = demoSuite();

const createGroup = (overrides: Record<string, unknown> = {}, token = suite.tokens.admin): Promise<GroupBody> =>
  createGroupAs(suite.call, token, { name: uniqueName('Contract group'), ...overrides });

/** Every group a caller can see, through every page of GET /groups (pageSize 500). */
async function listAllGroups(token: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const res = await suite.call('listGroups', { token, query: { pageSize: 500, pageNumber: page } });
    expect(res.status, res.text).toBe(200);
    total = res.body.total;
    ids.push(...res.body.entities.map((g: GroupBody) => g.id));
    if (page >= res.body.pageCount) break;
  }
  return { ids, total };
}

describe('authentication', () => {
  it('answers 401 authentication.required without a token, with an unknown token and with a malformed header', async () => {
    expectErrorBody(await suite.call('listGroups', {}), 401, 'authentication.required');
    expectErrorBody(await suite.call('listGroups', { token: 'not-a-real-token' }), 401, 'authentication.required');
    expectErrorBody(
      await suite.call('getGroup', {
        params: { groupId: DEMO_GROUPS.allStaff.id },
        headers: { Authorization: 'Basic abc' },
      }),
      401,
      'authentication.required',
    );
    expectErrorBody(
      await suite.call('createGroup', {
        body: { name: 'x', type: 'official', visibility: 'public', rulesVisible: true },
      }),
      401,
      'authentication.required',
    );
  });

  it('answers 401 authentication.required once a token has expired', async () => {
    const shortLived = await startServer({ seed: 'none', rateLimitPerMinute: 0, tokenLifetimeSeconds: 2 });
    try {
      const shortCall = apiCaller(shortLived.url);
      // Load the document's validators first, so the token's two seconds go to the requests only.
      responseValidator('listGroups', 200);
      responseValidator('listGroups', 401);
      // A token from the real token endpoint, so it carries the server's lifetime.
      const issued = await clientCredentialsToken(shortLived.url);
      expect(issued.expiresIn).toBe(2);
      const token = issued.accessToken;
      expect((await shortCall('listGroups', { token })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      expectErrorBody(await shortCall('listGroups', { token }), 401, 'authentication.required');
    } finally {
      await shortLived.close();
    }
  });

  it('puts an ININ-Correlation-Id header on successful answers too', async () => {
    const res = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 1 } });
    expect(res.status).toBe(200);
    expect(res.headers.get('inin-correlation-id')).toBeTruthy();
  });
});

describe('listGroups (GET /api/v2/groups)', () => {
  it('pages the demo org sorted by name with the listing URIs', async () => {
    const res = await suite.call('listGroups', { token: suite.tokens.admin });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.pageSize).toBe(25);
    expect(body.pageNumber).toBe(1);
    expect(body.total).toBeGreaterThanOrEqual(300);
    expect(body.entities).toHaveLength(25);
    expect(body.pageCount).toBe(Math.ceil(body.total / 25));
    const names = body.entities.map((g: GroupBody) => g.name);
    expect([...names].sort(byName)).toEqual(names);
    expect(body.firstUri).toMatch(/^\/api\/v2\/groups\?/);
    expect(body.selfUri).toMatch(/^\/api\/v2\/groups\?/);
    expect(body.lastUri).toMatch(new RegExp(`pageNumber=${body.pageCount}(&|$)`));
    expect(body.nextUri).toMatch(/pageNumber=2(&|$)/);
    expect(body.previousUri).toBeUndefined();

    // Following nextUri gives page 2, which links back to page 1.
    const next = await suite.call('listGroups', { token: suite.tokens.admin, query: body.nextUri.split('?')[1] });
    expect(next.status).toBe(200);
    expect(next.body.pageNumber).toBe(2);
    expect(next.body.previousUri).toMatch(/pageNumber=1(&|$)/);
    const overlap = next.body.entities.filter((g: GroupBody) => body.entities.some((h: GroupBody) => h.id === g.id));
    expect(overlap).toEqual([]);
    expect(byName(names[names.length - 1], next.body.entities[0].name)).toBeLessThanOrEqual(0);
  });

  it('has no nextUri on the last page and an empty page past the end', async () => {
    const first = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 100 } });
    const last = await suite.call('listGroups', {
      token: suite.tokens.admin,
      query: { pageSize: 100, pageNumber: first.body.pageCount },
    });
    expect(last.status).toBe(200);
    expect(last.body.nextUri).toBeUndefined();
    expect(last.body.previousUri).toBeDefined();
    expect(last.body.entities.length).toBe(first.body.total - 100 * (first.body.pageCount - 1));
    const past = await suite.call('listGroups', {
      token: suite.tokens.admin,
      query: { pageSize: 100, pageNumber: first.body.pageCount + 5 },
    });
    expect(past.status).toBe(200);
    expect(past.body.entities).toEqual([]);
  });

  it('sorts descending for DESC, desc and descending, and accepts ascending', async () => {
    for (const sortOrder of ['DESC', 'desc', 'descending', 'Descending']) {
      const res = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 50, sortOrder } });
      expect(res.status, sortOrder).toBe(200);
      const names = res.body.entities.map((g: GroupBody) => g.name);
      expect([...names].sort(byName).reverse()).toEqual(names);
    }
    const asc = await suite.call('listGroups', {
      token: suite.tokens.admin,
      query: { pageSize: 50, sortOrder: 'ascending' },
    });
    expect(asc.status).toBe(200);
    const names = asc.body.entities.map((g: GroupBody) => g.name);
    expect([...names].sort(byName)).toEqual(names);
  });

  it('filters by id, comma-joined or repeated', async () => {
    const wanted = [DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id];
    const joined = await suite.call('listGroups', { token: suite.tokens.admin, query: { id: wanted } });
    expect(joined.status).toBe(200);
    expect(joined.body.entities.map((g: GroupBody) => g.id).sort()).toEqual([...wanted].sort());
    expect(joined.body.total).toBe(2);
    const repeated = await suite.call('listGroups', {
      token: suite.tokens.admin,
      query: `id=${wanted[0]}&id=${wanted[1]}`,
    });
    expect(repeated.status).toBe(200);
    expect(repeated.body.entities.map((g: GroupBody) => g.id).sort()).toEqual([...wanted].sort());
  });

  it('rejects out-of-range paging and unknown sort orders with 400', async () => {
    for (const query of [
      { pageSize: 0 },
      { pageSize: 501 },
      { pageSize: -1 },
      { pageNumber: 0 },
      { pageSize: 'abc' },
      { pageNumber: 'x' },
    ]) {
      const res = await suite.call('listGroups', { token: suite.tokens.admin, query });
      expectErrorBody(res, 400, 'bad.request');
    }
    const sort = await suite.call('listGroups', { token: suite.tokens.admin, query: { sortOrder: 'sideways' } });
    expect(sort.status).toBe(400);
    expectErrorBody(sort, 400);
    expect(['bad.request', 'invalid.value']).toContain(sort.body.code);
    const ok = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 500 } });
    expect(ok.status).toBe(200);
    expect(ok.body.entities.length).toBe(Math.min(500, ok.body.total));
  });
});

describe('visibility', () => {
  it('hides owners-only groups the supervisor does not own and members-only groups it is not in, everywhere', async () => {
    const supervisor = await listAllGroups(suite.tokens.supervisor);
    const admin = await listAllGroups(suite.tokens.admin);
    expect(supervisor.ids).toHaveLength(supervisor.total);
    expect(admin.ids).toHaveLength(admin.total);
    expect(supervisor.total).toBeLessThan(admin.total);
    expect(supervisor.ids).not.toContain(DEMO_GROUPS.ownersOnly.id);
    expect(supervisor.ids).not.toContain(DEMO_GROUPS.membersOnlyWithoutSupervisor.id);
    expect(supervisor.ids).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expect(supervisor.ids).toContain(DEMO_GROUPS.socialMembersOnly.id);
    expect(supervisor.ids).toContain(DEMO_GROUPS.allStaff.id);
    expect(admin.ids).toContain(DEMO_GROUPS.ownersOnly.id);

    // Asking by id does not reveal it either.
    const byId = await suite.call('listGroups', {
      token: suite.tokens.supervisor,
      query: { id: [DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.allStaff.id] },
    });
    expect(byId.body.entities.map((g: GroupBody) => g.id)).toEqual([DEMO_GROUPS.allStaff.id]);
    expect(byId.body.total).toBe(1);

    // Nor do profiles.
    const profiles = await suite.call('listGroupProfiles', {
      token: suite.tokens.supervisor,
      query: { pageSize: 500 },
    });
    expect(profiles.status).toBe(200);
    expect(profiles.body.total).toBe(supervisor.total);

    // Nor does search: the whole org through MATCH_ALL has the same total as the list.
    const search = await suite.call('searchGroups', {
      token: suite.tokens.supervisor,
      body: { pageSize: 100, query: [{ type: 'MATCH_ALL' }] },
    });
    expect(search.status, search.text).toBe(200);
    expect(search.body.total).toBe(supervisor.total);
    const exact = await suite.call('searchGroups', {
      token: suite.tokens.supervisor,
      body: { query: [{ type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.ownersOnly.name }] },
    });
    expect(exact.status).toBe(200);
    expect(exact.body.total).toBe(0);
    expect(exact.body.results ?? []).toEqual([]);
    const adminExact = await suite.call('searchGroups', {
      token: suite.tokens.admin,
      body: { query: [{ type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.ownersOnly.name }] },
    });
    expect(adminExact.body.results.map((g: GroupBody) => g.id)).toContain(DEMO_GROUPS.ownersOnly.id);
  });

  it('answers 404 to the supervisor for a group it may not see, on every per-group operation', async () => {
    const groupId = DEMO_GROUPS.ownersOnly.id;
    expectErrorBody(
      await suite.call('getGroup', { token: suite.tokens.supervisor, params: { groupId } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('listGroupMembers', { token: suite.tokens.supervisor, params: { groupId } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('listGroupIndividuals', { token: suite.tokens.supervisor, params: { groupId } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('getGroupProfile', { token: suite.tokens.supervisor, params: { groupId } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.supervisor,
        params: { groupId },
        body: { version: 1, name: 'Taken over' },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.supervisor,
        params: { groupId },
        body: { memberIds: [PERSONAS.supervisor.id] },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('deleteGroup', { token: suite.tokens.supervisor, params: { groupId } }),
      404,
      'not.found',
    );
    // The owners do see it.
    const owner = await suite.call<GroupBody>('getGroup', { token: suite.tokens.owner, params: { groupId } });
    expect(owner.status).toBe(200);
    expect(owner.body.visibility).toBe('owners');
    expect(owner.body.owners?.map((o) => o.id)).toContain(PERSONAS.owner.id);
    // A members-only group the supervisor belongs to is visible.
    const member = await suite.call<GroupBody>('getGroup', {
      token: suite.tokens.supervisor,
      params: { groupId: DEMO_GROUPS.membersOnlyWithSupervisor.id },
    });
    expect(member.status).toBe(200);
    expect(member.body.visibility).toBe('members');
    expectErrorBody(
      await suite.call('getGroup', {
        token: suite.tokens.supervisor,
        params: { groupId: DEMO_GROUPS.membersOnlyWithoutSupervisor.id },
      }),
      404,
      'not.found',
    );
  });

  it('shows an owners-only group to its owner but not to a member who is not an owner', async () => {
    const group = await createGroup({ visibility: 'owners', ownerIds: [PERSONAS.owner.id] });
    const add = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [PERSONAS.supervisor.id] },
    });
    expect(add.status, add.text).toBe(202);
    expect((await suite.call('getGroup', { token: suite.tokens.owner, params: { groupId: group.id } })).status).toBe(
      200,
    );
    expectErrorBody(
      await suite.call('getGroup', { token: suite.tokens.supervisor, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    const list = await listAllGroups(suite.tokens.supervisor);
    expect(list.ids).not.toContain(group.id);
  });
});

describe('getGroup (GET /api/v2/groups/{groupId})', () => {
  it('returns the group with its owners as users', async () => {
    const res = await suite.call<GroupBody>('getGroup', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.ownedByOwner.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(DEMO_GROUPS.ownedByOwner.id);
    expect(res.body.name).toBe(DEMO_GROUPS.ownedByOwner.name);
    expect(res.body.selfUri).toBe(`/api/v2/groups/${DEMO_GROUPS.ownedByOwner.id}`);
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    const owner = res.body.owners?.find((o) => o.id === PERSONAS.owner.id);
    expect(owner).toMatchObject({
      id: PERSONAS.owner.id,
      name: PERSONAS.owner.name,
      selfUri: `/api/v2/users/${PERSONAS.owner.id}`,
    });
  });

  it('answers 404 not.found for an unknown id, including ids with odd characters', async () => {
    for (const groupId of [
      '00000000-0000-0000-0000-000000000000',
      'no such group',
      'a/b',
      "'; DROP TABLE groups; --",
      '%',
      '\u{1F600}',
    ]) {
      expectErrorBody(
        await suite.call('getGroup', { token: suite.tokens.admin, params: { groupId } }),
        404,
        'not.found',
      );
    }
  });
});

describe('createGroup (POST /api/v2/groups)', () => {
  it('creates a group at version 1 with its owners and every field it was given', async () => {
    const name = uniqueName('Created');
    const res = await suite.call<GroupBody>('createGroup', {
      token: suite.tokens.admin,
      body: {
        name,
        description: 'Made by the contract tests',
        type: 'social',
        visibility: 'members',
        rulesVisible: false,
        rolesEnabled: true,
        includeOwners: true,
        callsEnabled: false,
        ownerIds: [PERSONAS.owner.id, PERSONAS.editor.id],
        addresses: [{ address: '+13175550100', type: 'GROUPRING', mediaType: 'PHONE' }],
      },
    });
    expect(res.status, res.text).toBe(200);
    const group = res.body;
    expect(group).toMatchObject({
      name,
      description: 'Made by the contract tests',
      type: 'social',
      visibility: 'members',
      rulesVisible: false,
      includeOwners: true,
      version: 1,
    });
    expect(group.id).toBeTruthy();
    expect(group.owners?.map((o) => o.id).sort()).toEqual([PERSONAS.owner.id, PERSONAS.editor.id].sort());
    expect(group.state ?? 'active').toBe('active');
    // includeOwners: the two owners are its members.
    expect(group.memberCount).toBe(2);

    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ id: group.id, name, type: 'social', visibility: 'members', version: 1 });
    const listed = await suite.call('listGroups', { token: suite.tokens.admin, query: { id: group.id } });
    expect(listed.body.entities.map((g: GroupBody) => g.id)).toEqual([group.id]);
  });

  it('rejects a body without a required field with 400 bad.request naming the field', async () => {
    const base = { name: uniqueName('Missing'), type: 'official', visibility: 'public', rulesVisible: true };
    for (const field of ['name', 'type', 'visibility', 'rulesVisible'] as const) {
      const body: Record<string, unknown> = { ...base };
      delete body[field];
      const res = await suite.call('createGroup', { token: suite.tokens.admin, body });
      expectErrorBody(res, 400, 'bad.request');
      expect(JSON.stringify(res.body.details ?? []), `details should name ${field}`).toContain(field);
    }
  });

  it('rejects wrong types with bad.request and enum values outside their lists with invalid.value', async () => {
    const base = { name: uniqueName('Typed'), type: 'official', visibility: 'public', rulesVisible: true };
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, rulesVisible: 'yes' } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, name: 42 } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, ownerIds: 'abc' } }),
      400,
      'bad.request',
    );
    const type = await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, type: 'secret' } });
    expectErrorBody(type, 400, 'invalid.value');
    expect(JSON.stringify(type.body.details ?? [])).toContain('type');
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, visibility: 'everyone' } }),
      400,
      'invalid.value',
    );
    expectErrorBody(await suite.call('createGroup', { token: suite.tokens.admin, body: [] }), 400, 'bad.request');
  });

  it('rejects owners that do not exist with 400', async () => {
    const res = await suite.call('createGroup', {
      token: suite.tokens.admin,
      body: {
        name: uniqueName('Ghost owner'),
        type: 'official',
        visibility: 'public',
        rulesVisible: true,
        ownerIds: ['00000000-dead-beef-0000-000000000000'],
      },
    });
    expectErrorBody(res, 400);
  });

  it('needs directory:group:add: 403 missing.any.permissions for editor, owner, supervisor and the viewer client', async () => {
    for (const who of ['editor', 'owner', 'supervisor', 'viewerClient'] as const) {
      const res = await suite.call('createGroup', {
        token: suite.tokens[who],
        body: { name: uniqueName('Forbidden'), type: 'official', visibility: 'public', rulesVisible: true },
      });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(res.body.messageParams ?? {}), who).toContain('directory:group:add');
    }
    const client = await suite.call('createGroup', {
      token: suite.tokens.adminClient,
      body: { name: uniqueName('By the admin client'), type: 'official', visibility: 'public', rulesVisible: true },
    });
    expect(client.status, client.text).toBe(200);
  });
});

describe('updateGroup (PUT /api/v2/groups/{groupId})', () => {
  it('updates with the current version, raising it by one', async () => {
    const group = await createGroup({ description: 'before' });
    const name = uniqueName('Renamed');
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, name, description: 'after', visibility: 'members', ownerIds: [PERSONAS.owner.id] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: group.id,
      name,
      description: 'after',
      visibility: 'members',
      version: 2,
      type: 'official',
    });
    expect(res.body.owners?.map((o) => o.id)).toEqual([PERSONAS.owner.id]);
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ name, description: 'after', version: 2 });
    // ownerIds replaces the owner list.
    const again = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 2, ownerIds: [PERSONAS.editor.id] },
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body.owners?.map((o) => o.id)).toEqual([PERSONAS.editor.id]);
    expect(again.body.version).toBe(3);
  });

  it('answers 409 conflict naming both versions for a stale version, and changes nothing', async () => {
    const group = await createGroup();
    const first = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'one' },
    });
    expect(first.status).toBe(200);
    const stale = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'two' },
    });
    expectErrorBody(stale, 409, 'conflict');
    expect(stale.body.message).toContain('1');
    expect(stale.body.message).toContain('2');
    const ahead = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 7, description: 'three' },
    });
    expectErrorBody(ahead, 409, 'conflict');
    expect(ahead.body.message).toContain('7');
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ description: 'one', version: 2 });
  });

  it('requires version and validates the body', async () => {
    const group = await createGroup();
    const res = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { name: 'No version' },
    });
    expectErrorBody(res, 400, 'bad.request');
    expect(JSON.stringify(res.body.details ?? [])).toContain('version');
    expectErrorBody(
      await suite.call('updateGroup', { token: suite.tokens.admin, params: { groupId: group.id } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { version: 'one' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { version: 1, visibility: 'nobody' },
      }),
      400,
      'invalid.value',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { version: 1, name: '' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: 'no-such-group' },
        body: { version: 1 },
      }),
      404,
      'not.found',
    );
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body.version).toBe(1);
  });

  it('accepts visibility ownerIds as owners', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, visibility: 'ownerIds' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.visibility).toBe('owners');
  });

  it('never changes type', async () => {
    const group = await createGroup({ type: 'official' });
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, type: 'social' },
    });
    expect([200, 400]).toContain(res.status);
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body.type).toBe('official');
  });

  it('lets the editor and an owner of the group edit, and nobody else', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const editor = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.editor,
      params: { groupId: group.id },
      body: { version: 1, description: 'by editor' },
    });
    expect(editor.status, editor.text).toBe(200);
    const owner = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.owner,
      params: { groupId: group.id },
      body: { version: 2, description: 'by owner' },
    });
    expect(owner.status, owner.text).toBe(200);
    expect(owner.body.version).toBe(3);
    for (const who of ['supervisor', 'viewerClient'] as const) {
      const res = await suite.call('updateGroup', {
        token: suite.tokens[who],
        params: { groupId: group.id },
        body: { version: 3, description: `by ${who}` },
      });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(res.body.messageParams ?? {})).toContain('directory:group:edit');
    }
    // The owner persona does not own the social demo group.
    const social = await suite.call<GroupBody>('getGroup', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.social.id },
    });
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.owner,
        params: { groupId: DEMO_GROUPS.social.id },
        body: { version: social.body.version, description: 'x' },
      }),
      403,
      'missing.any.permissions',
    );
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ description: 'by owner', version: 3 });
  });
});

describe('deleteGroup (DELETE /api/v2/groups/{groupId})', () => {
  it('deletes with 204 and no body; the group then answers 404 and leaves lists and search', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const add = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [PERSONAS.supervisor.id] },
    });
    expect(add.status).toBe(202);
    const res = await suite.call('deleteGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(res.status, res.text).toBe(204);
    expect(res.text).toBe('');

    expectErrorBody(
      await suite.call('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('listGroupMembers', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('listGroupIndividuals', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('getGroupProfile', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { version: 2 },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [PERSONAS.editor.id] },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('deleteGroup', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );

    const listed = await suite.call('listGroups', { token: suite.tokens.admin, query: { id: group.id } });
    expect(listed.body.entities).toEqual([]);
    expect((await listAllGroups(suite.tokens.admin)).ids).not.toContain(group.id);
    const search = await suite.call('searchGroups', {
      token: suite.tokens.admin,
      body: { query: [{ type: 'EXACT', fields: ['id'], value: group.id }] },
    });
    expect(search.status).toBe(200);
    expect(search.body.total).toBe(0);
    const byName = await suite.call('searchGroups', {
      token: suite.tokens.admin,
      body: { query: [{ type: 'EXACT', fields: ['name'], value: group.name }] },
    });
    expect(byName.body.total).toBe(0);
    // Its memberships went with it.
    const user = await suite.call('getUser', {
      token: suite.tokens.admin,
      params: { userId: PERSONAS.supervisor.id },
      query: { expand: 'groups' },
    });
    expect(user.status).toBe(200);
    expect((user.body.groups ?? []).map((g: GroupBody) => g.id)).not.toContain(group.id);
  });

  it('needs directory:group:delete: editor, owner of the group, supervisor and the viewer client get 403', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    for (const who of ['editor', 'owner', 'supervisor', 'viewerClient'] as const) {
      const res = await suite.call('deleteGroup', { token: suite.tokens[who], params: { groupId: group.id } });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(res.body.messageParams ?? {})).toContain('directory:group:delete');
    }
    expect((await suite.call('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } })).status).toBe(
      200,
    );
    expect(
      (await suite.call('deleteGroup', { token: suite.tokens.adminClient, params: { groupId: group.id } })).status,
    ).toBe(204);
  });

  it('answers 404 for an unknown group', async () => {
    expectErrorBody(
      await suite.call('deleteGroup', { token: suite.tokens.admin, params: { groupId: 'does-not-exist' } }),
      404,
      'not.found',
    );
  });
});

describe('profiles (GET /api/v2/groups/{groupId}/profile, GET /api/v2/profiles/groups)', () => {
  it('returns a group profile, narrowed by fields', async () => {
    const res = await suite.call('getGroupProfile', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: DEMO_GROUPS.allStaff.id, name: DEMO_GROUPS.allStaff.name });
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    const narrowed = await suite.call('getGroupProfile', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: { fields: 'name' },
    });
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(narrowed.body.id).toBe(DEMO_GROUPS.allStaff.id);
    expectErrorBody(
      await suite.call('getGroupProfile', { token: suite.tokens.admin, params: { groupId: 'nope' } }),
      404,
      'not.found',
    );
  });

  it('lists profiles sorted by name with the same paging as groups', async () => {
    const res = await suite.call('listGroupProfiles', { token: suite.tokens.admin, query: { pageSize: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.entities).toHaveLength(30);
    const groups = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 30 } });
    expect(res.body.entities.map((p: GroupBody) => p.id)).toEqual(groups.body.entities.map((g: GroupBody) => g.id));
    expect(res.body.total).toBe(groups.body.total);
    expect(res.body.nextUri).toMatch(/^\/api\/v2\/profiles\/groups\?/);
    expectErrorBody(
      await suite.call('listGroupProfiles', { token: suite.tokens.admin, query: { pageSize: 501 } }),
      400,
      'bad.request',
    );
  });
});

describe('getFieldConfig (GET /api/v2/fieldconfig)', () => {
  it('describes the group profile, and person, org and externalContact too', async () => {
    const res = await suite.call('getFieldConfig', { token: suite.tokens.admin, query: { type: 'group' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entityType).toBe('group');
    expect(res.body.sections.length).toBeGreaterThan(0);
    expect(res.body.sections.flatMap((s: { fieldList?: unknown[] }) => s.fieldList ?? []).length).toBeGreaterThan(0);
    for (const type of ['person', 'org', 'externalContact']) {
      const other = await suite.call('getFieldConfig', { token: suite.tokens.supervisor, query: { type } });
      expect(other.status, type).toBe(200);
    }
  });

  it('answers 400 for an unknown or missing type', async () => {
    const bad = await suite.call('getFieldConfig', { token: suite.tokens.admin, query: { type: 'spaceship' } });
    expectErrorBody(bad, 400);
    expect(['bad.request', 'invalid.value']).toContain(bad.body.code);
    expectErrorBody(await suite.call('getFieldConfig', { token: suite.tokens.admin }), 400, 'bad.request');
  });
});
