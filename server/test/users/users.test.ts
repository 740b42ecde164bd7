/**
 * The users domain (User model, expands, listing, single users, users/me, search) on an in-memory demo
 * database, and the users operations over HTTP with every answer checked against openapi/groups.yaml.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { DEMO_GROUPS, PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import { SYSTEM_PRESENCES } from '../../src/db/seed/words.js';
import { decodeQ64, encodeQ64 } from '../../src/domain/search/q64.js';
import { getMe, getUser, listUsers } from '../../src/domain/users/reads.js';
import { searchUsers, searchUsersByQ64 } from '../../src/domain/users/search.js';
import { toUsers, USER_EXPANDS, USER_SELECT, type UserRow } from '../../src/domain/users/users.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { apiError, clientCaller, personaCaller } from '../support/fixtures.js';
import { startServer } from '../support/server.js';

let db: Database.Database;
beforeAll(() => {
  db = openDemoDatabase();
});
afterAll(() => db?.close());

const persona = personaCaller;
const client = (permissions: string[] = ['directory:user:view']): Caller => clientCaller(permissions);

const count = (sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('User model', () => {
  it('has the base fields and no expand field unless asked', () => {
    const user = getUser(db, persona('admin'), PERSONAS.owner.id);
    expect(user).toMatchObject({
      id: PERSONAS.owner.id,
      name: PERSONAS.owner.name,
      email: PERSONAS.owner.email,
      username: PERSONAS.owner.email,
      state: 'active',
      title: PERSONAS.owner.title,
      department: PERSONAS.owner.department,
      manager: {
        id: PERSONAS.editor.id,
        name: PERSONAS.editor.name,
        version: 1,
        selfUri: `/api/v2/users/${PERSONAS.editor.id}`,
      },
      selfUri: `/api/v2/users/${PERSONAS.owner.id}`,
      version: 1,
    });
    expect(user.division).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      selfUri: expect.stringMatching(/^\/api\/v2\/authorization\/divisions\//),
    });
    expect((user.chat as { jabberId: string }).jabberId).toMatch(new RegExp(`^${PERSONAS.owner.id}@`));
    expect(user.primaryContactInfo).toEqual([{ address: PERSONAS.owner.email, mediaType: 'EMAIL', type: 'PRIMARY' }]);
    for (const key of [
      'presence',
      'routingStatus',
      'authorization',
      'groups',
      'skills',
      'languages',
      'biography',
      'dateLastLogin',
      'lastTokenIssued',
    ])
      expect(user, key).not.toHaveProperty(key);
  });

  it('adds every expand option when asked, in the SDK shapes', () => {
    const user = getUser(db, persona('admin'), PERSONAS.supervisor.id, { expand: [...USER_EXPANDS] });
    const fields = [
      'routingStatus',
      'presence',
      'integrationPresence',
      'conversationSummary',
      'outOfOffice',
      'geolocation',
      'station',
      'authorization',
      'lastTokenIssued',
      'team',
      'workPlanBidRanks',
      'externalContactsSettings',
      'groups',
      'customAttributes',
      'profileSkills',
      'certifications',
      'locations',
      'skills',
      'languages',
      'languagePreference',
      'employerInfo',
      'biography',
      'dateLastLogin',
      'dateWelcomeSent',
    ];
    for (const f of fields) expect(user, f).toHaveProperty(f);
    expect([
      'Available',
      'Away',
      'Busy',
      'Offline',
      'Idle',
      'On Queue',
      'Meal',
      'Training',
      'Meeting',
      'Break',
    ]).toContain(
      (user.presence as { presenceDefinition: { systemPresence: string } }).presenceDefinition.systemPresence,
    );
    expect(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).toContain(
      (user.routingStatus as { status: string }).status,
    );
    const languages = user.languages as Array<{ name: string; proficiency: number; languageUri: string }>;
    expect(languages.map((l) => l.name)).toContain('English');
    const stored = db
      .prepare("SELECT skill_name FROM user_skills WHERE user_id = ? AND kind = 'language' ORDER BY skill_name")
      .pluck()
      .all(PERSONAS.supervisor.id);
    expect(languages.map((l) => l.name)).toEqual(stored);
    expect(user.authorization).toMatchObject({
      roles: [{ name: 'Employee' }],
      unusedRoles: [],
      permissions: ['directory:user:view'],
    });
  });

  it('rejects an unknown expand value with 400 naming it', () => {
    const err = apiError(() => getUser(db, persona('admin'), PERSONAS.owner.id, { expand: ['presence', 'bogus'] }));
    expect(err.status).toBe(400);
    expect(err.code).toBe('bad.request');
    expect(err.message).toContain('"bogus"');
    expect(err.options.details?.[0]?.fieldName).toBe('expand');
  });

  it('expand=groups lists only the groups the caller may see', () => {
    const supervisorGroups = (caller: Caller) =>
      ((getUser(db, caller, PERSONAS.supervisor.id, { expand: ['groups'] }).groups as Array<{ id: string }>) ?? []).map(
        (g) => g.id,
      );
    const asAdmin = supervisorGroups(persona('admin'));
    const asEditor = supervisorGroups(persona('editor'));
    expect(asAdmin).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expect(asAdmin).toContain(DEMO_GROUPS.allStaff.id);
    expect(asAdmin.length).toBe(count('SELECT COUNT(*) FROM group_members WHERE user_id = ?', PERSONAS.supervisor.id));
    // The editor is a member of the supervisors' group but not of the members-only book club.
    expect(asEditor).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expect(asEditor).not.toContain(DEMO_GROUPS.socialMembersOnly.id);
    expect(asAdmin).toContain(DEMO_GROUPS.socialMembersOnly.id);
    const group = (
      getUser(db, persona('admin'), PERSONAS.supervisor.id, { expand: ['groups'] }).groups as Array<
        Record<string, unknown>
      >
    )[0];
    expect(group).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      type: expect.any(String),
      visibility: expect.any(String),
      rulesVisible: expect.any(Boolean),
      selfUri: `/api/v2/groups/${group?.id}`,
    });
  });

  it('builds a page with expands in one query per expand kind, not per user', () => {
    const rows = db.prepare(`${USER_SELECT} ORDER BY u.sort_name LIMIT 500`).all() as UserRow[];
    const single = rows.map((r) => toUsers(db, [r], ['skills', 'groups', 'authorization'], persona('admin'))[0]);
    const batch = toUsers(db, rows, ['skills', 'groups', 'authorization'], persona('admin'));
    expect(batch).toEqual(single);
    expect(batch).toHaveLength(500);
  });
});

describe('getUser', () => {
  it('answers 404 not.found for an unknown id', () => {
    const err = apiError(() => getUser(db, persona('admin'), '00000000-0000-4000-8000-00000000dead'));
    expect(err.status).toBe(404);
    expect(err.code).toBe('not.found');
  });

  it('finds inactive users unless another state is asked for', () => {
    const inactive = db.prepare("SELECT id FROM users WHERE state = 'inactive' LIMIT 1").pluck().get() as string;
    expect(getUser(db, persona('admin'), inactive).state).toBe('inactive');
    expect(getUser(db, persona('admin'), inactive, { state: 'any' }).state).toBe('inactive');
    expect(apiError(() => getUser(db, persona('admin'), inactive, { state: 'active' })).status).toBe(404);
    expect(apiError(() => getUser(db, persona('admin'), inactive, { state: 'sleeping' })).code).toBe('invalid.value');
  });
});

describe('listUsers', () => {
  const active = () => count("SELECT COUNT(*) FROM users WHERE state = 'active'");

  it('pages active users by name with listing URIs', () => {
    const first = listUsers(db, persona('supervisor'), { pageSize: 100 });
    expect(first.total).toBe(active());
    expect(first.pageCount).toBe(Math.ceil(active() / 100));
    expect(first.entities).toHaveLength(100);
    const names = first.entities.map((u) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(first.firstUri).toBe('/api/v2/users?pageSize=100&pageNumber=1&sortOrder=ASC');
    expect(first.nextUri).toBe('/api/v2/users?pageSize=100&pageNumber=2&sortOrder=ASC');
    expect(first.previousUri).toBeUndefined();
    const last = listUsers(db, persona('supervisor'), {
      pageSize: '100',
      pageNumber: String(first.pageCount),
      sortOrder: 'descending',
    });
    expect(last.nextUri).toBeUndefined();
    expect(last.previousUri).toBe(`/api/v2/users?pageSize=100&pageNumber=${first.pageCount - 1}&sortOrder=DESC`);
    expect(last.entities.length).toBe(active() - 100 * (first.pageCount - 1));
  });

  it('filters by id and jabberId, and by state', () => {
    const ids = [PERSONAS.admin.id, PERSONAS.owner.id];
    expect(
      listUsers(db, persona('admin'), { id: ids })
        .entities.map((u) => u.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(listUsers(db, persona('admin'), { id: ids.join(',') }).total).toBe(2);
    expect(
      listUsers(db, persona('admin'), { jabberId: [`${PERSONAS.editor.id}@groups-demo.orgspan.com`] }).entities.map(
        (u) => u.id,
      ),
    ).toEqual([PERSONAS.editor.id]);
    const inactive = listUsers(db, persona('admin'), { state: 'inactive', pageSize: 500 });
    expect(inactive.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'inactive'"));
    expect(inactive.entities.every((u) => u.state === 'inactive')).toBe(true);
    expect(inactive.selfUri).toContain('state=inactive');
    expect(listUsers(db, persona('admin'), { state: 'any' }).total).toBe(count('SELECT COUNT(*) FROM users'));
  });

  it('refuses bad paging and filters with 400', () => {
    for (const q of [{ pageSize: 0 }, { pageSize: 501 }, { pageNumber: 0 }, { pageSize: 'ten' }])
      expect(apiError(() => listUsers(db, persona('admin'), q)).code).toBe('bad.request');
    expect(apiError(() => listUsers(db, persona('admin'), { sortOrder: 'sideways' })).code).toBe('invalid.value');
    expect(apiError(() => listUsers(db, persona('admin'), { id: ['a'], jabberId: ['b'] })).status).toBe(400);
    expect(listUsers(db, persona('admin'), { pageSize: 500 }).entities).toHaveLength(500);
  });
});

describe('getMe', () => {
  it('answers the signed-in user with their roles and permissions', () => {
    for (const key of Object.keys(PERSONAS) as PersonaKey[]) {
      const me = getMe(db, persona(key), { expand: ['authorization'] });
      expect(me.id).toBe(PERSONAS[key].id);
      const auth = me.authorization as {
        permissions: string[];
        roles: Array<{ id: string; name: string }>;
        permissionPolicies: Array<{ domain: string; entityName: string; actionSet: string[] }>;
      };
      expect(auth.permissions).toEqual(PERSONAS[key].permissions);
      expect(auth.roles.length).toBeGreaterThan(0);
      const fromPolicies = auth.permissionPolicies
        .flatMap((p) => p.actionSet.map((a) => `${p.domain}:${p.entityName}:${a}`))
        .sort();
      expect(fromPolicies).toEqual(PERSONAS[key].permissions);
    }
  });

  it('refuses client-credentials tokens with 400 and a clear message', () => {
    const err = apiError(() => getMe(db, client()));
    expect(err.status).toBe(400);
    expect(err.code).toBe('bad.request');
    expect(err.message).toMatch(/user context/i);
  });

  it('supports the users/me expands: organization, date, token, superiors, direct reports', () => {
    const me = getMe(
      db,
      persona('supervisor'),
      { expand: 'organization,date,token,superiors,presencedefinitions' },
      { organization: { id: 'org-1', name: 'Org' }, tokenInfo: () => ({ organization: { id: 'org-1', name: 'Org' } }) },
    );
    expect(me.organization).toMatchObject({ id: 'org-1', name: 'Org' });
    expect(Date.parse((me.date as { currentDate: string }).currentDate)).not.toBeNaN();
    expect(me.token).toEqual({ organization: { id: 'org-1', name: 'Org' } });
    expect((me.superiors as Array<{ id: string }>)[0]?.id).toBe(PERSONAS.editor.id);
    const definitions = me.presenceDefinitions as Array<{ id: string; systemPresence: string }>;
    expect(definitions.map((d) => d.systemPresence)).toEqual([...SYSTEM_PRESENCES]);
    const used = listUsers(db, persona('admin'), { pageSize: '100', expand: 'presence' }).entities.map(
      (u) => (u.presence as { presenceDefinition: { id: string; systemPresence: string } }).presenceDefinition,
    );
    expect(used.length).toBe(100);
    for (const p of used) expect(definitions.find((d) => d.id === p.id)?.systemPresence).toBe(p.systemPresence);
    const editor = getMe(db, persona('editor'), { expand: ['directreports'] });
    expect((editor.directReports as Array<{ id: string }>).map((u) => u.id).sort()).toEqual(
      [PERSONAS.owner.id, PERSONAS.supervisor.id].sort(),
    );
    expect(apiError(() => getMe(db, persona('admin'), { expand: ['nope'] })).code).toBe('bad.request');
  });
});

describe('searchUsers', () => {
  const viewer = () => persona('supervisor');

  it('needs directory:user:view', () => {
    const err = apiError(() => searchUsers(db, { ...persona('supervisor'), permissions: new Set() }, { query: [] }));
    expect(err.status).toBe(403);
    expect(err.code).toBe('missing.any.permissions');
    expect(err.options.messageParams?.permissions).toBe('directory:user:view');
  });

  it('finds by name prefix of any word, email, title and department (the member picker)', () => {
    const byName = searchUsers(db, viewer(), {
      query: [{ type: 'STARTS_WITH', fields: ['name', 'email', 'username', 'title', 'department'], value: 'sand' }],
    });
    expect(byName.results.map((u) => u.id)).toContain(PERSONAS.supervisor.id);
    expect(
      byName.results.every((u) =>
        [u.name, u.email, u.username, u.title, u.department].some(
          (v) =>
            typeof v === 'string' &&
            v
              .toLowerCase()
              .split(/[^a-z0-9]+/)
              .some((w) => w.startsWith('sand')),
        ),
      ),
    ).toBe(true);
    const exact = searchUsers(db, viewer(), {
      query: [{ type: 'EXACT', fields: ['email'], value: 'OWNER@example.com' }],
    });
    expect(exact.results.map((u) => u.id)).toEqual([PERSONAS.owner.id]);
    const contains = searchUsers(db, viewer(), {
      pageSize: 100,
      query: [{ type: 'CONTAINS', fields: ['title'], value: 'care team' }],
    });
    expect(contains.total).toBe(
      count("SELECT COUNT(*) FROM users WHERE state = 'active' AND lower(title) LIKE '%care team%'"),
    );
  });

  it('combines criteria with AND, OR, NOT and nested groups', () => {
    const careManagers = searchUsers(db, viewer(), {
      pageSize: 100,
      query: [
        { type: 'EXACT', fields: ['department'], value: 'Customer Care' },
        {
          type: 'MATCH_ALL',
          group: [
            { type: 'CONTAINS', fields: ['title'], value: 'Manager', operator: 'OR' },
            { type: 'CONTAINS', fields: ['title'], value: 'Supervisor', operator: 'OR' },
          ],
        },
        { type: 'EXACT', fields: ['email'], value: PERSONAS.editor.email, operator: 'NOT' },
      ],
    });
    const expected = count(
      "SELECT COUNT(*) FROM users WHERE state = 'active' AND department = 'Customer Care' AND (title LIKE '%Manager%' OR title LIKE '%Supervisor%') AND email <> ?",
      PERSONAS.editor.email,
    );
    expect(careManagers.total).toBe(expected);
    expect(careManagers.results.some((u) => u.id === PERSONAS.editor.id)).toBe(false);
    expect(careManagers.results.some((u) => u.id === PERSONAS.supervisor.id)).toBe(true);
    const terms = searchUsers(db, viewer(), {
      query: [{ type: 'TERMS', fields: ['email'], values: [PERSONAS.admin.email, PERSONAS.owner.email] }],
    });
    expect(terms.total).toBe(2);
    const regex = searchUsers(db, viewer(), {
      query: [{ type: 'REGEX', fields: ['email'], value: '(admin|editor)@example\\.com' }],
    });
    expect(regex.results.map((u) => u.email).sort()).toEqual(['admin@example.com', 'editor@example.com']);
    const all = searchUsers(db, viewer(), { query: [{ type: 'MATCH_ALL' }] });
    expect(all.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'active'"));
    const required = searchUsers(db, viewer(), { query: [{ type: 'REQUIRED_FIELDS', fields: ['manager.id'] }] });
    expect(required.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'active' AND manager_id IS NOT NULL"));
  });

  it('understands QUERY_STRING: all terms, field:term, -term, "phrase", OR', () => {
    expect(
      searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: 'sofia sand*' }] }).results.map((u) => u.id),
    ).toEqual([PERSONAS.supervisor.id]);
    const ccNotSofia = searchUsers(db, viewer(), {
      query: [{ type: 'QUERY_STRING', value: 'department:"customer care" title:supervisor -sofia' }],
    });
    expect(ccNotSofia.total).toBe(
      count(
        "SELECT COUNT(*) FROM users WHERE state = 'active' AND department = 'Customer Care' AND title LIKE '%Supervisor%' AND name NOT LIKE '%Sofia%'",
      ),
    );
    const either = searchUsers(db, viewer(), {
      query: [{ type: 'QUERY_STRING', value: 'admin@example.com OR editor@example.com', fields: ['email'] }],
    });
    expect(either.results.map((u) => u.email).sort()).toEqual(['admin@example.com', 'editor@example.com']);
    expect(apiError(() => searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: '  ' }] })).status).toBe(
      400,
    );
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: 'nope:x' }] })).status,
    ).toBe(400);
  });

  it('leaves out inactive users unless the query names state', () => {
    const inactive = db.prepare("SELECT name FROM users WHERE state = 'inactive' LIMIT 1").pluck().get() as string;
    const q = [{ type: 'EXACT', fields: ['name'], value: inactive }];
    expect(searchUsers(db, viewer(), { query: q }).results.every((u) => u.state === 'active')).toBe(true);
    const withState = searchUsers(db, viewer(), {
      query: [...q, { type: 'EXACT', fields: ['state'], value: 'inactive' }],
    });
    expect(withState.total).toBeGreaterThan(0);
    expect(withState.results.every((u) => u.state === 'inactive')).toBe(true);
  });

  it('pages with q64 URIs that repeat the search', () => {
    const request = {
      pageSize: 10,
      pageNumber: 1,
      sortBy: 'name',
      sortOrder: 'ASC',
      expand: ['presence'],
      query: [{ type: 'STARTS_WITH', fields: ['department'], value: 'sales' }],
    };
    const page1 = searchUsers(db, viewer(), request);
    expect(page1.types).toEqual(['users']);
    expect(page1.previousPage).toBeUndefined();
    expect(page1.currentPage).toMatch(/^\/api\/v2\/users\/search\?q64=/);
    expect(page1.results[0]).toHaveProperty('presence');
    const q64 = decodeURIComponent((page1.nextPage as string).split('q64=')[1] as string);
    expect(decodeQ64(q64)).toMatchObject({ pageNumber: 2, pageSize: 10, types: ['users'], expand: ['presence'] });
    const page2 = searchUsersByQ64(db, viewer(), q64);
    expect(page2.pageNumber).toBe(2);
    expect(page2.previousPage).toBe(page1.currentPage);
    expect(page2.results[0]).toHaveProperty('presence');
    const ids1 = new Set(page1.results.map((u) => u.id));
    expect(page2.results.some((u) => ids1.has(u.id))).toBe(false);
    // The expand parameter of the GET replaces the request's.
    expect(searchUsersByQ64(db, viewer(), q64, 'routingStatus').results[0]).not.toHaveProperty('presence');
    // An un-gzipped q64 is accepted too.
    const plain = Buffer.from(JSON.stringify({ ...request, pageNumber: 2 })).toString('base64url');
    expect(searchUsersByQ64(db, viewer(), plain).results.map((u) => u.id)).toEqual(page2.results.map((u) => u.id));
    const last = searchUsersByQ64(db, viewer(), encodeQ64({ ...request, pageNumber: page1.pageCount }));
    expect(last.nextPage).toBeUndefined();
  });

  it('refuses bad paging, fields, types and q64 with 400', () => {
    for (const request of [
      { pageSize: 101 },
      { pageSize: 0 },
      { pageSize: 100, pageNumber: 101 },
      { pageNumber: 1.5 },
    ]) {
      expect(apiError(() => searchUsers(db, viewer(), request)).status).toBe(400);
    }
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'EXACT', fields: ['password_hash'], value: 'x' }] }))
        .status,
    ).toBe(400);
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] })).status,
    ).toBe(400);
    expect(apiError(() => searchUsers(db, viewer(), { query: 'name' })).status).toBe(400);
    expect(apiError(() => searchUsers(db, viewer(), { expand: ['bogus'] })).status).toBe(400);
    expect(apiError(() => searchUsersByQ64(db, viewer(), 'not base64!')).status).toBe(400);
    expect(apiError(() => searchUsersByQ64(db, viewer(), encodeQ64({ types: ['groups'] }))).status).toBe(400);
    expect(searchUsers(db, viewer(), { pageSize: 100, pageNumber: 100 }).results).toHaveLength(0);
  });
});

describe('users over HTTP', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let call: ApiCall;
  beforeAll(async () => {
    server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
    call = apiCaller(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('GET /users/me?expand=authorization answers the persona with its permissions (schema-valid)', async () => {
    const res = await call('getMe', {
      token: server.tokenFor('editor'),
      query: { expand: ['authorization', 'organization', 'token', 'date'] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.id).toBe(PERSONAS.editor.id);
    expect(res.body.authorization.permissions).toEqual(PERSONAS.editor.permissions);
    expect(res.body.token.organization.id).toBe(res.body.organization.id);
  });

  it('GET /users/me with a client-credentials token answers 400', async () => {
    const res = await call('getMe', { token: server.clientToken('demo-viewer') });
    expectErrorBody(res, 400, 'bad.request');
  });

  it('GET /users with every expand is schema-valid', async () => {
    const res = await call('listUsers', {
      token: server.tokenFor('supervisor'),
      query: { pageSize: 25, expand: [...USER_EXPANDS] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entities).toHaveLength(25);
    expect(res.body.entities[0]).toHaveProperty('presence');
  });

  it('GET /users/{id}?expand=groups and an unknown id', async () => {
    const res = await call('getUser', {
      token: server.tokenFor('supervisor'),
      params: { userId: PERSONAS.supervisor.id },
      query: { expand: ['groups'] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.groups.map((g: { id: string }) => g.id)).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expectErrorBody(
      await call('getUser', { token: server.tokenFor('supervisor'), params: { userId: 'no-such-user' } }),
      404,
      'not.found',
    );
  });

  it('POST /users/search then GET its nextPage', async () => {
    const token = server.tokenFor('owner');
    const res = await call('searchUsers', {
      token,
      body: { pageSize: 5, query: [{ type: 'STARTS_WITH', fields: ['name', 'email'], value: 'ma' }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.results).toHaveLength(5);
    const q64 = decodeURIComponent(res.body.nextPage.split('q64=')[1]);
    const next = await call('searchUsersByQ64', { token, query: { q64 } });
    expect(next.status, next.text).toBe(200);
    expect(next.body.pageNumber).toBe(2);
  });
});
