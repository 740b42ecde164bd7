/**
 * The demo seed's change history (server/src/db/seed/history.ts): a few weeks of records in the shapes
 * docs/audit.md gives, naming real users, that end in the seeded state (replaying a group's records
 * gives its name, description, owners, individual members and version), with two deleted groups whose
 * snapshots are complete; and the large seed's history on a small org.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import {
  DEMO_CREATED_LONG_AGO,
  DEMO_DELETED_GROUPS,
  DEMO_HISTORY_DAYS,
  DEMO_OLDEST_DAYS,
} from '../../src/db/seed/history.js';
import { seedLargeHistory } from '../../src/db/seed/history-large.js';
import { seedLarge } from '../../src/db/seed/large.js';
import { LARGE_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { queryAuditsRealtime } from '../../src/domain/audit/query.js';
import { rowToMessage, type AuditRow } from '../../src/domain/audit/record.js';
import type { AuditLogMessage } from '../../src/domain/audit/types.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { apiCaller } from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';

const DAY = 24 * 60 * 60 * 1000;
let db: Database.Database;
let records: AuditLogMessage[];

beforeAll(() => {
  db = openDemoDatabase();
  records = (
    db
      .prepare('SELECT id, event_time, service, entity_type, action, body_json FROM audits ORDER BY seq')
      .all() as AuditRow[]
  ).map((row) => rowToMessage(row));
});

afterAll(() => db?.close());

const userName = (id: string) =>
  db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(id) as string | undefined;

describe('demo history', () => {
  it('covers the last few weeks, and one creation half a year ago, oldest first, with every action', () => {
    expect(records.length).toBeGreaterThan(150);
    const times = records.map((r) => Date.parse(r.eventDate));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [oldest, ...rest] = records;
    expect(oldest).toMatchObject({ action: 'Create', entity: { id: DEMO_CREATED_LONG_AGO.group.id } });
    expect(Date.parse(oldest!.eventDate)).toBeGreaterThanOrEqual(Date.now() - (DEMO_OLDEST_DAYS + 2) * DAY);
    expect(Date.parse(oldest!.eventDate)).toBeLessThan(Date.now() - 180 * DAY);
    expect(Math.min(...rest.map((r) => Date.parse(r.eventDate)))).toBeGreaterThanOrEqual(
      Date.now() - (DEMO_HISTORY_DAYS + 2) * DAY,
    );
    expect(Math.max(...times)).toBeLessThan(Date.now());
    expect(new Set(records.map((r) => r.action))).toEqual(
      new Set(['Create', 'Update', 'Delete', 'MemberAdd', 'MemberRemove']),
    );
  });

  it('names real users: the personas or the HR sync client act, and every user entry is a seeded user by name', () => {
    const personas = new Set(Object.values(PERSONAS).map((p) => p.id));
    for (const r of records) {
      if (r.user) expect(personas.has(r.user.id)).toBe(true);
      else expect(r.client).toEqual({ id: 'demo-admin' });
      expect(r.context.operation).toBeTruthy();
      for (const e of r.entityChanges) expect(e.entityName).toBe(userName(e.entityId));
      // Membership entries by name, as the live server lists them (docs/audit.md).
      if (r.action === 'MemberAdd' || r.action === 'MemberRemove') {
        const listed = r.entityChanges.map((e) => e.entityName ?? '');
        expect(listed).toEqual([...listed].sort((a, b) => a.localeCompare(b)));
      }
    }
  });

  it('ends in the seeded state: name, description, owners, individual members and version of each group', () => {
    const groups = new Map<string, AuditLogMessage[]>();
    for (const r of records) groups.set(r.entity.id, [...(groups.get(r.entity.id) ?? []), r]);
    let replayed = 0;
    for (const [id, list] of groups) {
      const row = db.prepare('SELECT name, description, version FROM groups WHERE id = ?').get(id) as
        { name: string; description: string | null; version: number } | undefined;
      if (!row) continue; // a deleted group
      expect(list.at(-1)!.entity.name).toBe(row.name);
      expect(list.at(-1)!.context.version).toBe(String(row.version));
      if (list[0]!.action !== 'Create') continue;
      replayed++;
      const property = new Map<string, string[]>();
      const individuals = new Set<string>();
      for (const r of list) {
        for (const c of r.propertyChanges) property.set(c.property, c.newValues);
        if (r.action === 'MemberAdd' || r.action === 'MemberRemove')
          for (const e of r.entityChanges)
            if (e.newValues.includes('individual')) individuals.add(e.entityId);
            else if (e.oldValues.includes('individual')) individuals.delete(e.entityId);
      }
      expect(property.get('name')).toEqual([row.name]);
      expect(property.get('description') ?? []).toEqual(row.description ? [row.description] : []);
      const owners = db.prepare('SELECT user_id FROM group_owners WHERE group_id = ? ORDER BY user_id').pluck().all(id);
      expect(property.get('ownerIds') ?? []).toEqual(owners);
      const current = db
        .prepare('SELECT user_id FROM group_individuals WHERE group_id = ? ORDER BY user_id')
        .pluck()
        .all(id) as string[];
      expect([...individuals].sort(), `individuals of ${row.name}`).toEqual(current);
    }
    expect(replayed).toBeGreaterThan(20);
  });

  it('has members added and removed by rules: looser rules first, then tightened', () => {
    const byRule = (action: string) =>
      records.filter(
        (r) =>
          r.action === action &&
          r.context.operation === 'updateGroupDynamicSettings' &&
          r.entityChanges.some((e) => e.oldValues.includes('rule') !== e.newValues.includes('rule')),
      );
    expect(byRule('MemberAdd').length).toBeGreaterThan(2);
    const removed = byRule('MemberRemove');
    expect(removed.length).toBeGreaterThan(0);
    // Those the rules let go are not members now.
    for (const r of removed)
      for (const e of r.entityChanges)
        expect(
          db
            .prepare('SELECT COUNT(*) FROM group_members WHERE group_id = ? AND user_id = ?')
            .pluck()
            .get(r.entity.id, e.entityId),
        ).toBe(0);
  });

  it('has two recently deleted groups with full snapshots, found as the console finds them', () => {
    const now = Date.now();
    const deleted = queryAuditsRealtime(
      db,
      {
        interval: `${new Date(now - 14 * DAY + 60_000).toISOString()}/${new Date(now).toISOString()}`,
        serviceName: 'Directory',
        filters: [
          { property: 'EntityType', value: 'Group' },
          { property: 'Action', value: 'Delete' },
        ],
      },
      { expandUser: true, now },
    ).entities;
    expect(deleted.map((r) => r.entity.id).sort()).toEqual(
      Object.values(DEMO_DELETED_GROUPS)
        .map((g) => g.id)
        .sort(),
    );
    for (const record of deleted) {
      expect(db.prepare('SELECT COUNT(*) FROM groups WHERE id = ?').pluck().get(record.entity.id)).toBe(0);
      const properties = new Map(record.propertyChanges.map((c) => [c.property, c]));
      for (const p of [
        'name',
        'type',
        'visibility',
        'state',
        'rulesVisible',
        'rolesEnabled',
        'includeOwners',
        'callsEnabled',
        'ownerIds',
      ])
        expect(properties.get(p)?.oldValues.length, p).toBeGreaterThan(0);
      expect([...properties.values()].every((c) => c.newValues.length === 0)).toBe(true);
      // Its individuals are those its MemberAdd records added by hand.
      const added = records
        .filter((r) => r.entity.id === record.entity.id && r.action === 'MemberAdd')
        .flatMap((r) => r.entityChanges.filter((e) => e.newValues.includes('individual')).map((e) => e.entityId));
      const snapshotIndividuals = record.entityChanges
        .filter((e) => e.oldValues[0] === 'individual')
        .map((e) => e.entityId);
      expect(snapshotIndividuals.sort()).toEqual([...added].sort());
      expect(
        record.entityChanges
          .filter((e) => e.oldValues[0] === 'owner')
          .map((e) => e.entityId)
          .sort(),
      ).toEqual(properties.get('ownerIds')!.oldValues);
    }
    const pilot = deleted.find((r) => r.entity.id === DEMO_DELETED_GROUPS.pilotTesters.id)!;
    expect(pilot.propertyChanges.find((c) => c.property === 'dynamicSettings')?.oldValues[0]).toContain('Spanish');
  });
});

describe('demo history through the Audit API', () => {
  it('answers every seeded record to the asynchronous query, each valid against the contract', async () => {
    const server = await startServer({ seed: 'demo' });
    try {
      const call = apiCaller(server.url);
      const admin = server.tokenFor('admin');
      const now = Date.now();
      const created = await call('createAuditQuery', {
        token: admin,
        body: {
          interval: `${new Date(now - (DEMO_OLDEST_DAYS + 2) * DAY).toISOString()}/${new Date(now).toISOString()}`,
          serviceName: 'Directory',
        },
      });
      expect(created.status).toBe(200);
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        // apiCaller checks each answer against openapi/groups.yaml.
        const page = await call('getAuditQueryResults', {
          token: admin,
          params: { transactionId: created.body.id as string },
          query: { pageSize: 100, expand: 'user', ...(cursor ? { cursor } : {}) },
        });
        expect(page.status).toBe(200);
        ids.push(...page.body.entities.map((e: { id: string }) => e.id));
        cursor = page.body.cursor;
      } while (cursor);
      expect(ids.length).toBe(server.db.prepare('SELECT COUNT(*) FROM audits').pluck().get());
    } finally {
      await server.close();
    }
  });
});

describe('large history', () => {
  it('writes the asked number of records, most on the 500-member group, and their version per group', () => {
    const small = openDatabase(':memory:', { seed: 'none' });
    try {
      small.transaction(() => {
        seedLarge(small, 2000, 50);
        seedLargeHistory(small, 30_000);
      })();
      expect(small.prepare('SELECT COUNT(*) FROM audits').pluck().get()).toBeGreaterThanOrEqual(30_000);
      const bench = small
        .prepare('SELECT COUNT(*) FROM audits WHERE entity_id = ?')
        .pluck()
        .get(LARGE_GROUPS.fiveHundred.id);
      expect(bench).toBe(20_000);
      // Indexes dropped for the bulk insert are back.
      const indexes = small
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audits' AND sql IS NOT NULL ORDER BY name",
        )
        .pluck()
        .all();
      expect(indexes).toEqual(['audits_by_entity', 'audits_by_service', 'audits_by_time', 'audits_by_user']);
      const version = small.prepare('SELECT version FROM groups WHERE id = ?').pluck().get(LARGE_GROUPS.fiveHundred.id);
      expect(version).toBe(20_001);
    } finally {
      small.close();
    }
  });
});
