/**
 * The realtime audit query engine (domain/audit/query.ts) on a database of known records: each filter
 * property, filters combined, the interval's bounds and the realtime window, sort (also within one
 * millisecond), paging to the end and past it, bad input, and the query plans: every shape of query
 * reads an index, so a lost index fails here and not only in the bench. The HTTP side (permission,
 * expand, the ErrorBody of each 400) is in audit-api.test.ts.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/contract/errors.js';
import { openDatabase } from '../../src/db/open.js';
import { auditCriteria } from '../../src/domain/audit/criteria.js';
import { auditQuerySql, queryAuditsRealtime } from '../../src/domain/audit/query.js';
import { recordAudit } from '../../src/domain/audit/record.js';
import type { AuditAction, AuditRealtimeQueryRequest } from '../../src/domain/audit/types.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const GROUP = 'a0d17000-0000-4000-8000-00000000000a';
const OTHER = 'a0d17000-0000-4000-8000-00000000000b';
const ALICE = 'a0d17000-0000-4000-8000-0000000000a1';
const BOB = 'a0d17000-0000-4000-8000-0000000000b0';
const ACTIONS: AuditAction[] = ['Update', 'MemberAdd', 'MemberRemove'];

let db: Database.Database;
/** The records of GROUP in the realtime window, oldest first: [time, action, user, client, name]. */
const written: Array<{ time: number; action: AuditAction; userId: string | null; clientId: string; name: string }> = [];

function write(
  entityId: string,
  action: AuditAction,
  time: number,
  userId: string | null,
  clientId: string,
  name: string,
) {
  recordAudit(db, {
    action,
    entityType: 'Group',
    entity: { id: entityId, name },
    actor: { userId, clientId, remoteIp: ['10.0.0.1'] },
    time: new Date(time),
  });
  if (entityId === GROUP && time >= NOW - 14 * DAY) written.push({ time, action, userId, clientId, name });
}

beforeAll(() => {
  db = openDatabase(':memory:', { seed: 'none' });
  db.transaction(() => {
    write(GROUP, 'Create', NOW - 10 * DAY, ALICE, 'console', 'r0');
    for (let i = 1; i <= 30; i++)
      write(
        GROUP,
        ACTIONS[i % 3]!,
        NOW - 10 * DAY + i * 3_600_000,
        i % 2 ? ALICE : BOB,
        i % 4 ? 'console' : 'sync',
        `r${i}`,
      );
    // Three records of one request: one millisecond, in the order written.
    const same = NOW - DAY;
    for (const name of ['same-1', 'same-2', 'same-3']) write(GROUP, 'MemberAdd', same, BOB, 'console', name);
    write(OTHER, 'Create', NOW - 5 * DAY, BOB, 'console', 'other-create');
    write(OTHER, 'Delete', NOW - 4 * DAY, null, 'sync', 'other-delete');
    // Outside the realtime window.
    write(GROUP, 'Update', NOW - 20 * DAY, ALICE, 'console', 'old');
  })();
});

afterAll(() => db?.close());

const window14 = `${iso(NOW - 14 * DAY)}/${iso(NOW)}`;
const run = (request: Partial<AuditRealtimeQueryRequest>) =>
  queryAuditsRealtime(db, { interval: window14, serviceName: 'Directory', ...request }, { expandUser: true, now: NOW });
const names = (request: Partial<AuditRealtimeQueryRequest>) =>
  run({ pageSize: 500, ...request }).entities.map((e) => e.entity.name);

describe('filters', () => {
  it('EntityId: every record of the group in the window, newest first, same-millisecond records in reverse write order', () => {
    const answer = run({ filters: [{ property: 'EntityId', value: GROUP }], pageSize: 500 });
    expect(answer.total).toBe(written.length);
    expect(answer.entities.map((e) => e.entity.name)).toEqual(written.map((w) => w.name).reverse());
    expect(answer.entities.slice(0, 3).map((e) => e.entity.name)).toEqual(['same-3', 'same-2', 'same-1']);
  });

  it('sorts ascending on request, same-millisecond records in write order', () => {
    expect(
      names({
        filters: [{ property: 'EntityId', value: GROUP }],
        sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
      }),
    ).toEqual(written.map((w) => w.name));
  });

  it.each([
    ['UserId', BOB, (w: (typeof written)[number]) => w.userId === BOB],
    ['ClientId', 'sync', (w: (typeof written)[number]) => w.clientId === 'sync'],
    ['Action', 'MemberRemove', (w: (typeof written)[number]) => w.action === 'MemberRemove'],
  ] as const)('%s filters the records (with EntityId)', (property, value, keep) => {
    expect(
      names({
        filters: [
          { property: 'EntityId', value: GROUP },
          { property, value },
        ],
      }),
    ).toEqual(
      written
        .filter(keep)
        .map((w) => w.name)
        .reverse(),
    );
  });

  it('ORs filters on one property and ANDs different properties', () => {
    const both = names({
      filters: [
        { property: 'Action', value: 'Create' },
        { property: 'Action', value: 'Delete' },
      ],
    });
    expect(both).toEqual(['other-delete', 'other-create', 'r0']);
    expect(
      names({
        filters: [
          { property: 'Action', value: 'Create' },
          { property: 'Action', value: 'Delete' },
          { property: 'UserId', value: BOB },
        ],
      }),
    ).toEqual(['other-create']);
    expect(
      names({
        filters: [
          { property: 'EntityType', value: 'Group' },
          { property: 'Action', value: 'Delete' },
        ],
      }),
    ).toEqual(['other-delete']);
  });

  it('no filter: every record of the service in the window', () => {
    expect(run({}).total).toBe(written.length + 2);
  });
});

describe('interval', () => {
  it('includes its start and excludes its end', () => {
    const at = written[5]!.time;
    const only = (interval: string) => names({ interval, filters: [{ property: 'EntityId', value: GROUP }] });
    expect(only(`${iso(at)}/${iso(at + 1)}`)).toEqual([written[5]!.name]);
    expect(only(`${iso(at - 1)}/${iso(at)}`)).toEqual([]);
  });

  it('reads instants with a zone offset as the same instant', () => {
    const at = written[5]!.time;
    const shifted = (ms: number) => iso(ms + 2 * 3_600_000).replace('Z', '+02:00');
    expect(
      names({ interval: `${shifted(at)}/${shifted(at + 1)}`, filters: [{ property: 'EntityId', value: GROUP }] }),
    ).toEqual([written[5]!.name]);
  });

  it('reaches back exactly 14 days and not a millisecond more (older history is for the asynchronous query)', () => {
    expect(run({ interval: `${iso(NOW - 14 * DAY)}/${iso(NOW)}` }).total).toBeGreaterThan(0);
    expect(() => run({ interval: `${iso(NOW - 14 * DAY - 1)}/${iso(NOW)}` })).toThrow(/14 days/);
  });
});

describe('paging', () => {
  it('pages through every record once, with total and pageCount, and answers an empty page past the end', () => {
    const filters = [{ property: 'EntityId' as const, value: GROUP }];
    const first = run({ filters, pageSize: 7 });
    expect(first).toMatchObject({
      pageSize: 7,
      pageNumber: 1,
      total: written.length,
      pageCount: Math.ceil(written.length / 7),
    });
    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const answer = run({ filters, pageSize: 7, pageNumber: page });
      expect(answer.entities.length).toBe(page < first.pageCount ? 7 : written.length - 7 * (first.pageCount - 1));
      seen.push(...answer.entities.map((e) => e.id));
    }
    expect(new Set(seen).size).toBe(written.length);
    const past = run({ filters, pageSize: 7, pageNumber: first.pageCount + 1 });
    expect(past).toMatchObject({ entities: [], total: written.length, pageNumber: first.pageCount + 1 });
  });

  it('defaults to page 1 of 25; an empty answer has pageCount 0', () => {
    expect(run({ filters: [{ property: 'EntityId', value: GROUP }] })).toMatchObject({ pageSize: 25, pageNumber: 1 });
    expect(run({ filters: [{ property: 'EntityId', value: 'nobody' }] })).toMatchObject({
      entities: [],
      total: 0,
      pageCount: 0,
    });
  });
});

describe('bad input', () => {
  const status = (request: Partial<AuditRealtimeQueryRequest>) => {
    try {
      run(request);
    } catch (error) {
      if (error instanceof ApiError) return `${error.status} ${error.code}`;
      throw error;
    }
    return 'answered';
  };

  it.each([
    ['pageSize 0', { pageSize: 0 }],
    ['pageSize 501', { pageSize: 501 }],
    ['pageSize 1.5', { pageSize: 1.5 }],
    ['pageNumber 0', { pageNumber: 0 }],
    ['an interval without a zone', { interval: '2026-06-10T00:00:00/2026-06-11T00:00:00' }],
    ['an interval with one instant', { interval: iso(NOW) }],
    ['an empty interval', { interval: `${iso(NOW)}/${iso(NOW)}` }],
    ['no serviceName', { serviceName: undefined }],
  ])('%s is a 400', (_, request) => {
    expect(status(request)).toBe('400 bad.request');
  });

  it('an unknown action is a 400 invalid.value', () => {
    expect(status({ filters: [{ property: 'Action' as const, value: 'Explode' }] })).toBe('400 invalid.value');
  });

  it.each([
    ['a service without records (the real service mapping names groups Groups)', { serviceName: 'Groups' }],
    ['another service of the real API', { serviceName: 'Architect' }],
    [
      'an entity type without records (the real mapping names groups DirectoryGroup)',
      { filters: [{ property: 'EntityType' as const, value: 'DirectoryGroup' }] },
    ],
  ])('%s answers an empty page', (_, request) => {
    expect(run(request)).toMatchObject({ entities: [], total: 0, pageCount: 0 });
  });
});

describe('query plans', () => {
  const plan = (request: Partial<AuditRealtimeQueryRequest>) => {
    const sql = auditQuerySql(
      auditCriteria({ interval: window14, serviceName: 'Directory', ...request }, { realtime: true, now: NOW }),
    );
    const explain = (text: string, params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
    return { count: explain(sql.count, sql.params), page: explain(sql.page, [...sql.params, 25, 0]) };
  };

  it('one group: audits_by_entity for the count (the index alone) and the page, in index order (no sort)', () => {
    for (const filters of [
      [{ property: 'EntityId' as const, value: GROUP }],
      [
        { property: 'EntityId' as const, value: GROUP },
        { property: 'Action' as const, value: 'Update' },
        { property: 'UserId' as const, value: ALICE },
      ],
    ]) {
      for (const sortOrder of ['ascending', 'descending'] as const) {
        const { count, page } = plan({ filters, sort: [{ name: 'Timestamp', sortOrder }] });
        // With the group alone, the count reads the index alone.
        expect(count).toMatch(
          filters.length === 1
            ? /USING COVERING INDEX audits_by_entity \(entity_id=\? AND event_time>\? AND event_time<\?\)/
            : /USING INDEX audits_by_entity \(entity_id=\? AND event_time>\? AND event_time<\?\)/,
        );
        expect(page).toMatch(/USING INDEX audits_by_entity \(entity_id=\? AND event_time>\? AND event_time<\?\)/);
        expect(page).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('one user: audits_by_user', () => {
    const { count, page } = plan({ filters: [{ property: 'UserId', value: ALICE }] });
    expect(count).toMatch(/INDEX audits_by_user \(user_id=\? AND event_time>\? AND event_time<\?\)/);
    expect(page).toMatch(/INDEX audits_by_user \(user_id=\? AND event_time>\? AND event_time<\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
  });

  it('deleted groups (an action, with or without the entity type): audits_by_service', () => {
    for (const filters of [
      [{ property: 'Action' as const, value: 'Delete' }],
      [
        { property: 'EntityType' as const, value: 'Group' },
        { property: 'Action' as const, value: 'Delete' },
      ],
    ]) {
      const { count, page } = plan({ filters });
      const index =
        /INDEX audits_by_service \(service=\? AND entity_type=\? AND action=\? AND event_time>\? AND event_time<\?\)/;
      expect(count).toMatch(index);
      expect(page).toMatch(index);
      expect(page).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('without its index a query fails loudly instead of scanning', () => {
    const bare = openDatabase(':memory:', { seed: 'none' });
    try {
      bare.exec('DROP INDEX audits_by_entity');
      expect(() =>
        queryAuditsRealtime(
          bare,
          { interval: window14, serviceName: 'Directory', filters: [{ property: 'EntityId', value: GROUP }] },
          { expandUser: false, now: NOW },
        ),
      ).toThrow(/no such index: audits_by_entity/);
    } finally {
      bare.close();
    }
  });

  it('no filter: audits_by_time; no shape scans the table', () => {
    const { count, page } = plan({});
    expect(page).toMatch(/INDEX audits_by_time \(event_time>\? AND event_time<\?\)/);
    expect(count).toMatch(/INDEX audits_by_time \(event_time>\? AND event_time<\?\)/);
    for (const filters of [
      [],
      [{ property: 'ClientId' as const, value: 'sync' }],
      [{ property: 'EntityType' as const, value: 'Group' }],
    ])
      expect(Object.values(plan({ filters })).join('\n')).not.toMatch(/SCAN audits\b(?! USING)/);
  });
});
