/**
 * The groups endpoints over HTTP on the demo org: search and q64, visibility in every read, versions
 * (including concurrent conditional updates), membership writes and limits, dynamic settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import { decodeQ64, encodeQ64 } from '../../src/domain/search/q64.js';
import { uniqueName } from '../support/fixtures.js';
import { createGroup as createGroupAs } from '../support/groups.js';
import { apiCaller } from '../support/openapi-validator.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
const tokens = {} as Record<PersonaKey | 'viewer', string>;

beforeAll(async () => {
  server = await startServer({ seed: 'demo' });
  for (const p of Object.keys(PERSONAS) as PersonaKey[]) tokens[p] = server.tokenFor(p);
  tokens.viewer = server.clientToken('demo-viewer');
});
afterAll(() => server?.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field below
type Json = any;

interface Res<T = Json> {
  status: number;
  body: T;
}

async function api<T = Json>(
  method: string,
  path: string,
  as: PersonaKey | 'viewer' = 'admin',
  body?: unknown,
): Promise<Res<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[as]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const createGroup = (extra: Record<string, unknown> = {}, as: PersonaKey = 'admin') =>
  createGroupAs<Json>(apiCaller(server.url), tokens[as], { name: uniqueName('HTTP group'), ...extra });
const rowCount = (groupId: string) =>
  server.db.prepare('SELECT COUNT(*) FROM group_members WHERE group_id = ?').pluck().get(groupId) as number;
const memberCount = (groupId: string) =>
  server.db.prepare('SELECT member_count FROM groups WHERE id = ?').pluck().get(groupId) as number;
const someUsers = (count: number, offset = 100): string[] =>
  server.db
    .prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id LIMIT ? OFFSET ?")
    .pluck()
    .all(count, offset) as string[];

describe('search', () => {
  it('finds by name and pages with q64 URIs that repeat the search', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 2,
      query: [{ type: 'MATCH_ALL' }],
      sortBy: 'name',
    });
    expect(r.status).toBe(200);
    expect(r.body.types).toEqual(['groups']);
    expect(r.body.results).toHaveLength(2);
    expect(r.body.previousPage).toBeUndefined();
    expect(r.body.nextPage).toMatch(/^\/api\/v2\/groups\/search\?q64=/);
    const next = await api('GET', r.body.nextPage);
    expect(next.status).toBe(200);
    expect(next.body.pageNumber).toBe(2);
    expect(next.body.previousPage).toBeDefined();
    expect(next.body.results[0].name.toLowerCase() >= r.body.results[1].name.toLowerCase()).toBe(true);
    expect(next.body.total).toBe(r.body.total);
    const q64 = decodeURIComponent(r.body.currentPage.split('q64=')[1]);
    expect(decodeQ64(q64)).toMatchObject({ pageSize: 2, pageNumber: 1 });
  });

  it('EXACT finds a demo group by name ignoring case, like Terraform does', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.social.name.toUpperCase() }],
    });
    expect(r.body.total).toBe(1);
    expect(r.body.results[0].id).toBe(DEMO_GROUPS.social.id);
    expect(r.body.nextPage).toBeUndefined();
  });

  it('never leaks invisible groups: totals and results differ by caller', async () => {
    const body = {
      pageSize: 100,
      query: [
        {
          type: 'TERMS',
          fields: ['id'],
          values: [DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.membersOnlyWithoutSupervisor.id, DEMO_GROUPS.social.id],
        },
      ],
    };
    const admin = await api('POST', '/api/v2/groups/search', 'admin', body);
    const sup = await api('POST', '/api/v2/groups/search', 'supervisor', body);
    const viewer = await api('POST', '/api/v2/groups/search', 'viewer', body);
    expect(admin.body.total).toBe(3);
    expect(sup.body.total).toBe(1);
    expect(sup.body.results.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.social.id]);
    expect(viewer.body.total).toBe(1);
    const owner = await api('POST', '/api/v2/groups/search', 'owner', body);
    expect(owner.body.results.map((g: Json) => g.id).sort()).toEqual(
      [DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.social.id].sort(),
    );
  });

  it('ranges on memberCount, NOT, nesting and owners.id', async () => {
    const big = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['memberCount'], startValue: '1500' }],
    });
    expect(big.body.results.map((g: Json) => g.id)).toContain(DEMO_GROUPS.allStaff.id);
    expect(big.body.results.every((g: Json) => g.memberCount >= 1500)).toBe(true);
    const owned = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 100,
      query: [{ type: 'EXACT', fields: ['owners.id'], value: PERSONAS.owner.id }],
    });
    expect(owned.body.total).toBeGreaterThan(0);
    expect(owned.body.results.every((g: Json) => g.owners.some((o: Json) => o.id === PERSONAS.owner.id))).toBe(true);
    const all = await api('POST', '/api/v2/groups/search', 'admin', { pageSize: 1 });
    const social = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 1,
      query: [{ type: 'EXACT', fields: ['type'], value: 'social' }],
    });
    const notSocial = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 1,
      query: [{ type: 'EXACT', fields: ['type'], value: 'social', operator: 'NOT' }],
    });
    expect(social.body.total + notSocial.body.total).toBe(all.body.total);
    const nested = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [
        {
          type: 'MATCH_ALL',
          group: [
            { type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.social.id, operator: 'OR' },
            { type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.small.id, operator: 'OR' },
          ],
        },
      ],
    });
    expect(nested.body.total).toBe(2);
  });

  it('treats LIKE and SQL metacharacters literally', async () => {
    const g = await createGroup({ name: uniqueName("50%_off \\ o'brien") });
    const hit = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'CONTAINS', fields: ['name'], value: "50%_off \\ o'brien" }],
    });
    expect(hit.body.results.map((x: Json) => x.id)).toEqual([g.id]);
    const pct = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 100,
      query: [{ type: 'CONTAINS', fields: ['name'], value: '%' }],
    });
    expect(pct.body.results.every((x: Json) => x.name.includes('%'))).toBe(true);
  });

  it('answers 400 for bad requests', async () => {
    const unknown = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['colour'], value: 'x' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].fieldName).toBe('query[0].fields[0]');
    expect((await api('POST', '/api/v2/groups/search', 'admin', { pageSize: 100, pageNumber: 101 })).status).toBe(400);
    expect(
      (
        await api('POST', '/api/v2/groups/search', 'admin', {
          query: [{ type: 'REGEX', fields: ['name'], value: '(a+)+' }],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('POST', '/api/v2/groups/search', 'admin', {
          query: [{ type: 'REGEX', fields: ['name'], value: '[' }],
        })
      ).status,
    ).toBe(400);
    expect((await api('POST', '/api/v2/groups/search', 'admin', { sortBy: 'colour' })).status).toBe(400);
    const badQ64 = await api('GET', '/api/v2/groups/search?q64=not-base64!!');
    expect(badQ64.status).toBe(400);
    expect(badQ64.body.code).toBe('bad.request');
    const wrongShape = await api(
      'GET',
      `/api/v2/groups/search?q64=${encodeQ64({ query: [{ type: 'EXACT', fields: 'name', value: 1 }] })}`,
    );
    expect(wrongShape.status).toBe(400);
  });

  it('REGEX matches the whole value', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'REGEX', fields: ['name'], value: 'lunchtime running .*' }],
    });
    expect(r.body.results.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.social.id]);
  });
});

describe('visibility of reads', () => {
  it('answers 404 for an invisible group on get, members, profile and writes; lists omit it', async () => {
    const id = DEMO_GROUPS.membersOnlyWithoutSupervisor.id;
    for (const path of [
      `/api/v2/groups/${id}`,
      `/api/v2/groups/${id}/members`,
      `/api/v2/groups/${id}/individuals`,
      `/api/v2/groups/${id}/profile`,
    ]) {
      expect((await api('GET', path, 'supervisor')).status, path).toBe(404);
    }
    expect((await api('PUT', `/api/v2/groups/${id}`, 'supervisor', { version: 1, name: 'x' })).status).toBe(404);
    expect(
      (await api('POST', `/api/v2/groups/${id}/members`, 'supervisor', { memberIds: [PERSONAS.supervisor.id] })).status,
    ).toBe(404);
    const list = await api('GET', `/api/v2/groups?id=${id},${DEMO_GROUPS.membersOnlyWithSupervisor.id}`, 'supervisor');
    expect(list.body.entities.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.membersOnlyWithSupervisor.id]);
    expect(list.body.total).toBe(1);
    expect((await api('GET', `/api/v2/groups/${id}`, 'admin')).status).toBe(200);
  });
});

describe('versions', () => {
  it('20 concurrent PUTs with the same version: exactly one succeeds, the rest 409', async () => {
    const g = await createGroup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('PUT', `/api/v2/groups/${g.id}`, 'admin', { version: 1, description: `d${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const conflicts = results.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0]!.body.code).toBe('conflict');
    expect(conflicts[0]!.body.messageParams).toEqual({ supplied: '1', current: '2' });
    expect((await api('GET', `/api/v2/groups/${g.id}`)).body.version).toBe(2);
  });

  it('PUT without version is 400; a different type is 400; a duplicate name is 400', async () => {
    const a = await createGroup();
    const b = await createGroup();
    expect((await api('PUT', `/api/v2/groups/${a.id}`, 'admin', { name: 'x' })).status).toBe(400);
    const type = await api('PUT', `/api/v2/groups/${a.id}`, 'admin', { version: 1, type: 'social' });
    expect(type.status).toBe(400);
    const dup = await api('PUT', `/api/v2/groups/${a.id}`, 'admin', { version: 1, name: b.name.toUpperCase() });
    expect(dup.status).toBe(400);
    expect(dup.body.details[0].fieldName).toBe('name');
    expect(
      (
        await api('POST', '/api/v2/groups', 'admin', {
          name: ` ${b.name} `,
          type: 'social',
          visibility: 'public',
          rulesVisible: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('POST', '/api/v2/groups', 'admin', {
          name: 'x'.repeat(257),
          type: 'social',
          visibility: 'public',
          rulesVisible: true,
        })
      ).status,
    ).toBe(400);
  });

  it('validates addresses', async () => {
    const bad = await api('POST', '/api/v2/groups', 'admin', {
      name: uniqueName('Phones'),
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
      addresses: [{ address: 'call me', type: 'GROUPRING', mediaType: 'PHONE' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].fieldName).toBe('addresses[0].address');
    const ok = await createGroup({
      addresses: [{ address: '+1 (317) 555-0100', type: 'GROUPPHONE', mediaType: 'PHONE' }],
    });
    expect(ok.addresses[0]).toMatchObject({ address: '+1 (317) 555-0100', display: '+1 (317) 555-0100' });
  });
});

describe('members', () => {
  it('adds and removes with 202 {}, bumping the version only on change, keeping memberCount', async () => {
    const g = await createGroup();
    const ids = someUsers(3);
    const add = await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', { memberIds: ids, version: 1 });
    expect(add.status).toBe(202);
    expect(add.body).toEqual({});
    let cur = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(cur).toMatchObject({ version: 2, memberCount: 3 });
    expect((await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', { memberIds: ids })).status).toBe(202);
    expect((await api('GET', `/api/v2/groups/${g.id}`)).body.version).toBe(2);
    const stale = await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', {
      memberIds: someUsers(1, 300),
      version: 1,
    });
    expect(stale.status).toBe(409);
    const rm = await api('DELETE', `/api/v2/groups/${g.id}/members?ids=${ids[0]},${ids[1]}`, 'admin');
    expect(rm.status).toBe(202);
    cur = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(cur).toMatchObject({ version: 3, memberCount: 1 });
    expect(rowCount(g.id)).toBe(1);
    const ind = await api('GET', `/api/v2/groups/${g.id}/individuals`);
    expect(ind.body.entities.map((u: Json) => u.id)).toEqual([ids[2]]);
  });

  it('refuses > 50 ids, unknown users, and non-owners without edit', async () => {
    const g = await createGroup();
    const many = await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', { memberIds: someUsers(51) });
    expect(many.status).toBe(400);
    const unknown = await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', {
      memberIds: [someUsers(1)[0], 'no-such-user'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('no-such-user');
    expect((await api('DELETE', `/api/v2/groups/${g.id}/members?ids=no-such-user`, 'admin')).status).toBe(400);
    const forbidden = await api('POST', `/api/v2/groups/${g.id}/members`, 'supervisor', { memberIds: someUsers(1) });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('missing.any.permissions');
    expect((await api('POST', `/api/v2/groups/${g.id}/members`, 'editor', { memberIds: someUsers(1) })).status).toBe(
      202,
    );
  });

  it('lets an owner manage members and keeps owner rows with includeOwners', async () => {
    const g = await createGroup({ ownerIds: [PERSONAS.supervisor.id] });
    expect(g.memberCount).toBe(0);
    expect(g.owners.map((o: Json) => o.id)).toEqual([PERSONAS.supervisor.id]);
    expect(
      (await api('POST', `/api/v2/groups/${g.id}/members`, 'supervisor', { memberIds: someUsers(2) })).status,
    ).toBe(202);
    const on = await api('PUT', `/api/v2/groups/${g.id}`, 'supervisor', { version: 2, includeOwners: true });
    expect(on.status).toBe(200);
    expect(on.body.memberCount).toBe(3);
    const flags = server.db
      .prepare('SELECT is_owner FROM group_members WHERE group_id = ? AND user_id = ?')
      .pluck()
      .get(g.id, PERSONAS.supervisor.id);
    expect(flags).toBe(1);
    const off = await api('PUT', `/api/v2/groups/${g.id}`, 'admin', {
      version: 3,
      includeOwners: false,
      ownerIds: [PERSONAS.owner.id],
    });
    expect(off.body.memberCount).toBe(2);
    expect(memberCount(g.id)).toBe(rowCount(g.id));
    // The supervisor no longer owns it: 403 on edit.
    expect((await api('PUT', `/api/v2/groups/${g.id}`, 'supervisor', { version: 4, description: 'x' })).status).toBe(
      403,
    );
  });

  it('enforces 100 groups of a type per user', async () => {
    const user = someUsers(1, 1500)[0]!;
    const ins = server.db.prepare(
      "INSERT INTO groups (id, name, sort_name, type, visibility, date_modified) VALUES (?, ?, ?, 'social', 'public', '2024-01-01T00:00:00.000Z')",
    );
    const mem = server.db.prepare(
      "INSERT INTO group_members (group_id, user_id, sort_name, is_individual) VALUES (?, ?, 'x', 1)",
    );
    server.db.transaction(() => {
      const already = server.db
        .prepare(
          "SELECT COUNT(*) FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE gm.user_id = ? AND g.type = 'social'",
        )
        .pluck()
        .get(user) as number;
      for (let i = already; i < 100; i++) {
        ins.run(`limit-${i}`, `Limit ${i}`, `limit ${i}`);
        mem.run(`limit-${i}`, user);
      }
    })();
    const social = await createGroup({ type: 'social' });
    const r = await api('POST', `/api/v2/groups/${social.id}/members`, 'admin', { memberIds: [user] });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(user);
    const official = await createGroup();
    expect((await api('POST', `/api/v2/groups/${official.id}/members`, 'admin', { memberIds: [user] })).status).toBe(
      202,
    );
  });

  it('pages members with listing URIs; validates paging and expand', async () => {
    const id = DEMO_GROUPS.allStaff.id;
    const p2 = await api('GET', `/api/v2/groups/${id}/members?pageSize=25&pageNumber=2&sortOrder=asc&expand=presence`);
    expect(p2.status).toBe(200);
    expect(p2.body.entities).toHaveLength(25);
    expect(p2.body.selfUri).toBe(`/api/v2/groups/${id}/members?pageSize=25&pageNumber=2&sortOrder=ASC&expand=presence`);
    expect(p2.body.previousUri).toContain('pageNumber=1');
    expect(p2.body.nextUri).toContain('pageNumber=3');
    expect(p2.body.total).toBe(memberCount(id));
    const names = p2.body.entities.map((u: Json) => u.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
    expect((await api('GET', `/api/v2/groups/${id}/members?pageSize=501`)).status).toBe(400);
    const badExpand = await api('GET', `/api/v2/groups/${id}/members?expand=presence,shoeSize`);
    expect(badExpand.status).toBe(400);
    const far = await api('GET', `/api/v2/groups/${id}/members?pageNumber=99999999`);
    expect(far.status).toBe(200);
    expect(far.body.entities).toEqual([]);
    expect(far.body.nextUri).toBeUndefined();
    const desc = await api('GET', `/api/v2/groups/${id}/members?pageSize=5&sortOrder=DESCENDING`);
    const descNames = desc.body.entities.map((u: Json) => u.name.toLowerCase());
    expect([...descNames].sort().reverse()).toEqual(descNames);
  });
});

describe('dynamic settings', () => {
  const query = {
    skillConditions: [
      {
        operation: 'And',
        routingSkillConditions: [],
        languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
      },
    ],
  };

  it('PUT materialises rule members, GET returns it, preview counts, DELETE removes them', async () => {
    const g = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const preview = await api('POST', '/api/v2/groups/dynamicsettings/preview', 'admin', query);
    expect(preview.status).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);
    expect((await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin', query)).status).toBe(204);
    const after = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(after.version).toBe(2);
    expect(after.memberCount).toBe(preview.body.userCount);
    expect(rowCount(g.id)).toBe(after.memberCount);
    const def = await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`, 'owner');
    expect(def.status).toBe(200);
    expect(def.body.query).toEqual(query);
    expect(def.body.group.id).toBe(g.id);
    expect((await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`, 'supervisor')).status).toBe(403);
    expect((await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'owner', query)).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'editor')).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin')).status).toBe(204);
    const gone = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(gone).toMatchObject({ memberCount: 0, version: 3 });
    expect((await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`)).status).toBe(404);
  });

  it('keeps individuals who also match the rule when the rule goes', async () => {
    const g = await createGroup();
    const match = server.db
      .prepare(
        "SELECT user_id FROM user_skills WHERE kind = 'language' AND skill_name = 'Spanish' AND proficiency >= 3 LIMIT 1",
      )
      .pluck()
      .get() as string;
    await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', { memberIds: [match] });
    await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin', query);
    await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin');
    expect((await api('GET', `/api/v2/groups/${g.id}`)).body.memberCount).toBe(1);
  });

  it('validates the query', async () => {
    const bad = await api('POST', '/api/v2/groups/dynamicsettings/preview', 'admin', {
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'x', comparator: 'EqualTo', proficiency: 9 }],
          languageSkillConditions: [],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await api('POST', '/api/v2/groups/dynamicsettings/preview', 'supervisor', query)).status).toBe(403);
  });
});

describe('delete, profiles, field config', () => {
  it('deletes with 204; the group is gone from gets, lists and searches', async () => {
    const g = await createGroup();
    expect((await api('DELETE', `/api/v2/groups/${g.id}`, 'editor')).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}`, 'admin')).status).toBe(204);
    expect((await api('GET', `/api/v2/groups/${g.id}`)).status).toBe(404);
    expect(
      (await api('POST', '/api/v2/groups/search', 'admin', { query: [{ type: 'EXACT', fields: ['id'], value: g.id }] }))
        .body.total,
    ).toBe(0);
    expect((await api('GET', `/api/v2/groups?id=${g.id}`)).body.total).toBe(0);
  });

  it('profiles and field configs', async () => {
    const p = await api('GET', `/api/v2/groups/${DEMO_GROUPS.social.id}/profile?fields=name`);
    expect(Object.keys(p.body).sort()).toEqual(['id', 'name', 'selfUri', 'version']);
    const list = await api('GET', '/api/v2/profiles/groups?pageSize=3&pageNumber=2');
    expect(list.body.entities).toHaveLength(3);
    expect(list.body.selfUri).toBe('/api/v2/profiles/groups?pageSize=3&pageNumber=2&sortOrder=ASC');
    const fc = await api('GET', '/api/v2/fieldconfig?type=group');
    expect(fc.body.entityType).toBe('group');
    expect(typeof fc.body.version).toBe('string');
    expect(fc.body.sections.find((s: Json) => s.key === 'contactInfo').fieldList.map((f: Json) => f.key)).toContain(
      'groupEmail',
    );
    expect((await api('GET', '/api/v2/fieldconfig?type=planet')).status).toBe(400);
  });
});
