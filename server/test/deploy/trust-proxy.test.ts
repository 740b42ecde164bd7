/**
 * TRUST_PROXY: behind a trusted proxy the client's address is the one X-Forwarded-For names, so the
 * per-address sign-in lockout counts each client apart and the access log shows who called; without it the
 * header is ignored and every request counts against the socket's peer. A real server over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { pkcePair } from '../support/sign-in.js';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import { copyDemoDatabase } from '../support/demo-template.js';

let app: FastifyInstance | undefined;
let dataDir: string | undefined;
let log: Record<string, unknown>[] = [];

afterEach(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = undefined;
  dataDir = undefined;
});

/** A server where 3 failures from one address lock it (accounts never lock), logging at info. */
async function start(trustProxy: boolean | string[]): Promise<string> {
  dataDir = mkdtempSync(join(tmpdir(), 'groups-proxy-'));
  copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME)); // the demo org, seeded once per run
  log = [];
  app = buildApp({
    dataDir,
    seed: 'demo',
    rateLimitPerMinute: 0,
    trustProxy,
    logger: true,
    logLevel: 'info',
    logStream: { write: (line: string) => void log.push(JSON.parse(line) as Record<string, unknown>) },
    signInLockout: { maxFailures: 0, maxFailuresPerAddress: 3 },
  });
  return (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
}

/** A wrong password for a new account each time (only the address can lock), as `forwardedFor`. */
let attempt = 0;
async function failSignIn(url: string, forwardedFor: string): Promise<number> {
  attempt += 1;
  const form = new URLSearchParams({
    client_id: 'groups-console',
    response_type: 'code',
    redirect_uri: `${url}/auth/callback`,
    state: 'st',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    email: `nobody-${attempt}@example.com`,
    password: 'wrong',
  });
  const response = await fetch(`${url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    body: form.toString(),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('TRUST_PROXY', () => {
  it('with the proxy trusted, locks the address X-Forwarded-For names and no other, and logs it', async () => {
    const url = await start(['127.0.0.1']);
    const seven = [];
    for (let i = 0; i < 3; i++) seven.push(await failSignIn(url, '203.0.113.7'));
    expect(seven).toEqual([400, 400, 429]);
    expect(await failSignIn(url, '203.0.113.7')).toBe(429);
    // Another client behind the same proxy still has its own allowance.
    expect(await failSignIn(url, '203.0.113.8')).toBe(400);

    const lockout = log.find((l) => l.event === 'sign-in.lockout');
    expect(lockout).toMatchObject({ address: '203.0.113.7', by: 'address' });
    const access = log.filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThanOrEqual(5);
    expect(access.at(-1)).toMatchObject({
      req: { method: 'POST', url: '/oauth/authorize', remoteAddress: '203.0.113.8' },
      res: { statusCode: 400 },
    });
  });

  it('off (the default), ignores X-Forwarded-For: every request is 127.0.0.1', async () => {
    const url = await start(false);
    expect(await failSignIn(url, '203.0.113.7')).toBe(400);
    expect(await failSignIn(url, '203.0.113.7')).toBe(400);
    // The third failure from the socket's address locks it, whatever the header says.
    expect(await failSignIn(url, '203.0.113.8')).toBe(429);
    expect(log.find((l) => l.event === 'sign-in.lockout')).toMatchObject({ address: '127.0.0.1' });
    expect(log.filter((l) => l.msg === 'request').at(-1)).toMatchObject({ req: { remoteAddress: '127.0.0.1' } });
  });

  it('is read from the environment as Fastify takes it, and a bad value is a clear error', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    // Fastify ignores a hop count (it would trust no one): refused rather than silently off.
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY takes no hop count/);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,' }).trustProxy).toEqual(['127.0.0.1']);
    for (const bad of ['proxy.example.com', '10.0.0.0/33', '1.2.3', '127.0.0.1/8/8']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be true, false or a comma list/);
    }
  });
});

describe('LOG_LEVEL', () => {
  it('defaults to info and accepts only pino levels', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn/);
  });
});
