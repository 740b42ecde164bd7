/** Response compression: brotli or gzip above 1 kB when the client accepts it, plain otherwise. */
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { issueToken } from '../support/tokens.js';

let db: Database.Database;
let app: FastifyInstance;
let token: string;

beforeAll(async () => {
  db = openDemoDatabase();
  app = buildApp({ db, rateLimitPerMinute: 0 });
  await app.ready();
  token = issueToken(app, { persona: 'admin' });
});

afterAll(async () => {
  await app.close();
  db.close();
});

const get = (url: string, encoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...(encoding ? { 'accept-encoding': encoding } : {}) },
  });
const list = (encoding?: string) => get('/api/v2/groups?pageSize=25', encoding);

describe('compression', () => {
  it('answers JSON uncompressed to a client that asks for no encoding', async () => {
    const res = await list();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((res.json() as { entities: unknown[] }).entities).toHaveLength(25);
  });

  it('gzips and brotli-compresses JSON for clients that accept it, with the same body', async () => {
    const plain = (await list()).body;
    const gz = await list('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain);
    expect(gz.rawPayload.length).toBeLessThan(plain.length / 3);
    const br = await list('br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain);
  });

  it('compresses a large JSON answer in one go, with its exact Content-Length', async () => {
    const res = await get('/api/v2/groups?pageSize=100', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    const body = JSON.parse(brotliDecompressSync(res.rawPayload).toString()) as { entities: unknown[] };
    expect(JSON.stringify(body).length).toBeGreaterThan(32 * 1024);
    expect(body.entities).toHaveLength(100);
  });

  it('leaves small answers alone', async () => {
    const res = await get('/api/v2/groups/not-a-group', 'gzip');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
