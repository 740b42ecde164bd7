/**
 * The groups endpoints over HTTP on the demo org: versions (including concurrent conditional
 * updates), membership writes and their limits.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { uniqueName } from '../support/fixtures.js';
import { httpSuite, type Json } from '../support/http-suite.js';

const suite = httpSuite();
const { api, createGroup, rowCount, memberCount, someUsers } = suite;

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
    const flags = suite.server.db
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
    const ins = suite.server.db.prepare(
      "INSERT INTO groups (id, name, sort_name, type, visibility, date_modified) VALUES (?, ?, ?, 'social', 'public', '2024-01-01T00:00:00.000Z')",
    );
    const mem = suite.server.db.prepare(
      "INSERT INTO group_members (group_id, user_id, sort_name, is_individual) VALUES (?, ?, 'x', 1)",
    );
    suite.server.db.transaction(() => {
      const already = suite.server.db
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
