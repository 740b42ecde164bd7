/**
 * Searches on reader threads (src/readers): the same answers and errors as on the main thread, one
 * snapshot per search, and every write answered before a search is seen by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { encodeQ64 } from '../../src/domain/search/q64.js';
import { runReadTask, type ReadTask } from '../../src/readers/tasks.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: string;
let viewer: string;
let adminCaller: Caller;
let viewerCaller: Caller;

beforeAll(async () => {
  server = await startServer({ readerThreads: 1 });
  await server.app.readers.whenStarted();
  admin = server.clientToken('demo-admin');
  viewer = server.clientToken('demo-viewer');
  adminCaller = server.app.tokens.resolve(admin)!;
  viewerCaller = server.app.tokens.resolve(viewer)!;
}, 60_000);
afterAll(() => server.close());

const api = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v2${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });

const contains = (value: string, extra: Record<string, unknown> = {}) => ({
  pageSize: 10,
  pageNumber: 1,
  sortBy: 'name',
  query: [{ type: 'CONTAINS', fields: ['name', 'description'], value }],
  ...extra,
});

/** The task's answer on the main thread's connection, as the pool would send it. */
const onMainThread = (task: ReadTask) => JSON.stringify(runReadTask(server.db, task));

/** The task's answer on a reader thread (or the error it threw), and proof that a thread answered it. */
async function onThread(task: ReadTask): Promise<{ json?: string; error?: unknown }> {
  const before = server.app.readers.stats().byThreads;
  let result: { json?: string; error?: unknown };
  try {
    result = { json: await server.app.readers.run(task) };
  } catch (error) {
    result = { error };
  }
  expect(server.app.readers.stats().byThreads).toBe(before + 1);
  return result;
}

describe('reader threads', () => {
  it('start, and answer searches exactly as the main thread does', async () => {
    expect(server.app.readers.stats()).toMatchObject({ threads: 1, ready: 1 });
    const tasks: ReadTask[] = [
      { kind: 'searchGroups', caller: adminCaller, body: contains('support') },
      { kind: 'searchGroups', caller: adminCaller, body: contains('an', { sortOrder: 'DESC', pageNumber: 2 }) },
      { kind: 'searchGroups', caller: viewerCaller, body: { query: [{ type: 'MATCH_ALL' }], pageSize: 25 } },
      { kind: 'searchGroupsByQ64', caller: adminCaller, q64: encodeQ64(contains('team')), expand: undefined },
      {
        kind: 'searchUsers',
        caller: adminCaller,
        body: contains('a', { query: [{ type: 'CONTAINS', fields: ['name'], value: 'a' }] }),
      },
    ];
    for (const task of tasks) {
      const { json, error } = await onThread(task);
      expect(error, task.kind).toBeUndefined();
      expect(JSON.parse(json!), task.kind).toEqual(JSON.parse(onMainThread(task)));
    }
  });

  it('throw the same ApiError as the main thread', async () => {
    const cases: ReadTask[] = [
      {
        kind: 'searchGroups',
        caller: adminCaller,
        body: { query: [{ type: 'REGEX', fields: ['name'], value: '(a+)+' }] },
      },
      { kind: 'searchGroupsByQ64', caller: adminCaller, q64: '%%%', expand: undefined },
      { kind: 'searchUsers', caller: { ...viewerCaller, permissions: new Set<string>() }, body: {} },
    ];
    for (const task of cases) {
      const { error } = await onThread(task);
      let expected: unknown;
      try {
        onMainThread(task);
      } catch (e) {
        expected = e;
      }
      expect(expected, task.kind).toBeDefined();
      expect(error, task.kind).toEqual(expected);
      expect(error!.constructor, task.kind).toBe(expected!.constructor);
    }
  });

  it('answer over HTTP as JSON, with errors as ErrorBody', async () => {
    const before = server.app.readers.stats().byThreads;
    const found = await api(admin, '/groups/search', { method: 'POST', body: JSON.stringify(contains('support')) });
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await found.json()) as { total: number; results: { name: string }[]; currentPage: string };
    expect(body.total).toBeGreaterThan(0);
    const again = await api(admin, body.currentPage.replace('/api/v2', ''));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);

    const bad = await api(admin, '/groups/search', {
      method: 'POST',
      body: JSON.stringify({ query: [{ type: 'REGEX', fields: ['name'], value: '(a+)+' }] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      status: 400,
      code: 'bad.request',
      details: [{ fieldName: 'query[0].value' }],
      contextId: bad.headers.get('inin-correlation-id'),
    });
    expect(server.app.readers.stats().byThreads).toBe(before + 3);
  });

  it('see every write answered before the search', async () => {
    const name = `Reader thread check ${Date.now()}`;
    const search = async (token: string) => {
      const r = await api(token, '/groups/search', {
        method: 'POST',
        body: JSON.stringify({ query: [{ type: 'EXACT', fields: ['name'], value: name }] }),
      });
      expect(r.status).toBe(200);
      return (await r.json()) as { total: number; results: { id: string; visibility: string; version: number }[] };
    };
    expect((await search(admin)).total).toBe(0);
    const created = await api(admin, '/groups', {
      method: 'POST',
      body: JSON.stringify({ name, type: 'official', visibility: 'public', rulesVisible: true }),
    });
    expect(created.status).toBe(200);
    const group = (await created.json()) as { id: string; version: number };
    expect((await search(admin)).results.map((g) => g.id)).toEqual([group.id]);
    expect((await search(viewer)).total).toBe(1);

    const hidden = await api(admin, `/groups/${group.id}`, {
      method: 'PUT',
      body: JSON.stringify({
        name,
        type: 'official',
        visibility: 'owners',
        rulesVisible: true,
        version: group.version,
      }),
    });
    expect(hidden.status).toBe(200);
    expect((await search(admin)).results[0]).toMatchObject({ id: group.id, visibility: 'owners' });
    expect((await search(viewer)).total).toBe(0);

    expect((await api(admin, `/groups/${group.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await search(admin)).total).toBe(0);
  });

  it('leave the searches to the main thread once they have stopped', async () => {
    await server.app.readers.close();
    expect(server.app.readers.stats()).toMatchObject({ threads: 0, ready: 0 });
    const before = server.app.readers.stats().byMainThread;
    const found = await api(admin, '/groups/search', { method: 'POST', body: JSON.stringify(contains('support')) });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { total: number }).total).toBeGreaterThan(0);
    expect(server.app.readers.stats().byMainThread).toBe(before + 1);
  });
});
