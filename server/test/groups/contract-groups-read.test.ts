/**
 * Contract tests of reading groups over HTTP (authentication, listGroups, what each caller sees,
 * getGroup), every answer checked against openapi/groups.yaml.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, responseValidator } from '../support/openapi-validator.js';
import { uniqueName, type GroupBody } from '../support/fixtures.js';
import { demoSuite } from '../support/demo-suite.js';
import { byName, createGroup as createGroupAs, listAllGroups } from '../support/groups.js';
import { clientCredentialsToken, startServer } from '../support/server.js';

const suite = demoSuite();

const createGroup = (overrides: Record<string, unknown> = {}, token = suite.tokens.admin): Promise<GroupBody> =>
  createGroupAs(suite.call, token, { name: uniqueName('Contract group'), ...overrides });

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
    const supervisor = await listAllGroups(suite.call, suite.tokens.supervisor);
    const admin = await listAllGroups(suite.call, suite.tokens.admin);
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
    const list = await listAllGroups(suite.call, suite.tokens.supervisor);
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
