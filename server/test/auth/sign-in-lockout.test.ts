/**
 * Throttled sign-in: the account lockout (5 failures in 15 minutes lock for 1, 5, 15 minutes), its
 * reset on success, Retry-After, the per-address limit, client-credentials throttling, the audit log
 * lines, and the refusal to expose the demo org on a non-loopback HOST. A fake clock: no sleeping.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../src/app.js';
import { checkDemoExposure, isLoopbackHost } from '../../src/auth/exposure.js';
import { loadConfig, REPO_ROOT } from '../../src/config.js';
import { DATABASE_FILE_NAME, openDataDir } from '../../src/db/open.js';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { createApp } from '../../src/http/server.js';
import { copyDemoDatabase } from '../support/demo-template.js';
import { pkcePair } from '../support/sign-in.js';

let dataDir: string;
let db: Database;
let app: FastifyInstance;
let clock: number;
let logLines: Record<string, unknown>[];
let rawLog: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'groups-lockout-'));
  copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME)); // the demo org, seeded once per run
  db = openDataDir(dataDir, 'demo');
});
afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh app (fresh throttles) on the shared database, with a fake clock and a captured log. */
async function start(signInLockout = {}): Promise<void> {
  clock = Date.parse('2026-11-28T09:00:00Z');
  logLines = [];
  rawLog = '';
  app = createApp({
    db,
    handlers,
    rateLimitPerMinute: 0,
    now: () => clock,
    logger: true,
    logStream: {
      write(line: string) {
        rawLog += line;
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
    signInLockout,
  });
  await app.ready();
}
afterEach(() => app?.close());

const advance = (seconds: number) => {
  clock += seconds * 1000;
};

const REDIRECT = 'http://127.0.0.1:5173/auth/callback';
const ADMIN = PERSONAS.admin.email;

function signIn(email: string, password: string, remoteAddress = '127.0.0.1') {
  const { challenge } = pkcePair();
  const form = new URLSearchParams({
    client_id: 'groups-console',
    response_type: 'code',
    redirect_uri: REDIRECT,
    state: 'st',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    email,
    password,
  });
  const options: InjectOptions = {
    method: 'POST',
    url: '/oauth/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
    remoteAddress,
  };
  return app.inject(options);
}

const clientCredentials = (id: string, secret: string) =>
  app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
    },
    payload: 'grant_type=client_credentials',
  });

async function failTimes(times: number, email = ADMIN, address?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(email, `wrong-${i}`, address)).statusCode);
  return statuses;
}

/** The alert of the sign-in page. */
const alertOf = (html: string) => /<p role="alert" id="sign-in-error">([^<]*)<\/p>/.exec(html)?.[1];

describe('the account lockout', () => {
  it('locks an account on the fifth failure within 15 minutes for 1, then 5, then 15 minutes', async () => {
    await start();
    expect(await failTimes(4)).toEqual([400, 400, 400, 400]);

    const fifth = await signIn(ADMIN, 'still-wrong');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe('60');
    expect(alertOf(fifth.body)).toBe(
      'Too many failed sign-in attempts. Sign-in is paused for your security: try again in 1 minute.',
    );

    // While locked, even the right password is refused, with the time left.
    advance(20);
    const locked = await signIn(ADMIN, 'demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('40');
    expect(alertOf(locked.body)).toContain('try again in 40 seconds.');

    // Once it has ended, the next lockout is longer: 5 minutes, then 15, then 15 again.
    advance(40);
    for (const [seconds, words] of [
      [300, '5 minutes'],
      [900, '15 minutes'],
      [900, '15 minutes'],
    ] as const) {
      expect(await failTimes(4)).toEqual([400, 400, 400, 400]);
      const next = await signIn(ADMIN, 'wrong');
      expect(next.statusCode).toBe(429);
      expect(next.headers['retry-after']).toBe(String(seconds));
      expect(alertOf(next.body)).toContain(`try again in ${words}`);
      advance(seconds - 1);
      expect((await signIn(ADMIN, 'demo')).headers['retry-after']).toBe('1');
      advance(1);
    }
  });

  it('lets the right password in once the lockout has ended', async () => {
    await start();
    await failTimes(5);
    advance(59);
    expect((await signIn(ADMIN, 'demo')).statusCode).toBe(429);
    advance(1);
    const res = await signIn(ADMIN, 'demo');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:5173\/auth\/callback\?code=/);
  });

  it('resets the count on a success: four failures, a success, four failures do not lock', async () => {
    await start();
    expect(await failTimes(4)).toEqual([400, 400, 400, 400]);
    expect((await signIn(ADMIN, 'demo')).statusCode).toBe(302);
    expect(await failTimes(4)).toEqual([400, 400, 400, 400]);
    expect((await signIn(ADMIN, 'demo')).statusCode).toBe(302);
  });

  it('counts only the failures of the last 15 minutes', async () => {
    await start();
    await failTimes(4);
    advance(15 * 60 + 1);
    expect(await failTimes(4)).toEqual([400, 400, 400, 400]);
    expect((await signIn(ADMIN, 'wrong')).statusCode).toBe(429);
  });

  it('counts emails case-insensitively and locks only that account', async () => {
    await start();
    await failTimes(4, 'Admin@Example.com');
    expect((await signIn(ADMIN, 'wrong')).statusCode).toBe(429);
    expect((await signIn(PERSONAS.editor.email, 'demo')).statusCode).toBe(302);
  });

  it('answers an unknown account exactly like an existing one, so a lockout reveals nothing', async () => {
    await start();
    const unknown = 'nobody@example.com';
    const known = await failTimes(5, ADMIN);
    const missing = await failTimes(5, unknown);
    expect(missing).toEqual(known);
    const a = await signIn(ADMIN, 'x');
    const b = await signIn(unknown, 'x');
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.headers['retry-after']).toBe(a.headers['retry-after']);
    expect(alertOf(b.body)).toBe(alertOf(a.body));
  });

  it('throttles one client address across accounts after 20 failures', async () => {
    await start();
    const attacker = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(`user${i}@example.com`, 'guess', attacker)).statusCode);
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(400));
    expect(statuses[19]).toBe(429);
    const blocked = await signIn(ADMIN, 'demo', attacker);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBe(60);
    // Another address, and the same accounts, are not affected.
    expect((await signIn(ADMIN, 'demo', '198.51.100.2')).statusCode).toBe(302);
  });

  it('follows its settings, and is off with maxFailures 0', async () => {
    await start({ maxFailures: 2, lockoutSeconds: [10] });
    expect(await failTimes(2)).toEqual([400, 429]);
    await start({ maxFailures: 0, maxFailuresPerAddress: 0 });
    expect(new Set(await failTimes(30))).toEqual(new Set([400]));
  });
});

describe('client credentials', () => {
  it('locks a client id after five wrong secrets, with Retry-After, and a success resets it', async () => {
    await start();
    for (let i = 0; i < 4; i++) expect((await clientCredentials('demo-admin', 'wrong')).statusCode).toBe(401);
    const fifth = await clientCredentials('demo-admin', 'wrong');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe('60');
    expect(fifth.json()).toMatchObject({
      status: 429,
      code: 'too.many.requests',
      error: 'temporarily_unavailable',
      message: 'Too many failed attempts for this client. Try again in 1 minute.',
    });
    expect((await clientCredentials('demo-admin', 'demo-admin-secret')).statusCode).toBe(429);
    // Other clients are not affected.
    expect((await clientCredentials('demo-viewer', 'demo-viewer-secret')).statusCode).toBe(200);

    advance(60);
    expect((await clientCredentials('demo-admin', 'demo-admin-secret')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await clientCredentials('demo-admin', 'wrong')).statusCode).toBe(401);
  });

  it('throttles unknown client ids the same way', async () => {
    await start();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await clientCredentials('no-such-client', 'x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('the audit log', () => {
  const events = () => logLines.filter((l) => typeof l.event === 'string');

  it('writes one structured line per success, failure, lockout, refusal and revocation, without secrets', async () => {
    await start();
    await signIn(PERSONAS.editor.email, 'demo');
    await failTimes(5, ADMIN, '192.0.2.9');
    await signIn(ADMIN, 'demo', '192.0.2.9');
    await signIn('ghost@example.com', 'my-secret-typo');
    await clientCredentials('demo-viewer', 'nope');
    const issued = await clientCredentials('demo-viewer', 'demo-viewer-secret');
    const token = (issued.json() as { access_token: string }).access_token;
    const revoked = await app.inject({
      method: 'DELETE',
      url: '/api/v2/tokens/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(204);

    const editor = db.prepare('SELECT id FROM users WHERE email = ?').get(PERSONAS.editor.email) as { id: string };
    const admin = db.prepare('SELECT id FROM users WHERE email = ?').get(ADMIN) as { id: string };
    const lines = events().map(({ event, msg, level, userId, email, clientId, address, reason, by }) => ({
      event,
      msg,
      level,
      ...(userId ? { userId } : {}),
      ...(email ? { email } : {}),
      clientId,
      ...(address ? { address } : {}),
      ...(reason ? { reason } : {}),
      ...(by ? { by } : {}),
    }));
    const failure = {
      event: 'sign-in.failure',
      msg: 'sign in failure',
      level: 30,
      userId: admin.id,
      email: ADMIN,
      clientId: 'groups-console',
      address: '192.0.2.9',
      reason: 'wrong password',
    };
    expect(lines).toEqual([
      {
        event: 'sign-in.success',
        msg: 'sign in success',
        level: 30,
        userId: editor.id,
        email: PERSONAS.editor.email,
        clientId: 'groups-console',
        address: '127.0.0.1',
      },
      failure,
      failure,
      failure,
      failure,
      failure,
      { ...failure, event: 'sign-in.lockout', msg: 'sign in lockout', level: 40, reason: undefined, by: 'account' },
      { event: 'sign-in.refused', msg: 'sign in refused', level: 40, clientId: 'groups-console', address: '192.0.2.9' },
      // An unknown account: no email in the log (it may be a password typed into the wrong field).
      {
        event: 'sign-in.failure',
        msg: 'sign in failure',
        level: 30,
        clientId: 'groups-console',
        address: '127.0.0.1',
        reason: 'unknown account',
      },
      {
        event: 'client-credentials.failure',
        msg: 'client credentials failure',
        level: 30,
        clientId: 'demo-viewer',
        address: '127.0.0.1',
        reason: 'wrong secret',
      },
      {
        event: 'client-credentials.success',
        msg: 'client credentials success',
        level: 30,
        clientId: 'demo-viewer',
        address: '127.0.0.1',
      },
      { event: 'token.revoked', msg: 'token revoked', level: 30, clientId: 'demo-viewer' },
    ]);
    expect(logLines.find((l) => l.event === 'sign-in.lockout')).toMatchObject({ lockoutSeconds: 60 });
    expect(logLines.find((l) => l.event === 'token.revoked')).toMatchObject({ revoked: true });
    for (const secret of ['demo', 'wrong-0', 'my-secret-typo', 'ghost@example.com', 'demo-viewer-secret', token]) {
      expect(rawLog).not.toMatch(new RegExp(`"${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
    }
    expect(rawLog).not.toContain(token);
  });
});

describe('exposing the demo org', () => {
  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '', '192.168.1.10', 'example.com', '10.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses SEED=demo on a non-loopback HOST unless ALLOW_EXPOSED_DEMO says so, and warns either way', () => {
    expect(checkDemoExposure({ host: '127.0.0.1', seed: 'demo', allowExposedDemo: false })).toEqual({ refuse: false });
    expect(checkDemoExposure({ host: '0.0.0.0', seed: 'none', allowExposedDemo: false })).toEqual({ refuse: false });
    const refused = checkDemoExposure({ host: '0.0.0.0', seed: 'demo', allowExposedDemo: false });
    expect(refused.refuse).toBe(true);
    expect(refused.warning).toMatch(/^Refusing to start: HOST=0\.0\.0\.0 .*ALLOW_EXPOSED_DEMO=1/);
    const allowed = checkDemoExposure({ host: '0.0.0.0', seed: 'demo', allowExposedDemo: true });
    expect(allowed.refuse).toBe(false);
    expect(allowed.warning).toMatch(/^Warning: HOST=0\.0\.0\.0 makes the demo org/);
  });

  it('reads the settings, with their defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.allowExposedDemo).toBe(false);
    expect(defaults.signInLockout).toEqual({
      maxFailures: 5,
      maxFailuresPerAddress: 20,
      windowSeconds: 900,
      lockoutSeconds: [60, 300, 900],
    });
    const set = loadConfig({
      ALLOW_EXPOSED_DEMO: '1',
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '0',
      SIGN_IN_FAILURE_WINDOW_SECONDS: '60',
      SIGN_IN_LOCKOUT_SECONDS: '30, 120',
    });
    expect(set.allowExposedDemo).toBe(true);
    expect(set.signInLockout).toEqual({
      maxFailures: 3,
      maxFailuresPerAddress: 0,
      windowSeconds: 60,
      lockoutSeconds: [30, 120],
    });
    expect(() => loadConfig({ SIGN_IN_LOCKOUT_SECONDS: '1m' })).toThrow(/SIGN_IN_LOCKOUT_SECONDS must be a comma list/);
  });

  it('the server exits with the refusal when started on 0.0.0.0 with the demo seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'groups-exposed-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: REPO_ROOT,
        env: { ...process.env, HOST: '0.0.0.0', PORT: '0', SEED: 'demo', DATA_DIR: dir, SKIP_BUILD: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Refusing to start: HOST=0.0.0.0');
      expect(run.stdout).not.toMatch(/ on http:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
