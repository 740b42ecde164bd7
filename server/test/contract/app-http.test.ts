/**
 * The HTTP layer on its own: every operation of the document answered by an echo handler, so
 * validation, errors, headers, CORS and the rate limit are tested without the domain handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type Database from 'better-sqlite3';
import type { OperationHandlers } from '../../src/http/context.js';
import { ApiError } from '../../src/contract/errors.js';
import { checkHandlers, createApp } from '../../src/http/server.js';
import { loadOpenApiDocument } from '../../src/contract/document.js';
import { compileOperations } from '../../src/contract/operations.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { issueToken } from '../support/tokens.js';

const operations = compileOperations(loadOpenApiDocument());

function echoHandlers(): OperationHandlers {
  const handlers: OperationHandlers = {};
  for (const op of operations) {
    handlers[op.operationId] = (request) => ({
      operationId: op.operationId,
      params: request.params,
      query: request.query,
      body: request.body ?? null,
    });
  }
  handlers.getGroup = (request) => {
    const { groupId } = request.params as { groupId: string };
    if (groupId === 'boom') throw new Error('kaboom');
    if (groupId === 'missing')
      throw new ApiError(404, 'not.found', 'Group missing not found.', { entityId: 'missing' });
    return { id: groupId };
  };
  handlers.deleteGroup = (_request, reply) => {
    reply.code(204);
    return undefined;
  };
  return handlers;
}

let db: Database.Database;
let app: FastifyInstance;
let url: string;
let token: string;

beforeAll(async () => {
  db = openDemoDatabase();
  app = createApp({ db, handlers: echoHandlers(), rateLimitPerMinute: 0, corsOrigins: ['http://allowed.example'] });
  url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  token = issueToken(app, { persona: 'admin' });
});

afterAll(async () => {
  await app.close();
  db.close();
});

const call = (path: string, init: RequestInit & { auth?: boolean } = {}) =>
  fetch(`${url}${path}`, {
    ...init,
    headers: {
      ...(init.auth === false ? {} : { Authorization: `Bearer ${token}` }),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

const json = async (res: Response) =>
  (await res.json()) as Record<string, unknown> & { details: { fieldName?: string; errorCode?: string }[] };

describe('handler wiring', () => {
  it('fails loudly when an operation has no handler, or a handler no operation', () => {
    const handlers = echoHandlers();
    delete handlers.listGroups;
    expect(() => checkHandlers(operations, handlers)).toThrow(/no handler for operation\(s\): listGroups/);
    expect(() => checkHandlers(operations, { ...echoHandlers(), notAnOperation: () => 1 })).toThrow(/notAnOperation/);
    expect(() => createApp({ db, handlers })).toThrow(/listGroups/);
  });
});

describe('query parameters', () => {
  it('splits comma-joined arrays and merges repeated ones', async () => {
    const res = await call('/api/v2/users?id=a,b&id=c&expand=presence,routingStatus&pageSize=5');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.query).toMatchObject({
      id: ['a', 'b', 'c'],
      expand: ['presence', 'routingStatus'],
      pageSize: 5,
      pageNumber: 1,
    });
  });

  it('keeps `ids` a string', async () => {
    const res = await call('/api/v2/groups/g1/members?ids=u1,u2', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect((await json(res)).query).toMatchObject({ ids: 'u1,u2' });
  });

  it('answers 400 bad.request with the field name for a page size over the cap', async () => {
    const res = await call('/api/v2/groups?pageSize=501');
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('bad.request');
    expect(body.details[0]?.fieldName).toBe('pageSize');
    expect(body.message).toMatch(/pageSize/);
  });

  it('answers 400 for a non-numeric page number, an unknown expand and a missing required parameter', async () => {
    const page = await json(await call('/api/v2/groups?pageNumber=abc'));
    expect(page).toMatchObject({ status: 400, code: 'bad.request' });
    expect(page.details[0]?.fieldName).toBe('pageNumber');
    const expand = await json(await call('/api/v2/groups/g1/members?expand=presence,bogus'));
    expect(expand).toMatchObject({ status: 400, code: 'bad.request' });
    expect(expand.details[0]?.fieldName).toBe('expand[1]');
    const ids = await json(await call('/api/v2/groups/g1/members', { method: 'DELETE' }));
    expect(ids).toMatchObject({ status: 400, code: 'bad.request' });
    expect(ids.details[0]?.fieldName).toBe('ids');
  });

  it('answers invalid.value for an enum violation', async () => {
    const res = await call('/api/v2/users?state=sleeping');
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(body.code).toBe('invalid.value');
    expect(body.details[0]).toMatchObject({ fieldName: 'state', errorCode: 'invalid.value' });
  });
});

describe('bodies', () => {
  const post = (path: string, body: string, contentType = 'application/json', method = 'POST') =>
    call(path, { method, headers: { 'Content-Type': contentType }, body });

  it('validates against the document: a wrong type, too many ids, an enum', async () => {
    const many = await json(
      await post(
        '/api/v2/groups/g1/members',
        JSON.stringify({ memberIds: Array.from({ length: 51 }, (_, i) => `u${i}`) }),
      ),
    );
    expect(many).toMatchObject({ status: 400, code: 'bad.request' });
    expect(many.details[0]?.fieldName).toBe('memberIds');
    const wrongType = await json(await post('/api/v2/groups/g1/members', JSON.stringify({ memberIds: 'u1' })));
    expect(wrongType.details[0]?.fieldName).toBe('memberIds');
    const missing = await json(
      await post('/api/v2/groups', JSON.stringify({ type: 'official', visibility: 'public', rulesVisible: true })),
    );
    expect(missing).toMatchObject({ status: 400, code: 'bad.request' });
    expect(missing.details.map((d) => d.fieldName)).toContain('name');
    const badEnum = await json(
      await post(
        '/api/v2/groups',
        JSON.stringify({ name: 'x', type: 'secret', visibility: 'public', rulesVisible: true }),
      ),
    );
    expect(badEnum).toMatchObject({ status: 400, code: 'invalid.value' });
    expect(badEnum.details[0]?.fieldName).toBe('type');
  });

  it('passes a valid body to the handler', async () => {
    const res = await post('/api/v2/groups/g1/members', JSON.stringify({ memberIds: ['u1'], version: 3 }));
    expect(res.status).toBe(200);
    expect((await json(res)).body).toEqual({ memberIds: ['u1'], version: 3 });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await post('/api/v2/groups', '{"name": ');
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(body.code).toBe('bad.request');
    expect(body.message).toMatch(/not valid JSON/);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await post('/api/v2/groups', 'name=x', 'text/plain');
    expect(res.status).toBe(415);
    expect((await json(res)).code).toBe('unsupported.media.type');
    const form = await post('/api/v2/groups', 'name=x', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const big = JSON.stringify({
      name: 'x'.repeat(2 * 1024 * 1024),
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
    });
    const res = await post('/api/v2/groups', big);
    expect(res.status).toBe(413);
    expect((await json(res)).code).toBe('response.entity.too.large');
  });

  it('answers a clear 400 for PUT without a body, also with a JSON content type', async () => {
    for (const headers of [{}, { 'Content-Type': 'application/json' }]) {
      const res = await call('/api/v2/groups/g1', { method: 'PUT', headers });
      const body = await json(res);
      expect(res.status).toBe(400);
      expect(body).toMatchObject({ code: 'bad.request', message: 'A JSON request body is required.' });
    }
  });

  it('accepts Content-Type: application/json on GET and DELETE without a body', async () => {
    const get = await call('/api/v2/groups/g1', { headers: { 'Content-Type': 'application/json' } });
    expect(get.status).toBe(200);
    const del = await call('/api/v2/groups/g1', {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '0' },
    });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
  });
});

describe('errors', () => {
  it('turns ApiError into an ErrorBody with every field', async () => {
    const res = await call('/api/v2/groups/missing');
    expect(res.status).toBe(404);
    const body = await json(res);
    expect(body).toEqual({
      message: 'Group missing not found.',
      code: 'not.found',
      status: 404,
      messageWithParams: 'Group missing not found.',
      messageParams: {},
      contextId: res.headers.get('inin-correlation-id'),
      details: [],
      errors: [],
      entityId: 'missing',
    });
  });

  it('answers 500 internal.server.error with a generic message for unexpected errors', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await call('/api/v2/groups/boom');
      const body = await json(res);
      expect(res.status).toBe(500);
      expect(body.code).toBe('internal.server.error');
      expect(body.message).not.toMatch(/kaboom/);
      expect(errors.length).toBe(1);
    } finally {
      console.error = original;
    }
  });

  it('answers 404 not.found ErrorBody for unknown routes and wrong methods', async () => {
    for (const [path, method] of [
      ['/api/v2/nothing', 'GET'],
      ['/nothing', 'GET'],
      ['/api/v2/groups', 'PATCH'],
    ] as const) {
      const res = await call(path, { method });
      expect(res.status).toBe(404);
      const body = await json(res);
      expect(body).toMatchObject({ code: 'not.found', status: 404, contextId: res.headers.get('inin-correlation-id') });
    }
  });
});

describe('authentication', () => {
  it('answers 401 authentication.required without, with an unknown or with an expired token', async () => {
    const expired = issueToken(app, { persona: 'admin', lifetimeSeconds: -1 });
    for (const headers of [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: `Bearer ${expired}` },
      { Authorization: 'Basic abc' },
    ]) {
      const res = await call('/api/v2/groups', { auth: false, headers });
      expect(res.status).toBe(401);
      expect((await json(res)).code).toBe('authentication.required');
    }
  });

  it('checks the token before validating the request', async () => {
    const res = await call('/api/v2/groups?pageSize=9999', { auth: false });
    expect(res.status).toBe(401);
  });
});

describe('correlation ids and headers', () => {
  it('gives every response a UUID correlation id, echoes the client’s, and repeats it as contextId', async () => {
    const a = await call('/api/v2/groups');
    const b = await call('/api/v2/groups');
    const idA = a.headers.get('inin-correlation-id');
    expect(idA).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(b.headers.get('inin-correlation-id')).not.toBe(idA);
    const echoed = await call('/api/v2/groups/missing', { headers: { 'ININ-Correlation-Id': 'client-id-123' } });
    expect(echoed.headers.get('inin-correlation-id')).toBe('client-id-123');
    expect((await json(echoed)).contextId).toBe('client-id-123');
    const unsafe = await call('/api/v2/groups', { headers: { 'ININ-Correlation-Id': 'x'.repeat(300) } });
    expect(unsafe.headers.get('inin-correlation-id')).not.toBe('x'.repeat(300));
  });

  it('sends security headers on API answers, errors and 404s', async () => {
    for (const res of [
      await call('/api/v2/groups'),
      await call('/api/v2/groups', { auth: false }),
      await call('/nope'),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('inin-correlation-id')).toBeTruthy();
    }
  });
});

describe('CORS', () => {
  it('answers preflights and requests from configured origins', async () => {
    const preflight = await fetch(`${url}/api/v2/groups`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://allowed.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const res = await call('/api/v2/groups', { headers: { Origin: 'http://allowed.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://allowed.example');
    expect(res.headers.get('access-control-expose-headers')).toContain('ININ-Correlation-Id');
  });

  it('gives other origins no CORS headers', async () => {
    const preflight = await fetch(`${url}/api/v2/groups`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await call('/api/v2/groups', { headers: { Origin: 'http://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 too.many.requests with Retry-After past the per-token limit', async () => {
    let now = Date.UTC(2030, 0, 1);
    const limited = createApp({ db, handlers: echoHandlers(), rateLimitPerMinute: 3, now: () => now });
    try {
      const a = issueToken(limited, { persona: 'admin' });
      const b = issueToken(limited, { persona: 'editor' });
      const get = (t: string) =>
        limited.inject({ method: 'GET', url: '/api/v2/groups', headers: { authorization: `Bearer ${t}` } });
      for (let i = 0; i < 3; i++) expect((await get(a)).statusCode).toBe(200);
      now += 20_000;
      const over = await get(a);
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBe('40');
      const body = over.json();
      expect(body).toMatchObject({
        code: 'too.many.requests',
        status: 429,
        limit: { key: 'org.app.user.rate.per.minute', namespace: 'platform.api', value: 3 },
      });
      expect(body.message).toMatch(/3 requests per 60 seconds/);
      expect((await get(b)).statusCode).toBe(200);
      now += 40_000;
      expect((await get(a)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts over a shorter window when one is set, and says so', async () => {
    let now = Date.UTC(2030, 0, 1);
    const limited = createApp({
      db,
      handlers: echoHandlers(),
      rateLimitPerMinute: 2,
      rateLimitWindowSeconds: 8,
      now: () => now,
    });
    try {
      const a = issueToken(limited, { persona: 'admin' });
      const get = () =>
        limited.inject({ method: 'GET', url: '/api/v2/groups', headers: { authorization: `Bearer ${a}` } });
      for (let i = 0; i < 2; i++) expect((await get()).statusCode).toBe(200);
      now += 3_000;
      const over = await get();
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBe('5');
      expect(over.json().message).toMatch(/2 requests per 8 seconds/);
      now += 5_000;
      expect((await get()).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('requests under load', () => {
  it('start a batch per turn of the event loop beyond the first, and are all answered in order', async () => {
    // More requests in one turn than the largest batch (64), so some wait whatever the batch is now.
    const count = 150;
    const fresh = issueToken(app, { persona: 'admin' });
    const before = app.turns.stats().waited;
    const order: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        app
          .inject({ method: 'GET', url: `/api/v2/groups/g${i}`, headers: { authorization: `Bearer ${fresh}` } })
          .then((res) => {
            order.push(i);
            return res;
          }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(count).fill(200));
    expect(answers.map((r) => (r.json() as { id: string }).id)).toEqual(
      Array.from({ length: count }, (_, i) => `g${i}`),
    );
    expect(app.turns.stats().waited).toBeGreaterThan(before);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
