/**
 * Member and dynamic-settings changes write exactly their audit records (docs/audit.md), and the member
 * journal keeps recording after a rolled-back change.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS } from '../../src/db/seed/personas.js';
import { apiCaller } from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';
import { auditSuite } from '../support/audit-suite.js';

const suite = auditSuite();

describe('members', () => {
  it('writes MemberAdd for users added by hand and MemberRemove for users removed', async () => {
    const [a, b, c] = suite.plainUsers;
    const group = await suite.createGroup({ name: 'Audit members' });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const add = await suite.call('addGroupMembers', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { memberIds: [a!.id, b!.id, c!.id] },
    });
    expect(add.status, add.text).toBe(202);
    // Adding an existing individual again changes nothing and records nothing.
    await suite.call('addGroupMembers', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { memberIds: [a!.id] },
    });
    const remove = await suite.call('removeGroupMembers', {
      token: suite.admin,
      params: { groupId: group.id },
      query: { ids: [b!.id, c!.id].join(',') },
    });
    expect(remove.status, remove.text).toBe(202);
    const records = suite.written();
    expect(records.map((r) => [r.action, r.context.operation, r.context.version])).toEqual([
      ['MemberAdd', 'addGroupMembers', '2'],
      ['MemberRemove', 'removeGroupMembers', '3'],
    ]);
    expect(records[0]!.entityChanges).toEqual(
      suite.byEntityName([a!, b!, c!].map((u) => suite.userEntry(u.id, [], ['individual']))),
    );
    expect(records[1]!.entityChanges).toEqual(
      suite.byEntityName([b!, c!].map((u) => suite.userEntry(u.id, ['individual'], []))),
    );
    expect(records[0]!.propertyChanges).toEqual([]);
  });
});

describe('dynamic settings', () => {
  it('writes Update of dynamicSettings and MemberAdd/MemberRemove for the users the rules bring and take', async () => {
    const [a] = suite.plainUsers;
    const group = await suite.createGroup({ name: 'Audit rules' });
    await suite.call('addGroupMembers', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { memberIds: [a!.id, suite.spanishIds[0]!] },
    });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;

    const set = await suite.call('updateGroupDynamicSettings', {
      token: suite.admin,
      params: { groupId: group.id },
      body: suite.SPANISH,
    });
    expect(set.status, set.text).toBe(204);
    const setRecords = suite.written();
    expect(setRecords.map((r) => r.action)).toEqual(['Update', 'MemberAdd']);
    const stored = suite.server.db
      .prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?')
      .pluck()
      .get(group.id);
    expect(setRecords[0]!.propertyChanges).toEqual([
      { property: 'dynamicSettings', oldValues: [], newValues: [stored] },
    ]);
    expect(setRecords[0]!.context).toEqual({ operation: 'updateGroupDynamicSettings', version: '3' });
    // Everyone the rule selects except the one already there by hand.
    expect(setRecords[1]!.entityChanges.map((e) => e.entityId).sort()).toEqual(suite.spanishIds.slice(1));
    expect(setRecords[1]!.entityChanges.every((e) => e.oldValues.length === 0 && e.newValues.join() === 'rule')).toBe(
      true,
    );

    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const removed = await suite.call('deleteGroupDynamicSettings', {
      token: suite.admin,
      params: { groupId: group.id },
    });
    expect(removed.status, removed.text).toBe(204);
    const removeRecords = suite.written();
    expect(removeRecords.map((r) => r.action)).toEqual(['Update', 'MemberRemove']);
    expect(removeRecords[0]!.propertyChanges).toEqual([
      { property: 'dynamicSettings', oldValues: [stored], newValues: [] },
    ]);
    expect(removeRecords[1]!.entityChanges.map((e) => e.entityId).sort()).toEqual(suite.spanishIds.slice(1));

    // Removing settings the group no longer has changes nothing and records nothing.
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    await suite.call('deleteGroupDynamicSettings', { token: suite.admin, params: { groupId: group.id } });
    expect(suite.written()).toEqual([]);
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
        body: { memberIds: [suite.plainUsers[0]!.id] },
      });
      expect(res.status, res.text).toBe(202);
      const actions = fresh.db.prepare('SELECT action FROM audits ORDER BY seq DESC LIMIT 1').pluck().all();
      expect(actions).toEqual(['MemberAdd']);
    } finally {
      await fresh.close();
    }
  });
});
