/**
 * The Audit API operations against the real server: permission, service mapping, the realtime query's
 * filters, sort, paging and bad input, and the asynchronous query with its cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/domain/audit/record.js';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let call: ApiCall;
let admin: string;

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const lastDays = (days: number) => `${iso(Date.now() - days * DAY + 60_000)}/${iso(Date.now() + 60_000)}`;

/** A fixed set of records for one made-up entity, written straight through the writer. */
const ENTITY = 'a0d17000-0000-4000-8000-000000000001';
const OTHER = 'a0d17000-0000-4000-8000-000000000002';
function seedRecords(): void {
  const base = Date.now() - 3 * DAY;
  server.db.transaction(() => {
    for (let i = 0; i < 7; i++)
      recordAudit(server.db, {
        action: i === 0 ? 'Create' : 'Update',
        entityType: 'Group',
        entity: { id: ENTITY, name: `Audit fixture ${i}` },
        propertyChanges: [
          { property: 'name', oldValues: i ? [`Audit fixture ${i - 1}`] : [], newValues: [`Audit fixture ${i}`] },
        ],
        actor: { userId: PERSONAS.admin.id, clientId: 'test-client', remoteIp: ['127.0.0.1'] },
        time: new Date(base + i * 60_000),
      });
    recordAudit(server.db, {
      action: 'Delete',
      entityType: 'Group',
      entity: { id: OTHER, name: 'Other fixture' },
      actor: { userId: null, clientId: 'svc-client', remoteIp: ['10.0.0.9'] },
      time: new Date(base + 30_000),
    });
    // Older than the realtime window: only the asynchronous query reaches it.
    recordAudit(server.db, {
      action: 'Update',
      entityType: 'Group',
      entity: { id: ENTITY, name: 'Audit fixture old' },
      actor: { userId: PERSONAS.admin.id, clientId: 'test-client', remoteIp: ['127.0.0.1'] },
      time: new Date(Date.now() - 40 * DAY),
    });
  })();
}

beforeAll(async () => {
  server = await startServer({ seed: 'demo' });
  call = apiCaller(server.url);
  admin = server.tokenFor('admin');
  seedRecords();
});

afterAll(async () => {
  await server?.close();
});

const realtime = (body: unknown, query?: Record<string, string>) =>
  call('queryAuditsRealtime', { token: admin, body, query });

describe('permission', () => {
  it('answers 403 naming audits:audit:view to the supervisor, on all five operations', async () => {
    const supervisor = server.tokenFor('supervisor');
    const results = await Promise.all([
      call('queryAuditsRealtime', { token: supervisor, body: { interval: lastDays(1), serviceName: 'Directory' } }),
      call('getAuditRealtimeServiceMapping', { token: supervisor }),
      call('createAuditQuery', { token: supervisor, body: { interval: lastDays(1), serviceName: 'Directory' } }),
      call('getAuditQueryStatus', { token: supervisor, params: { transactionId: 'x' } }),
      call('getAuditQueryResults', { token: supervisor, params: { transactionId: 'x' } }),
    ]);
    for (const result of results) {
      expectErrorBody(result, 403, 'missing.any.permissions');
      expect(JSON.stringify(result.body)).toContain('audits:audit:view');
    }
  });
});

describe('service mapping', () => {
  it('lists Directory / Group and its actions, grant changes included', async () => {
    const res = await call('getAuditRealtimeServiceMapping', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      services: [
        {
          name: 'Directory',
          entities: [
            {
              name: 'Group',
              actions: ['Create', 'Update', 'Delete', 'MemberAdd', 'MemberRemove', 'GrantAdd', 'GrantRemove'],
            },
          ],
        },
      ],
    });
  });
});

describe('realtime query', () => {
  it('filters by entity id, sorts newest first by default and pages with total and pageCount', async () => {
    const body = {
      interval: lastDays(14),
      serviceName: 'Directory',
      filters: [{ property: 'EntityId', value: ENTITY }],
      pageSize: 3,
    };
    const first = await realtime(body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ pageSize: 3, pageNumber: 1, total: 7, pageCount: 3 });
    expect(first.body.entities.map((e: { entity: { name: string } }) => e.entity.name)).toEqual([
      'Audit fixture 6',
      'Audit fixture 5',
      'Audit fixture 4',
    ]);
    const last = await realtime({ ...body, pageNumber: 3 });
    expect(last.body.entities.map((e: { entity: { name: string } }) => e.entity.name)).toEqual(['Audit fixture 0']);
  });

  it('sorts ascending on request and combines filters (same property: any; different: all)', async () => {
    const res = await realtime({
      interval: lastDays(14),
      serviceName: 'Directory',
      filters: [
        { property: 'EntityId', value: ENTITY },
        { property: 'EntityId', value: OTHER },
        { property: 'Action', value: 'Create' },
        { property: 'Action', value: 'Delete' },
      ],
      sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
    });
    expect(res.body.entities.map((e: { action: string }) => e.action)).toEqual(['Create', 'Delete']);
    const byUser = await realtime({
      interval: lastDays(14),
      serviceName: 'Directory',
      filters: [
        { property: 'EntityId', value: OTHER },
        { property: 'UserId', value: PERSONAS.admin.id },
      ],
    });
    expect(byUser.body.total).toBe(0);
  });

  it('names the user only with expand=user, and leaves user out for an OAuth client', async () => {
    const body = {
      interval: lastDays(14),
      serviceName: 'Directory',
      filters: [{ property: 'EntityId', value: ENTITY }],
      pageSize: 1,
    };
    const plain = await realtime(body);
    expect(plain.body.entities[0].user).toEqual({
      id: PERSONAS.admin.id,
      selfUri: `/api/v2/users/${PERSONAS.admin.id}`,
    });
    const expanded = await realtime(body, { expand: 'user' });
    expect(expanded.body.entities[0].user.name).toBe(PERSONAS.admin.name);
    const client = await realtime({ ...body, filters: [{ property: 'EntityId', value: OTHER }] });
    expect(client.body.entities[0].user).toBeUndefined();
    expect(client.body.entities[0].client).toEqual({ id: 'svc-client' });
    expect(client.body.entities[0].remoteIp).toEqual(['10.0.0.9']);
  });

  it.each([
    ['no serviceName', { interval: lastDays(1) }, 'bad.request'],
    ['no interval', { serviceName: 'Directory' }, 'bad.request'],
    ['a malformed interval', { interval: 'yesterday/today', serviceName: 'Directory' }, 'bad.request'],
    [
      'an interval ending before it starts',
      { interval: `${iso(Date.now())}/${iso(Date.now() - DAY)}`, serviceName: 'Directory' },
      'bad.request',
    ],
    ['an interval before the realtime window', { interval: lastDays(30), serviceName: 'Directory' }, 'bad.request'],
    [
      'an unknown filter property',
      { interval: lastDays(1), serviceName: 'Directory', filters: [{ property: 'Colour', value: 'x' }] },
      'invalid.value',
    ],
    [
      'an unknown action',
      { interval: lastDays(1), serviceName: 'Directory', filters: [{ property: 'Action', value: 'Explode' }] },
      'invalid.value',
    ],
    ['a page size over 500', { interval: lastDays(1), serviceName: 'Directory', pageSize: 501 }, 'bad.request'],
    [
      'a bad sort order',
      { interval: lastDays(1), serviceName: 'Directory', sort: [{ name: 'Timestamp', sortOrder: 'up' }] },
      'invalid.value',
    ],
  ])('answers 400 to %s', async (_, body, code) => {
    expectErrorBody(await realtime(body), 400, code);
  });

  it('answers any service name and entity type of the real API, with an empty page where it records nothing', async () => {
    for (const body of [
      { interval: lastDays(1), serviceName: 'Groups' },
      {
        interval: lastDays(1),
        serviceName: 'Directory',
        filters: [{ property: 'EntityType', value: 'DirectoryGroup' }],
      },
    ]) {
      const answer = await realtime(body);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ entities: [], total: 0 });
    }
  });
});

describe('asynchronous query', () => {
  it('reaches past the realtime window and pages with a cursor to the end', async () => {
    const created = await call('createAuditQuery', {
      token: admin,
      body: { interval: lastDays(60), serviceName: 'Directory', filters: [{ property: 'EntityId', value: ENTITY }] },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ state: 'Running', serviceName: 'Directory' });
    const id = created.body.id as string;

    const status = await call('getAuditQueryStatus', { token: admin, params: { transactionId: id } });
    expect(status.body).toMatchObject({ id, state: 'Succeeded' });

    // Written after the query started: not part of its results.
    server.db.transaction(() =>
      recordAudit(server.db, {
        action: 'Update',
        entityType: 'Group',
        entity: { id: ENTITY, name: 'Audit fixture late' },
        actor: { userId: PERSONAS.admin.id, clientId: 'test-client', remoteIp: ['127.0.0.1'] },
      }),
    )();

    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call('getAuditQueryResults', {
        token: admin,
        params: { transactionId: id },
        query: { pageSize: 3, ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      names.push(...page.body.entities.map((e: { entity: { name: string } }) => e.entity.name));
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(names).toEqual([...[6, 5, 4, 3, 2, 1, 0].map((i) => `Audit fixture ${i}`), 'Audit fixture old']);
    expect(pages).toBe(3);
  });

  it('covers a year at most: 365 days are accepted and reach a record of 200 days ago, a longer interval answers 400', async () => {
    server.db.transaction(() =>
      recordAudit(server.db, {
        action: 'Update',
        entityType: 'Group',
        entity: { id: ENTITY, name: 'Audit fixture of last spring' },
        actor: { userId: PERSONAS.admin.id, clientId: 'test-client', remoteIp: ['127.0.0.1'] },
        time: new Date(Date.now() - 200 * DAY),
      }),
    )();
    const end = Date.now() + 60_000;
    const year = await call('createAuditQuery', {
      token: admin,
      body: {
        interval: `${iso(end - 365 * DAY)}/${iso(end)}`,
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: ENTITY }],
      },
    });
    expect(year.status).toBe(200);
    const results = await call('getAuditQueryResults', {
      token: admin,
      params: { transactionId: year.body.id },
      query: { pageSize: 100 },
    });
    expect(results.body.entities.map((e: { entity: { name: string } }) => e.entity.name)).toContain(
      'Audit fixture of last spring',
    );
    const tooLong = await call('createAuditQuery', {
      token: admin,
      body: { interval: `${iso(end - 365 * DAY - 1)}/${iso(end)}`, serviceName: 'Directory' },
    });
    expectErrorBody(tooLong, 400, 'bad.request');
    expect(tooLong.body.message).toMatch(/at most 365 days/);
    expect(tooLong.body.details).toEqual([{ errorCode: 'bad.request', fieldName: 'interval' }]);
  });

  it('answers 404 for an unknown transaction and 400 for a bad cursor or request', async () => {
    expectErrorBody(
      await call('getAuditQueryStatus', { token: admin, params: { transactionId: 'nope' } }),
      404,
      'not.found',
    );
    expectErrorBody(
      await call('getAuditQueryResults', { token: admin, params: { transactionId: 'nope' } }),
      404,
      'not.found',
    );
    const created = await call('createAuditQuery', {
      token: admin,
      body: { interval: lastDays(2), serviceName: 'Directory' },
    });
    expectErrorBody(
      await call('getAuditQueryResults', {
        token: admin,
        params: { transactionId: created.body.id },
        query: { cursor: 'garbage' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('createAuditQuery', { token: admin, body: { interval: 'x/y', serviceName: 'Directory' } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await call('createAuditQuery', { token: admin, body: { interval: lastDays(2) } }),
      400,
      'bad.request',
    );
  });
});

describe('records of the same instant', () => {
  it('keep their written order in both sorts, in realtime pages and across asynchronous cursors', async () => {
    const entity = 'a0d17000-0000-4000-8000-000000000003';
    const time = new Date(Date.now() - DAY);
    server.db.transaction(() => {
      for (let i = 0; i < 5; i++)
        recordAudit(server.db, {
          action: 'MemberAdd',
          entityType: 'Group',
          entity: { id: entity, name: `Same instant ${i}` },
          actor: { userId: PERSONAS.admin.id, clientId: 'test-client', remoteIp: ['127.0.0.1'] },
          time,
        });
    })();
    const expected = [0, 1, 2, 3, 4].map((i) => `Same instant ${i}`);
    for (const sortOrder of ['ascending', 'descending'] as const) {
      const order = sortOrder === 'ascending' ? expected : [...expected].reverse();
      const body = {
        interval: lastDays(2),
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: entity }],
        sort: [{ name: 'Timestamp', sortOrder }],
      };
      const realtimeNames: string[] = [];
      for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
        const page = await realtime({ ...body, pageSize: 2, pageNumber });
        realtimeNames.push(...page.body.entities.map((e: { entity: { name: string } }) => e.entity.name));
      }
      expect(realtimeNames).toEqual(order);

      const created = await call('createAuditQuery', { token: admin, body });
      const asyncNames: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('getAuditQueryResults', {
          token: admin,
          params: { transactionId: created.body.id },
          query: { pageSize: 2, ...(cursor ? { cursor } : {}) },
        });
        asyncNames.push(...page.body.entities.map((e: { entity: { name: string } }) => e.entity.name));
        cursor = page.body.cursor;
      } while (cursor && asyncNames.length < 10);
      expect(asyncNames).toEqual(order);
    }
  });
});
