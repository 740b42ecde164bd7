/**
 * Every mutating endpoint writes exactly its audit records (docs/audit.md), in the same transaction as
 * the change; rejected and failed changes write none.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowToMessage, type AuditRow } from '../../src/domain/audit/record.js';
import type { AuditLogMessage } from '../../src/domain/audit/types.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { createGroup as createGroupAs } from '../support/groups.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let call: ApiCall;
let admin: string;
let mark = 0;
/** Active users without the Spanish skill (so rules never pick them), by name. */
let plainUsers: Array<{ id: string; name: string }>;
/** Active users the Spanish ≥ 3 rule selects. */
let spanishIds: string[];

const SPANISH = {
  skillConditions: [
    {
      operation: 'Or',
      routingSkillConditions: [],
      languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
    },
  ],
};

beforeAll(async () => {
  server = await startServer({ seed: 'demo' });
  call = apiCaller(server.url);
  admin = server.tokenFor('admin');
  const personaIds = Object.values(PERSONAS).map((p) => p.id);
  plainUsers = server.db
    .prepare(
      `SELECT id, name FROM users WHERE state = 'active' AND id NOT IN (SELECT user_id FROM user_skills WHERE skill_name = 'Spanish')
       AND id NOT IN (${personaIds.map(() => '?').join(', ')}) ORDER BY id LIMIT 6`,
    )
    .all(...personaIds) as Array<{ id: string; name: string }>;
  spanishIds = server.db
    .prepare(
      `SELECT u.id FROM users u JOIN user_skills s ON s.user_id = u.id
       WHERE u.state = 'active' AND s.kind = 'language' AND s.skill_name = 'Spanish' AND s.proficiency >= 3 ORDER BY u.id`,
    )
    .pluck()
    .all() as string[];
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  mark = server.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audits').pluck().get() as number;
});

/** The records written since the test began, oldest first, as the API answers them (expand=user). */
const written = (): AuditLogMessage[] =>
  (
    server.db
      .prepare('SELECT id, event_time, service, entity_type, action, body_json FROM audits WHERE seq > ? ORDER BY seq')
      .all(mark) as AuditRow[]
  ).map((row) => rowToMessage(row));

const names = (ids: string[]) =>
  ids.map((id) => server.db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(id) as string);

const userEntry = (id: string, oldValues: string[], newValues: string[]) => ({
  entityId: id,
  entityName: names([id])[0],
  entityType: 'User',
  oldValues,
  newValues,
});

const byEntityName = <T extends { entityName?: string; entityId: string }>(list: T[]) =>
  [...list].sort(
    (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
  );

const createGroup = (body: Record<string, unknown>, headers?: Record<string, string>) =>
  createGroupAs<{ id: string; version: number; name: string }>(call, admin, body, headers);

describe('group created', () => {
  it('writes Create with every set property and the owners, then MemberAdd for included owners', async () => {
    const [a, b] = plainUsers;
    const group = await createGroup(
      { name: 'Audit created', description: 'Made for the audit', includeOwners: true, ownerIds: [b!.id, a!.id] },
      { 'X-Restored-From-Group': 'a1b2c3d4-0000-4000-8000-000000000000' },
    );
    const records = written();
    expect(records.map((r) => r.action)).toEqual(['Create', 'MemberAdd']);
    const [create, memberAdd] = records;
    const ownerIds = [a!.id, b!.id].sort();
    expect(create).toMatchObject({
      serviceName: 'Directory',
      entityType: 'Group',
      entity: { id: group.id, name: 'Audit created', selfUri: `/api/v2/groups/${group.id}` },
      user: { id: PERSONAS.admin.id, name: PERSONAS.admin.name },
      remoteIp: ['127.0.0.1'],
      level: 'USER',
      status: 'SUCCESS',
      context: { operation: 'createGroup', version: '1', restoredFromGroupId: 'a1b2c3d4-0000-4000-8000-000000000000' },
    });
    expect(create!.client?.id).toBeTruthy();
    expect(create!.propertyChanges).toEqual([
      { property: 'name', oldValues: [], newValues: ['Audit created'] },
      { property: 'description', oldValues: [], newValues: ['Made for the audit'] },
      { property: 'type', oldValues: [], newValues: ['official'] },
      { property: 'visibility', oldValues: [], newValues: ['public'] },
      { property: 'state', oldValues: [], newValues: ['active'] },
      { property: 'rulesVisible', oldValues: [], newValues: ['true'] },
      { property: 'rolesEnabled', oldValues: [], newValues: ['false'] },
      { property: 'includeOwners', oldValues: [], newValues: ['true'] },
      { property: 'callsEnabled', oldValues: [], newValues: ['false'] },
      { property: 'ownerIds', oldValues: [], newValues: ownerIds },
    ]);
    expect(byEntityName(create!.entityChanges)).toEqual(
      byEntityName(ownerIds.map((id) => userEntry(id, [], ['owner']))),
    );
    expect(memberAdd!.entityChanges).toEqual(byEntityName(ownerIds.map((id) => userEntry(id, [], ['owner']))));
    expect(memberAdd!.eventDate).toBe(create!.eventDate);
  });

  it('writes only Create for a group without owners, and no restore context without the header', async () => {
    await createGroup({ name: 'Audit bare' });
    const records = written();
    expect(records.map((r) => r.action)).toEqual(['Create']);
    expect(records[0]!.context).toEqual({ operation: 'createGroup', version: '1' });
    expect(records[0]!.entityChanges).toEqual([]);
  });

  it('names the OAuth client and no user for a client-credentials token', async () => {
    const res = await call('createGroup', {
      token: server.clientToken('demo-admin'),
      body: { name: 'Audit by a service', type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(res.status, res.text).toBe(200);
    const [record] = written();
    expect(record!.user).toBeUndefined();
    expect(record!.client).toEqual({ id: 'demo-admin' });
  });
});

describe('group updated', () => {
  it('writes Update with each changed property (old and new) and owner changes, and the revert context', async () => {
    const [a, b, c] = plainUsers;
    const group = await createGroup({ name: 'Audit update', ownerIds: [a!.id, b!.id], email: 'old@example.com' });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const res = await call('updateGroup', {
      token: admin,
      params: { groupId: group.id },
      body: {
        version: 1,
        name: 'Audit updated',
        email: 'new@example.com',
        rulesVisible: false,
        ownerIds: [b!.id, c!.id],
      },
      headers: { 'X-Reverts-Audit': 'f00dfeed-0000-4000-8000-000000000000' },
    });
    expect(res.status, res.text).toBe(200);
    const records = written();
    expect(records.map((r) => r.action)).toEqual(['Update']);
    expect(records[0]).toMatchObject({
      entity: { id: group.id, name: 'Audit updated' },
      context: { operation: 'updateGroup', version: '2', revertsAuditId: 'f00dfeed-0000-4000-8000-000000000000' },
    });
    expect(records[0]!.propertyChanges).toEqual([
      { property: 'name', oldValues: ['Audit update'], newValues: ['Audit updated'] },
      { property: 'rulesVisible', oldValues: ['true'], newValues: ['false'] },
      { property: 'email', oldValues: ['old@example.com'], newValues: ['new@example.com'] },
      { property: 'ownerIds', oldValues: [a!.id, b!.id].sort(), newValues: [b!.id, c!.id].sort() },
    ]);
    expect(records[0]!.entityChanges).toEqual([userEntry(c!.id, [], ['owner']), userEntry(a!.id, ['owner'], [])]);
  });

  it('records owners joining and leaving the member list when includeOwners toggles', async () => {
    const [a] = plainUsers;
    const group = await createGroup({ name: 'Audit include owners', ownerIds: [a!.id] });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await call('updateGroup', {
      token: admin,
      params: { groupId: group.id },
      body: { version: 1, includeOwners: true },
    });
    await call('updateGroup', {
      token: admin,
      params: { groupId: group.id },
      body: { version: 2, includeOwners: false },
    });
    const records = written();
    expect(records.map((r) => r.action)).toEqual(['Update', 'MemberAdd', 'Update', 'MemberRemove']);
    expect(records[1]!.entityChanges).toEqual([userEntry(a!.id, [], ['owner'])]);
    expect(records[3]!.entityChanges).toEqual([userEntry(a!.id, ['owner'], [])]);
  });

  it('writes an Update without property changes for an update that changes nothing', async () => {
    const group = await createGroup({ name: 'Audit same' });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await call('updateGroup', {
      token: admin,
      params: { groupId: group.id },
      body: { version: 1, name: 'Audit same' },
    });
    const records = written();
    expect(records.map((r) => [r.action, r.propertyChanges.length, r.context.version])).toEqual([['Update', 0, '2']]);
  });
});

describe('members', () => {
  it('writes MemberAdd for users added by hand and MemberRemove for users removed', async () => {
    const [a, b, c] = plainUsers;
    const group = await createGroup({ name: 'Audit members' });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const add = await call('addGroupMembers', {
      token: admin,
      params: { groupId: group.id },
      body: { memberIds: [a!.id, b!.id, c!.id] },
    });
    expect(add.status, add.text).toBe(202);
    // Adding an existing individual again changes nothing and records nothing.
    await call('addGroupMembers', { token: admin, params: { groupId: group.id }, body: { memberIds: [a!.id] } });
    const remove = await call('removeGroupMembers', {
      token: admin,
      params: { groupId: group.id },
      query: { ids: [b!.id, c!.id].join(',') },
    });
    expect(remove.status, remove.text).toBe(202);
    const records = written();
    expect(records.map((r) => [r.action, r.context.operation, r.context.version])).toEqual([
      ['MemberAdd', 'addGroupMembers', '2'],
      ['MemberRemove', 'removeGroupMembers', '3'],
    ]);
    expect(records[0]!.entityChanges).toEqual(
      byEntityName([a!, b!, c!].map((u) => userEntry(u.id, [], ['individual']))),
    );
    expect(records[1]!.entityChanges).toEqual(byEntityName([b!, c!].map((u) => userEntry(u.id, ['individual'], []))));
    expect(records[0]!.propertyChanges).toEqual([]);
  });
});

describe('dynamic settings', () => {
  it('writes Update of dynamicSettings and MemberAdd/MemberRemove for the users the rules bring and take', async () => {
    const [a] = plainUsers;
    const group = await createGroup({ name: 'Audit rules' });
    await call('addGroupMembers', {
      token: admin,
      params: { groupId: group.id },
      body: { memberIds: [a!.id, spanishIds[0]!] },
    });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;

    const set = await call('updateGroupDynamicSettings', {
      token: admin,
      params: { groupId: group.id },
      body: SPANISH,
    });
    expect(set.status, set.text).toBe(204);
    const setRecords = written();
    expect(setRecords.map((r) => r.action)).toEqual(['Update', 'MemberAdd']);
    const stored = server.db
      .prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?')
      .pluck()
      .get(group.id);
    expect(setRecords[0]!.propertyChanges).toEqual([
      { property: 'dynamicSettings', oldValues: [], newValues: [stored] },
    ]);
    expect(setRecords[0]!.context).toEqual({ operation: 'updateGroupDynamicSettings', version: '3' });
    // Everyone the rule selects except the one already there by hand.
    expect(setRecords[1]!.entityChanges.map((e) => e.entityId).sort()).toEqual(spanishIds.slice(1));
    expect(setRecords[1]!.entityChanges.every((e) => e.oldValues.length === 0 && e.newValues.join() === 'rule')).toBe(
      true,
    );

    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const removed = await call('deleteGroupDynamicSettings', { token: admin, params: { groupId: group.id } });
    expect(removed.status, removed.text).toBe(204);
    const removeRecords = written();
    expect(removeRecords.map((r) => r.action)).toEqual(['Update', 'MemberRemove']);
    expect(removeRecords[0]!.propertyChanges).toEqual([
      { property: 'dynamicSettings', oldValues: [stored], newValues: [] },
    ]);
    expect(removeRecords[1]!.entityChanges.map((e) => e.entityId).sort()).toEqual(spanishIds.slice(1));

    // Removing settings the group no longer has changes nothing and records nothing.
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await call('deleteGroupDynamicSettings', { token: admin, params: { groupId: group.id } });
    expect(written()).toEqual([]);
  });
});

describe('group deleted', () => {
  it('writes MemberRemove for every member, then Delete with the full snapshot', async () => {
    const [a, b, c] = plainUsers;
    const group = await createGroup({
      name: 'Audit deleted',
      description: 'Gone soon',
      includeOwners: true,
      ownerIds: [a!.id],
      addresses: [{ address: '+13175550100', mediaType: 'PHONE', type: 'GROUPRING' }],
    });
    await call('addGroupMembers', { token: admin, params: { groupId: group.id }, body: { memberIds: [b!.id, c!.id] } });
    await call('updateGroupDynamicSettings', { token: admin, params: { groupId: group.id }, body: SPANISH });
    const stored = server.db
      .prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?')
      .pluck()
      .get(group.id);
    const addresses = (
      server.db.prepare('SELECT addresses_json FROM groups WHERE id = ?').pluck().get(group.id) as string
    ).length;
    expect(addresses).toBeGreaterThan(2);
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;

    const res = await call('deleteGroup', { token: admin, params: { groupId: group.id } });
    expect(res.status, res.text).toBe(204);
    const records = written();
    expect(records.map((r) => r.action)).toEqual(['MemberRemove', 'Delete']);
    const [memberRemove, del] = records;
    expect(memberRemove!.entityChanges).toHaveLength(3 + spanishIds.length);
    expect(memberRemove!.entityChanges.find((e) => e.entityId === a!.id)).toMatchObject({
      oldValues: ['owner'],
      newValues: [],
    });
    expect(memberRemove!.entityChanges.find((e) => e.entityId === b!.id)).toMatchObject({ oldValues: ['individual'] });
    expect(del).toMatchObject({
      entity: { id: group.id, name: 'Audit deleted' },
      context: { operation: 'deleteGroup', version: '3' },
    });
    const props = Object.fromEntries(del!.propertyChanges.map((p) => [p.property, p]));
    expect(Object.keys(props)).toEqual([
      'name',
      'description',
      'type',
      'visibility',
      'state',
      'rulesVisible',
      'rolesEnabled',
      'includeOwners',
      'callsEnabled',
      'addresses',
      'ownerIds',
      'dynamicSettings',
    ]);
    expect(del!.propertyChanges.every((p) => p.newValues.length === 0)).toBe(true);
    expect(props.description!.oldValues).toEqual(['Gone soon']);
    expect(props.includeOwners!.oldValues).toEqual(['true']);
    expect(props.ownerIds!.oldValues).toEqual([a!.id]);
    expect(props.dynamicSettings!.oldValues).toEqual([stored]);
    expect(JSON.parse(props.addresses!.oldValues[0]!)).toMatchObject({ address: '+13175550100', mediaType: 'PHONE' });
    expect(del!.entityChanges).toEqual([
      userEntry(a!.id, ['owner'], []),
      ...[b!.id, c!.id].sort().map((id) => userEntry(id, ['individual'], [])),
    ]);
  });
});

describe('rejected and failed changes write nothing', () => {
  it('writes no record for 400, 403, 404 and 409 answers', async () => {
    const group = await createGroup({ name: 'Audit rejections' });
    mark = server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const supervisor = server.tokenFor('supervisor');
    const rejected = [
      await call('createGroup', { token: admin, body: { name: '', type: 'official', visibility: 'public' } }),
      await call('createGroup', { token: supervisor, body: { name: 'Nope', type: 'official', visibility: 'public' } }),
      await call('updateGroup', { token: admin, params: { groupId: group.id }, body: { version: 7, name: 'Late' } }),
      await call('updateGroup', { token: admin, params: { groupId: group.id }, body: { version: 1, type: 'social' } }),
      await call('deleteGroup', { token: supervisor, params: { groupId: DEMO_GROUPS.small.id } }),
      await call('deleteGroup', { token: admin, params: { groupId: 'no-such-group' } }),
      await call('addGroupMembers', {
        token: admin,
        params: { groupId: group.id },
        body: { memberIds: ['no-such-user'] },
      }),
      await call('addGroupMembers', {
        token: admin,
        params: { groupId: group.id },
        body: { memberIds: [plainUsers[0]!.id], version: 9 },
      }),
      await call('removeGroupMembers', {
        token: supervisor,
        params: { groupId: DEMO_GROUPS.small.id },
        query: { ids: plainUsers[0]!.id },
      }),
      await call('updateGroupDynamicSettings', {
        token: admin,
        params: { groupId: group.id },
        body: { skillConditions: 'x' },
      }),
      await call('deleteGroupDynamicSettings', { token: supervisor, params: { groupId: DEMO_GROUPS.dynamic.id } }),
    ];
    for (const res of rejected) expect(res.status, res.request).toBeGreaterThanOrEqual(400);
    expectErrorBody(rejected[2]!, 409, 'conflict');
    expect(written()).toEqual([]);
  });

  it('rolls the change back when its record cannot be written', async () => {
    server.db.exec(
      `CREATE TEMP TRIGGER audit_refuse BEFORE INSERT ON main.audits BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END`,
    );
    try {
      const res = await call('createGroup', {
        token: admin,
        body: { name: 'Audit never stored', type: 'official', visibility: 'public', rulesVisible: true },
        validate: false,
      });
      expect(res.status).toBe(500);
    } finally {
      server.db.exec('DROP TRIGGER temp.audit_refuse');
    }
    expect(server.db.prepare('SELECT COUNT(*) FROM groups WHERE name = ?').pluck().get('Audit never stored')).toBe(0);
    expect(written()).toEqual([]);
  });
});

describe('through the Audit API', () => {
  it('answers a group history newest first with the acting user', async () => {
    const group = await createGroup({ name: 'Audit history' });
    await call('updateGroup', {
      token: admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'Now described' },
    });
    const now = Date.now();
    const res = await call('queryAuditsRealtime', {
      token: admin,
      query: { expand: 'user' },
      body: {
        interval: `${new Date(now - 60_000).toISOString()}/${new Date(now + 60_000).toISOString()}`,
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: group.id }],
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entities.map((e: AuditLogMessage) => [e.action, e.user?.name])).toEqual([
      ['Update', PERSONAS.admin.name],
      ['Create', PERSONAS.admin.name],
    ]);
  });
});

describe('the member journal', () => {
  it('still records members after the first journaled change of a connection was rolled back', async () => {
    const fresh = await startServer({ seed: 'demo' });
    try {
      const { watchMembers } = await import('../../src/domain/audit/group-changes.js');
      expect(() =>
        fresh.db.transaction(() => {
          watchMembers(fresh.db, DEMO_GROUPS.small.id, () => undefined);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      const res = await apiCaller(fresh.url)('addGroupMembers', {
        token: fresh.tokenFor('admin'),
        params: { groupId: DEMO_GROUPS.small.id },
        body: { memberIds: [plainUsers[0]!.id] },
      });
      expect(res.status, res.text).toBe(202);
      const actions = fresh.db.prepare('SELECT action FROM audits ORDER BY seq DESC LIMIT 1').pluck().all();
      expect(actions).toEqual(['MemberAdd']);
    } finally {
      await fresh.close();
    }
  });
});
