/**
 * The official SDK's AuditApi finds group changes under the names the realtime service mapping gives, in both
 * of the server's modes: the default (`Directory` / `Group`) and STRICT_MIRROR (`Groups` / `DirectoryGroup`,
 * as a real org most probably records them), through the realtime and the asynchronous query; the other
 * mode's names find nothing. STRICT_MIRROR's other answers are checked here too: division-qualified
 * permissions, the legacy `admin` role, failed attempts in the history, lean references.
 */
import platformClient from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { applyStrictMirror, STRICT_MIRROR_FAILURES } from '../../src/db/seed/strict-mirror.js';
import { ext, newGroupBody, sdkSuite } from '../support/sdk.js';

const groups = new platformClient.GroupsApi();
const audit = new platformClient.AuditApi();

interface Mapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}
interface Record_ {
  action: string;
  serviceName: string;
  entityType: string;
  status: string;
  entity: { id: string; name?: string };
}

const recent = () =>
  `${new Date(Date.now() - 60 * 60_000).toISOString()}/${new Date(Date.now() + 60_000).toISOString()}`;

/** A new group, renamed once, then found by the names the mapping gives: realtime and asynchronous, newest first. */
async function findsChangesUnderMappedNames(expected: { service: string; entityType: string; other: string[] }) {
  const mapping = await ext<Mapping>('getAuditRealtimeServiceMapping', audit.getAuditsQueryRealtimeServicemapping());
  expect(mapping.body.services).toHaveLength(1);
  const service = mapping.body.services[0]!;
  expect(service.name).toBe(expected.service);
  expect(service.entities.map((e) => e.name)).toEqual([expected.entityType]);
  const entityType = service.entities[0]!.name;

  const created = await ext<{ id: string; name: string }>('createGroup', groups.postGroups(newGroupBody()));
  await ext('updateGroup', groups.putGroup(created.body.id, { body: { version: 1, description: 'Mapped' } }));
  const filters = [
    { property: 'EntityType', value: entityType },
    { property: 'EntityId', value: created.body.id },
  ];
  const sort = [{ name: 'Timestamp', sortOrder: 'descending' }];

  const realtime = await ext<{ entities: Record_[]; total: number }>(
    'queryAuditsRealtime',
    audit.postAuditsQueryRealtime({ interval: recent(), serviceName: service.name, filters, sort, pageSize: 10 }),
  );
  expect(realtime.body.total).toBe(2);
  expect(realtime.body.entities.map((e) => [e.action, e.serviceName, e.entityType, e.status])).toEqual([
    ['Update', service.name, entityType, 'SUCCESS'],
    ['Create', service.name, entityType, 'SUCCESS'],
  ]);

  const execution = await ext<{ id: string; serviceName: string; filters: unknown[] }>(
    'createAuditQuery',
    audit.postAuditsQuery({ interval: recent(), serviceName: service.name, filters, sort }),
  );
  expect(execution.body).toMatchObject({ serviceName: service.name, filters });
  const results = await ext<{ entities: Record_[] }>(
    'getAuditQueryResults',
    audit.getAuditsQueryTransactionIdResults(execution.body.id, { pageSize: 10 }),
  );
  expect(results.body.entities.map((e) => [e.action, e.serviceName, e.entityType])).toEqual([
    ['Update', service.name, entityType],
    ['Create', service.name, entityType],
  ]);

  // The other mode's names: a service, or an entity type, this org records nothing under.
  const [otherService, otherType] = expected.other as [string, string];
  for (const [serviceName, type] of [
    [otherService, entityType],
    [service.name, otherType],
  ] as const) {
    const none = await ext<{ total: number }>(
      'queryAuditsRealtime',
      audit.postAuditsQueryRealtime({
        interval: recent(),
        serviceName,
        filters: [
          { property: 'EntityType', value: type },
          { property: 'EntityId', value: created.body.id },
        ],
      }),
    );
    expect(none.status).toBe(200);
    expect(none.body.total).toBe(0);
  }
}

describe('AuditApi, by default', () => {
  sdkSuite({ extended: true, signIn: true });

  it('finds group changes under Directory / Group, the names the service mapping gives', async () => {
    await findsChangesUnderMappedNames({
      service: 'Directory',
      entityType: 'Group',
      other: ['Groups', 'DirectoryGroup'],
    });
  });
});

describe('AuditApi, with STRICT_MIRROR', () => {
  const suite = sdkSuite({ extended: true, signIn: true, server: { strictMirror: true } });

  it('finds group changes under Groups / DirectoryGroup, the names the service mapping gives', async () => {
    await findsChangesUnderMappedNames({
      service: 'Groups',
      entityType: 'DirectoryGroup',
      other: ['Directory', 'Group'],
    });
  });

  it('holds a few failed attempts among the history, each under the same names', async () => {
    const byId = await ext<{ entities: Record_[] }>(
      'queryAuditsRealtime',
      audit.postAuditsQueryRealtime({
        interval: `${new Date(Date.now() - 3 * 86_400_000).toISOString()}/${new Date(Date.now() + 60_000).toISOString()}`,
        serviceName: 'Groups',
        filters: [
          { property: 'EntityId', value: DEMO_GROUPS.small.id },
          { property: 'EntityId', value: DEMO_GROUPS.membersOnlyWithoutSupervisor.id },
        ],
        pageSize: 100,
      }),
    );
    const failed = byId.body.entities.filter((e) => e.status === 'FAILURE');
    const { deleteSmall, updateSmall, addSupervisor } = STRICT_MIRROR_FAILURES;
    expect(failed.map((e) => `${e.action} ${e.entity.id}`).sort()).toEqual(
      [
        `Delete ${deleteSmall.group.id}`,
        `Update ${updateSmall.group.id}`,
        `MemberAdd ${addSupervisor.group.id}`,
      ].sort(),
    );
    for (const e of failed) expect([e.serviceName, e.entityType]).toEqual(['Groups', 'DirectoryGroup']);
    // Written once: starting again on the same data adds none.
    applyStrictMirror(suite.server.db);
    const count = () =>
      suite.server.db
        .prepare("SELECT COUNT(*) FROM audits WHERE json_extract(body_json, '$.status') = 'FAILURE'")
        .pluck()
        .get();
    expect(count()).toBe(3);
  });

  it("answers users/me's permissions division-qualified, the org admin's as the legacy admin, references lean", async () => {
    const divisions = suite.server.db.prepare('SELECT id FROM divisions ORDER BY id').pluck().all() as string[];
    const me = async (persona: 'admin' | 'wildcard' | 'editor') => {
      const response = await fetch(`${suite.server.url}/api/v2/users/me?expand=authorization`, {
        headers: { Authorization: `Bearer ${suite.server.tokenFor(persona)}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        authorization: { permissions: string[] };
        division?: Record<string, unknown>;
      };
    };
    const admin = await me('admin');
    expect(admin.authorization.permissions.length).toBeGreaterThan(0);
    for (const p of admin.authorization.permissions) {
      const parts = p.split(':');
      expect(parts).toHaveLength(4);
      expect(divisions).toContain(parts[3]);
    }
    for (const p of PERSONAS.admin.permissions)
      expect(admin.authorization.permissions.some((g) => g.startsWith(`${p}:`))).toBe(true);
    expect((await me('editor')).authorization.permissions.every((p) => p.split(':').length === 4)).toBe(true);
    expect((await me('wildcard')).authorization.permissions).toEqual(['admin']);
    if (admin.division) expect(Object.keys(admin.division).sort()).toEqual(['id', 'selfUri']);

    // The legacy admin is enforced as everything: the org admin deletes a group.
    const group = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    const deleted = await fetch(`${suite.server.url}/api/v2/groups/${group.body.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${suite.server.tokenFor('wildcard')}` },
    });
    expect(deleted.status).toBe(204);
  });

  it('is a setting, off unless STRICT_MIRROR is 1, and implies lean references', () => {
    expect(loadConfig({}).strictMirror).toBe(false);
    expect(loadConfig({ STRICT_MIRROR: '1' })).toMatchObject({ strictMirror: true, leanReferences: true });
    expect(() => loadConfig({ STRICT_MIRROR: 'yes' })).toThrow(/STRICT_MIRROR must be 1 or 0/);
  });
});
