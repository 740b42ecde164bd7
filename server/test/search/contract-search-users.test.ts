/**
 * Contract tests of group search (POST and q64), users (me, list, get, search) and the token
 * endpoint over HTTP, every answer checked against openapi/groups.yaml.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import { expectErrorBody, type CallResult } from '../support/openapi-validator.js';
import { type GroupBody, type UserBody } from '../support/fixtures.js';
import { demoSuite } from '../support/demo-suite.js';
import { byName } from '../support/groups.js';

const suite = demoSuite();

const search = (body: unknown, token = suite.tokens.admin) => suite.call('searchGroups', { token, body });
const ids = (res: CallResult) => (res.body.results ?? []).map((g: GroupBody) => g.id) as string[];

/** The query string of a relative page URI such as `/api/v2/groups/search?q64=…`. */
function queryOf(uri: string, path: string): string {
  expect(uri.startsWith(`${path}?q64=`), uri).toBe(true);
  return uri.slice(path.length + 1);
}

describe('searchGroups (POST /api/v2/groups/search)', () => {
  it('finds by EXACT name ignoring case, with the response envelope', async () => {
    const res = await search({
      query: [{ type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.allStaff.name.toUpperCase() }],
    });
    expect(res.status, res.text).toBe(200);
    expect(ids(res)).toEqual([DEMO_GROUPS.allStaff.id]);
    expect(res.body).toMatchObject({ total: 1, pageCount: 1, pageNumber: 1, pageSize: 25, types: ['groups'] });
    expect(res.body.currentPage).toMatch(/^\/api\/v2\/groups\/search\?q64=/);
    expect(res.body.previousPage).toBeUndefined();
    expect(res.body.nextPage).toBeUndefined();
    // EXACT is not a prefix match.
    const partial = await search({ query: [{ type: 'EXACT', fields: ['name'], value: 'All Sta' }] });
    expect(partial.body.total).toBe(0);
    expect(partial.body.results).toEqual([]);
  });

  it('STARTS_WITH and TERM match a prefix of the field or of any word in it', async () => {
    for (const type of ['STARTS_WITH', 'TERM']) {
      const start = await search({ query: [{ type, fields: ['name'], value: 'lunchtime run' }] });
      expect(start.status, start.text).toBe(200);
      expect(ids(start), type).toContain(DEMO_GROUPS.social.id);
      const word = await search({ query: [{ type, fields: ['name'], value: 'Runn' }] });
      expect(ids(word), type).toContain(DEMO_GROUPS.social.id);
      const middle = await search({ query: [{ type, fields: ['name'], value: 'unning' }] });
      expect(ids(middle), type).not.toContain(DEMO_GROUPS.social.id);
    }
  });

  it('CONTAINS is a substring ignoring case, over several fields', async () => {
    const res = await search({ query: [{ type: 'CONTAINS', fields: ['name', 'description'], value: 'OOK CLU' }] });
    expect(res.status).toBe(200);
    expect(ids(res)).toContain(DEMO_GROUPS.socialMembersOnly.id);
    for (const group of res.body.results as GroupBody[]) {
      expect(`${group.name} ${group.description ?? ''}`.toLowerCase()).toContain('ook clu');
    }
  });

  it('TERMS matches any of the values', async () => {
    const res = await search({
      query: [{ type: 'TERMS', fields: ['id'], values: [DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id, 'nope'] }],
    });
    expect(res.status, res.text).toBe(200);
    expect(ids(res).sort()).toEqual([DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id].sort());
  });

  it('REGEX is anchored', async () => {
    const anchored = await search({ query: [{ type: 'REGEX', fields: ['name'], value: 'Escalation Spec.*' }] });
    expect(anchored.status, anchored.text).toBe(200);
    expect(ids(anchored)).toContain(DEMO_GROUPS.dynamicRulesHidden.id);
    const unanchored = await search({ query: [{ type: 'REGEX', fields: ['name'], value: 'scalation Spec.*' }] });
    expect(unanchored.status).toBe(200);
    expect(ids(unanchored)).not.toContain(DEMO_GROUPS.dynamicRulesHidden.id);
  });

  it('MATCH_ALL matches every group the caller sees; REQUIRED_FIELDS where the fields are set', async () => {
    const list = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 1 } });
    const all = await search({ query: [{ type: 'MATCH_ALL' }] });
    expect(all.body.total).toBe(list.body.total);
    const described = await search({ pageSize: 100, query: [{ type: 'REQUIRED_FIELDS', fields: ['description'] }] });
    expect(described.status, described.text).toBe(200);
    expect(described.body.total).toBeGreaterThan(0);
    for (const group of described.body.results as GroupBody[]) expect(group.description, group.id).toBeTruthy();
  });

  it('combines criteria with AND, OR and NOT', async () => {
    const or = await search({
      query: [
        { type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.allStaff.name, operator: 'OR' },
        { type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.social.name, operator: 'OR' },
      ],
    });
    expect(ids(or).sort()).toEqual([DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id].sort());
    const and = await search({
      query: [
        { type: 'EXACT', fields: ['type'], value: 'social' },
        { type: 'STARTS_WITH', fields: ['name'], value: 'Lunchtime' },
      ],
    });
    expect(ids(and)).toEqual([DEMO_GROUPS.social.id]);
    const andNone = await search({
      query: [
        { type: 'EXACT', fields: ['type'], value: 'official' },
        { type: 'STARTS_WITH', fields: ['name'], value: 'Lunchtime Running' },
      ],
    });
    expect(andNone.body.total).toBe(0);
    const not = await search({
      pageSize: 100,
      query: [{ type: 'MATCH_ALL' }, { type: 'EXACT', fields: ['type'], value: 'official', operator: 'NOT' }],
    });
    expect(not.status, not.text).toBe(200);
    expect(not.body.total).toBeGreaterThan(0);
    for (const group of not.body.results as GroupBody[]) expect(group.type).toBe('social');
    const official = await search({ query: [{ type: 'EXACT', fields: ['type'], value: 'official' }] });
    const all = await search({ query: [{ type: 'MATCH_ALL' }] });
    expect(not.body.total + official.body.total).toBe(all.body.total);
  });

  it('sorts by name, memberCount and several keys', async () => {
    const desc = await search({ pageSize: 50, sortBy: 'name', sortOrder: 'DESC', query: [{ type: 'MATCH_ALL' }] });
    const names = (desc.body.results as GroupBody[]).map((g) => g.name);
    expect([...names].sort(byName).reverse()).toEqual(names);
    const biggest = await search({
      pageSize: 1,
      sortBy: 'memberCount',
      sortOrder: 'DESC',
      query: [{ type: 'MATCH_ALL' }],
    });
    expect(ids(biggest)).toEqual([DEMO_GROUPS.allStaff.id]);
    const multi = await search({
      pageSize: 100,
      sort: [
        { sortBy: 'type', sortOrder: 'DESC' },
        { sortBy: 'name', sortOrder: 'ASC' },
      ],
      query: [{ type: 'MATCH_ALL' }],
    });
    expect(multi.status, multi.text).toBe(200);
    const results = multi.body.results as GroupBody[];
    const firstOfficial = results.findIndex((g) => g.type === 'official');
    expect(firstOfficial).toBeGreaterThan(0);
    expect(results.slice(0, firstOfficial).every((g) => g.type === 'social')).toBe(true);
    const socialNames = results.slice(0, firstOfficial).map((g) => g.name);
    expect([...socialNames].sort(byName)).toEqual(socialNames);
  });

  it('bounds paging: pageSize 1..100 and pageSize × pageNumber ≤ 10,000', async () => {
    expectErrorBody(await search({ pageSize: 101, query: [{ type: 'MATCH_ALL' }] }), 400, 'bad.request');
    expectErrorBody(await search({ pageSize: 0, query: [{ type: 'MATCH_ALL' }] }), 400, 'bad.request');
    expectErrorBody(
      await search({ pageSize: 100, pageNumber: 101, query: [{ type: 'MATCH_ALL' }] }),
      400,
      'bad.request',
    );
    expectErrorBody(await search({ pageNumber: 0, query: [{ type: 'MATCH_ALL' }] }), 400, 'bad.request');
    const edge = await search({ pageSize: 100, pageNumber: 100, query: [{ type: 'MATCH_ALL' }] });
    expect(edge.status, edge.text).toBe(200);
    expect(edge.body.results).toEqual([]);
  });

  it('rejects unknown criteria types and operators with invalid.value, unknown fields and bad shapes with 400', async () => {
    expectErrorBody(await search({ query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] }), 400, 'invalid.value');
    expectErrorBody(
      await search({ query: [{ type: 'EXACT', fields: ['name'], value: 'x', operator: 'XOR' }] }),
      400,
      'invalid.value',
    );
    expectErrorBody(await search({ sortOrder: 'UP', query: [{ type: 'MATCH_ALL' }] }), 400, 'invalid.value');
    expectErrorBody(await search({ query: [{ type: 'EXACT', fields: ['passwordHash'], value: 'x' }] }), 400);
    expectErrorBody(await search({ query: [{ fields: ['name'], value: 'x' }] }), 400, 'bad.request');
    expectErrorBody(await search({ query: 'everything' }), 400, 'bad.request');
    expectErrorBody(await search({ query: [{ type: 'REGEX', fields: ['name'], value: '(' }] }), 400);
  });
});

describe('searchGroupsByQ64 (GET /api/v2/groups/search?q64=)', () => {
  it('repeats a search through currentPage, nextPage and previousPage', async () => {
    const request = {
      pageSize: 5,
      sortBy: 'name',
      sortOrder: 'ASC',
      query: [{ type: 'EXACT', fields: ['type'], value: 'official' }],
    };
    const first = await search(request);
    expect(first.status).toBe(200);
    expect(first.body.pageCount).toBeGreaterThan(2);
    expect(first.body.previousPage).toBeUndefined();
    const path = '/api/v2/groups/search';

    const current = await suite.call('searchGroupsByQ64', {
      token: suite.tokens.admin,
      query: queryOf(first.body.currentPage, path),
    });
    expect(current.status, current.text).toBe(200);
    expect(ids(current)).toEqual(ids(first));
    expect(current.body.total).toBe(first.body.total);

    const second = await suite.call('searchGroupsByQ64', {
      token: suite.tokens.admin,
      query: queryOf(first.body.nextPage, path),
    });
    expect(second.status, second.text).toBe(200);
    expect(second.body.pageNumber).toBe(2);
    expect(second.body.results).toHaveLength(5);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    const lastOfFirst = (first.body.results as GroupBody[]).at(-1)!.name;
    expect(byName(lastOfFirst, (second.body.results as GroupBody[])[0]!.name)).toBeLessThanOrEqual(0);

    const back = await suite.call('searchGroupsByQ64', {
      token: suite.tokens.admin,
      query: queryOf(second.body.previousPage, path),
    });
    expect(ids(back)).toEqual(ids(first));

    const last = await search({ ...request, pageNumber: first.body.pageCount });
    expect(last.body.nextPage).toBeUndefined();
    expect(last.body.previousPage).toBeDefined();
  });

  it('accepts a q64 of plain (un-gzipped) JSON as well as gzipped JSON', async () => {
    const request = { query: [{ type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.social.id }] };
    const plain = Buffer.from(JSON.stringify(request)).toString('base64url');
    const gz = gzipSync(Buffer.from(JSON.stringify(request))).toString('base64url');
    for (const q64 of [plain, gz]) {
      const res = await suite.call('searchGroupsByQ64', { token: suite.tokens.admin, query: { q64 } });
      expect(res.status, res.text).toBe(200);
      expect(ids(res)).toEqual([DEMO_GROUPS.social.id]);
    }
  });

  it('rejects a missing or undecodable q64 with 400 bad.request', async () => {
    expectErrorBody(await suite.call('searchGroupsByQ64', { token: suite.tokens.admin }), 400, 'bad.request');
    for (const q64 of [
      '!!!',
      'aGVsbG8',
      Buffer.from('[1,2]').toString('base64url'),
      gzipSync(Buffer.from('{nope')).toString('base64url'),
    ]) {
      expectErrorBody(
        await suite.call('searchGroupsByQ64', { token: suite.tokens.admin, query: { q64 } }),
        400,
        'bad.request',
      );
    }
    const invalid = Buffer.from(JSON.stringify({ pageSize: 1000, query: [{ type: 'MATCH_ALL' }] })).toString(
      'base64url',
    );
    expectErrorBody(
      await suite.call('searchGroupsByQ64', { token: suite.tokens.admin, query: { q64: invalid } }),
      400,
      'bad.request',
    );
  });

  it('applies visibility to a q64 search made by another caller', async () => {
    const adminSearch = await search({ query: [{ type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.ownersOnly.id }] });
    expect(adminSearch.body.total).toBe(1);
    const replay = await suite.call('searchGroupsByQ64', {
      token: suite.tokens.supervisor,
      query: queryOf(adminSearch.body.currentPage, '/api/v2/groups/search'),
    });
    expect(replay.status).toBe(200);
    expect(replay.body.total).toBe(0);
  });
});

describe('users', () => {
  it('getMe answers user tokens with the user and, with expand=authorization, the permissions', async () => {
    for (const key of Object.keys(PERSONAS) as PersonaKey[]) {
      const persona = PERSONAS[key];
      const res = await suite.call('getMe', { token: suite.tokens[key], query: { expand: 'authorization' } });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: persona.id, name: persona.name, email: persona.email });
      expect([...res.body.authorization.permissions].sort()).toEqual([...persona.permissions].sort());
    }
    const plain = await suite.call('getMe', { token: suite.tokens.admin });
    expect(plain.body.authorization).toBeUndefined();
    const client = await suite.call('getMe', { token: suite.tokens.adminClient });
    expectErrorBody(client, 400);
    expectErrorBody(await suite.call('getMe', {}), 401, 'authentication.required');
    expectErrorBody(await suite.call('getMe', { token: suite.tokens.admin, query: { expand: 'mindReading' } }), 400);
  });

  it('listUsers pages the org by name', async () => {
    const res = await suite.call('listUsers', { token: suite.tokens.supervisor, query: { pageSize: 100 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2000);
    const names = (res.body.entities as UserBody[]).map((u) => u.name);
    expect([...names].sort(byName)).toEqual(names);
    expect(res.body.nextUri).toMatch(/^\/api\/v2\/users\?/);
    const wanted = [PERSONAS.admin.id, PERSONAS.owner.id];
    const byId = await suite.call('listUsers', { token: suite.tokens.admin, query: { id: wanted } });
    expect((byId.body.entities as UserBody[]).map((u) => u.id).sort()).toEqual([...wanted].sort());
    const expanded = await suite.call('listUsers', {
      token: suite.tokens.admin,
      query: { pageSize: 5, expand: ['presence', 'certifications'] },
    });
    expect(expanded.status, expanded.text).toBe(200);
    for (const user of expanded.body.entities as UserBody[]) expect(user.presence).toBeDefined();
    expectErrorBody(
      await suite.call('listUsers', { token: suite.tokens.admin, query: { pageSize: 501 } }),
      400,
      'bad.request',
    );
    const state = await suite.call('listUsers', { token: suite.tokens.admin, query: { state: 'asleep' } });
    expectErrorBody(state, 400);
  });

  it('getUser returns a user, with expand=groups the groups the caller can see', async () => {
    const res = await suite.call('getUser', {
      token: suite.tokens.admin,
      params: { userId: PERSONAS.owner.id },
      query: { expand: 'groups' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: PERSONAS.owner.id, name: PERSONAS.owner.name, email: PERSONAS.owner.email });
    const adminSees = (res.body.groups ?? []).map((g: GroupBody) => g.id) as string[];
    expect(adminSees).toContain(DEMO_GROUPS.ownedByOwner.id);
    const supervisorView = await suite.call('getUser', {
      token: suite.tokens.supervisor,
      params: { userId: PERSONAS.owner.id },
      query: { expand: 'groups' },
    });
    expect(supervisorView.status).toBe(200);
    const supervisorSees = (supervisorView.body.groups ?? []).map((g: GroupBody) => g.id) as string[];
    expect(supervisorSees).not.toContain(DEMO_GROUPS.ownersOnly.id);
    const own = await suite.call('getUser', {
      token: suite.tokens.supervisor,
      params: { userId: PERSONAS.supervisor.id },
      query: { expand: 'groups' },
    });
    expect((own.body.groups ?? []).map((g: GroupBody) => g.id)).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expectErrorBody(
      await suite.call('getUser', { token: suite.tokens.admin, params: { userId: 'no-such-user' } }),
      404,
      'not.found',
    );
  });

  it('searchUsers finds by email, name and department, and repeats through q64', async () => {
    const email = await suite.call('searchUsers', {
      token: suite.tokens.viewerClient,
      body: { query: [{ type: 'EXACT', fields: ['email'], value: PERSONAS.admin.email }] },
    });
    expect(email.status, email.text).toBe(200);
    expect((email.body.results as UserBody[]).map((u) => u.id)).toEqual([PERSONAS.admin.id]);
    expect(email.body.types).toEqual(['users']);
    const name = await suite.call('searchUsers', {
      token: suite.tokens.admin,
      body: { query: [{ type: 'CONTAINS', fields: ['name', 'email'], value: 'sofia sand' }] },
    });
    expect((name.body.results as UserBody[]).map((u) => u.id)).toContain(PERSONAS.supervisor.id);

    const paged = await suite.call('searchUsers', {
      token: suite.tokens.admin,
      body: { pageSize: 10, query: [{ type: 'EXACT', fields: ['department'], value: PERSONAS.owner.department }] },
    });
    expect(paged.status).toBe(200);
    expect(paged.body.total).toBeGreaterThan(10);
    const path = '/api/v2/users/search';
    const next = await suite.call('searchUsersByQ64', {
      token: suite.tokens.admin,
      query: queryOf(paged.body.nextPage, path),
    });
    expect(next.status, next.text).toBe(200);
    expect(next.body.pageNumber).toBe(2);
    const firstIds = (paged.body.results as UserBody[]).map((u) => u.id);
    expect((next.body.results as UserBody[]).some((u) => firstIds.includes(u.id))).toBe(false);

    expectErrorBody(
      await suite.call('searchUsers', {
        token: suite.tokens.admin,
        body: { query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] },
      }),
      400,
      'invalid.value',
    );
    expectErrorBody(
      await suite.call('searchUsers', { token: suite.tokens.admin, body: { pageSize: 101 } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('searchUsersByQ64', { token: suite.tokens.admin, query: { q64: '!!!' } }),
      400,
      'bad.request',
    );
  });
});

describe('getTokenInfo (GET /api/v2/tokens/me)', () => {
  it('describes user and client tokens', async () => {
    const user = await suite.call('getTokenInfo', { token: suite.tokens.admin });
    expect(user.status, user.text).toBe(200);
    expect(user.body.organization?.id).toBeTruthy();
    const client = await suite.call('getTokenInfo', { token: suite.tokens.adminClient });
    expect(client.status, client.text).toBe(200);
    expect(client.body.OAuthClient).toMatchObject({ id: 'demo-admin', authorizedGrantType: 'CLIENT-CREDENTIALS' });
    expectErrorBody(await suite.call('getTokenInfo', { token: 'expired-or-unknown' }), 401, 'authentication.required');
  });
});
