/**
 * `GET /readyz`: 200 `{"status":"ready"}` while the database answers and the reader threads have loaded;
 * 503 with an ErrorBody once the database cannot be read. `GET /healthz` stays the cheap liveness answer.
 * Neither needs a token, and neither is an operation of openapi/groups.yaml. A real server over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src/app.js';
import { contractDocument } from '../../src/contract/document.js';
import { openDataDir } from '../../src/db/open.js';
import { createApp } from '../../src/http/server.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ readerThreads: 1 });
  await server.app.readers.whenStarted();
});
afterAll(() => server.close());

describe('GET /readyz', () => {
  it('answers 200 ready, without a token, once the database answers and the reader thread has loaded', async () => {
    expect(server.app.readers.stats()).toMatchObject({ threads: 1, ready: 1 });
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('is not an API operation (like /healthz)', () => {
    const paths = Object.keys((contractDocument() as { paths: Record<string, unknown> }).paths);
    expect(paths.some((p) => p.endsWith('/readyz') || p.endsWith('/healthz'))).toBe(false);
  });

  it('answers 503 with an ErrorBody once the database is closed, while /healthz still answers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'groups-ready-'));
    const db = openDataDir(dataDir, 'none');
    const app = createApp({ db, handlers });
    try {
      const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      db.close();
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        status: 503,
        code: 'service.unavailable',
        message: 'Not ready: the database is closed.',
      });
      expect(body.contextId).toBe(res.headers.get('inin-correlation-id'));
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
