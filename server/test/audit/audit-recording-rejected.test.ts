/**
 * Rejected and failed changes write no audit records (docs/audit.md); the records that are written
 * read back through the Audit API.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import type { AuditLogMessage } from '../../src/domain/audit/types.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import { auditSuite } from '../support/audit-suite.js';

const suite = auditSuite();

describe('rejected and failed changes write nothing', () => {
  it('writes no record for 400, 403, 404 and 409 answers', async () => {
    const group = await suite.createGroup({ name: 'Audit rejections' });
    suite.mark = suite.server.db.prepare('SELECT MAX(seq) FROM audits').pluck().get() as number;
    const supervisor = suite.server.tokenFor('supervisor');
    const rejected = [
      await suite.call('createGroup', {
        token: suite.admin,
        body: { name: '', type: 'official', visibility: 'public' },
      }),
      await suite.call('createGroup', {
        token: supervisor,
        body: { name: 'Nope', type: 'official', visibility: 'public' },
      }),
      await suite.call('updateGroup', {
        token: suite.admin,
        params: { groupId: group.id },
        body: { version: 7, name: 'Late' },
      }),
      await suite.call('updateGroup', {
        token: suite.admin,
        params: { groupId: group.id },
        body: { version: 1, type: 'social' },
      }),
      await suite.call('deleteGroup', { token: supervisor, params: { groupId: DEMO_GROUPS.small.id } }),
      await suite.call('deleteGroup', { token: suite.admin, params: { groupId: 'no-such-group' } }),
      await suite.call('addGroupMembers', {
        token: suite.admin,
        params: { groupId: group.id },
        body: { memberIds: ['no-such-user'] },
      }),
      await suite.call('addGroupMembers', {
        token: suite.admin,
        params: { groupId: group.id },
        body: { memberIds: [suite.plainUsers[0]!.id], version: 9 },
      }),
      await suite.call('removeGroupMembers', {
        token: supervisor,
        params: { groupId: DEMO_GROUPS.small.id },
        query: { ids: suite.plainUsers[0]!.id },
      }),
      await suite.call('updateGroupDynamicSettings', {
        token: suite.admin,
        params: { groupId: group.id },
        body: { skillConditions: 'x' },
      }),
      await suite.call('deleteGroupDynamicSettings', {
        token: supervisor,
        params: { groupId: DEMO_GROUPS.dynamic.id },
      }),
    ];
    for (const res of rejected) expect(res.status, res.request).toBeGreaterThanOrEqual(400);
    expectErrorBody(rejected[2]!, 409, 'conflict');
    expect(suite.written()).toEqual([]);
  });

  it('rolls the change back when its record cannot be written', async () => {
    suite.server.db.exec(
      `CREATE TEMP TRIGGER audit_refuse BEFORE INSERT ON main.audits BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END`,
    );
    try {
      const res = await suite.call('createGroup', {
        token: suite.admin,
        body: { name: 'Audit never stored', type: 'official', visibility: 'public', rulesVisible: true },
        validate: false,
      });
      expect(res.status).toBe(500);
    } finally {
      suite.server.db.exec('DROP TRIGGER temp.audit_refuse');
    }
    expect(
      suite.server.db.prepare('SELECT COUNT(*) FROM groups WHERE name = ?').pluck().get('Audit never stored'),
    ).toBe(0);
    expect(suite.written()).toEqual([]);
  });
});

describe('through the Audit API', () => {
  it('answers a group history newest first with the acting user', async () => {
    const group = await suite.createGroup({ name: 'Audit history' });
    await suite.call('updateGroup', {
      token: suite.admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'Now described' },
    });
    const now = Date.now();
    const res = await suite.call('queryAuditsRealtime', {
      token: suite.admin,
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
