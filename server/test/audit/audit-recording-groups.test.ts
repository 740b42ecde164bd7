/**
 * Creating, updating and deleting a group writes exactly its audit records (docs/audit.md), in the
 * same transaction as the change.
 */
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { auditSuite } from '../support/audit-suite.js';

const suite = auditSuite();

describe('group created', () => {
  it('writes Create with every set property and the owners, then MemberAdd for included owners', async () => {
    const [a, b] = suite.plainUsers;
    const group = await suite.createGroup(
      { name: 'Audit created', description: 'Made for the audit', includeOwners: true, ownerIds: [b!.id, a!.id] },
      { 'X-Restored-From-Group': 'a1b2c3d4-0000-4000-8000-000000000000' },
    );
    const records = suite.written();
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
    expect(suite.byEntityName(create!.entityChanges)).toEqual(
      suite.byEntityName(ownerIds.map((id) => suite.userEntry(id, [], ['owner']))),
    );
    expect(memberAdd!.entityChanges).toEqual(
      suite.byEntityName(ownerIds.map((id) => suite.userEntry(id, [], ['owner']))),
    );
    expect(memberAdd!.eventDate).toBe(create!.eventDate);
  });

  it('writes only Create for a group without owners, and no restore context without the header', async () => {
    await suite.createGroup({ name: 'Audit bare' });
    const records = suite.written();
    expect(records.map((r) => r.action)).toEqual(['Create']);
    expect(records[0]!.context).toEqual({ operation: 'createGroup', version: '1' });
    expect(records[0]!.entityChanges).toEqual([]);
  });

  it('names the OAuth client and no user for a client-credentials token', async () => {
    const res = await suite.call('createGroup', {
      token: suite.server.clientToken('demo-admin'),
      body: { name: 'Audit by a service', type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(res.status, res.text).toBe(200);
    const [record] = suite.written();
    expect(record!.user).toBeUndefined();
    expect(record!.client).toEqual({ id: 'demo-admin' });
  });
});

describe('group updated', () => {
  it('writes Update with each changed property (old and new) and owner changes, and the revert context', async () => {
    const [a, b, c] = suite.plainUsers;
    const group = await suite.createGroup({ name: 'Audit update', ownerIds: [a!.id, b!.id], email: 'old@example.com' });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const res = await suite.call('updateGroup', {
      token: suite.admin,
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
    const records = suite.written();
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
    expect(records[0]!.entityChanges).toEqual([
      suite.userEntry(c!.id, [], ['owner']),
      suite.userEntry(a!.id, ['owner'], []),
    ]);
  });

  it('records owners joining and leaving the member list when includeOwners toggles', async () => {
    const [a] = suite.plainUsers;
    const group = await suite.createGroup({ name: 'Audit include owners', ownerIds: [a!.id] });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await suite.call('updateGroup', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { version: 1, includeOwners: true },
    });
    await suite.call('updateGroup', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { version: 2, includeOwners: false },
    });
    const records = suite.written();
    expect(records.map((r) => r.action)).toEqual(['Update', 'MemberAdd', 'Update', 'MemberRemove']);
    expect(records[1]!.entityChanges).toEqual([suite.userEntry(a!.id, [], ['owner'])]);
    expect(records[3]!.entityChanges).toEqual([suite.userEntry(a!.id, ['owner'], [])]);
  });

  it('writes an Update without property changes for an update that changes nothing', async () => {
    const group = await suite.createGroup({ name: 'Audit same' });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await suite.call('updateGroup', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { version: 1, name: 'Audit same' },
    });
    const records = suite.written();
    expect(records.map((r) => [r.action, r.propertyChanges.length, r.context.version])).toEqual([['Update', 0, '2']]);
  });
});

describe('group deleted', () => {
  it('writes MemberRemove for every member, then Delete with the full snapshot', async () => {
    const [a, b, c] = suite.plainUsers;
    const group = await suite.createGroup({
      name: 'Audit deleted',
      description: 'Gone soon',
      includeOwners: true,
      ownerIds: [a!.id],
      addresses: [{ address: '+13175550100', mediaType: 'PHONE', type: 'GROUPRING' }],
    });
    await suite.call('addGroupMembers', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { memberIds: [b!.id, c!.id] },
    });
    await suite.call('updateGroupDynamicSettings', {
      token: suite.admin,
      params: { groupId: group.id },
      body: suite.SPANISH,
    });
    const stored = suite.server.db
      .prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?')
      .pluck()
      .get(group.id);
    const addresses = (
      suite.server.db.prepare('SELECT addresses_json FROM groups WHERE id = ?').pluck().get(group.id) as string
    ).length;
    expect(addresses).toBeGreaterThan(2);
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;

    const res = await suite.call('deleteGroup', { token: suite.admin, params: { groupId: group.id } });
    expect(res.status, res.text).toBe(204);
    const records = suite.written();
    expect(records.map((r) => r.action)).toEqual(['MemberRemove', 'Delete']);
    const [memberRemove, del] = records;
    expect(memberRemove!.entityChanges).toHaveLength(3 + suite.spanishIds.length);
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
      suite.userEntry(a!.id, ['owner'], []),
      ...[b!.id, c!.id].sort().map((id) => suite.userEntry(id, ['individual'], [])),
    ]);
  });
});
