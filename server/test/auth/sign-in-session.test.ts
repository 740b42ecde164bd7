/**
 * The remembered sign-in: a password sign-in at /oauth/authorize leaves a session cookie; a later
 * authorize request with it is answered with the redirect and no form (unless prompt=login); /logout
 * ends it; idle and maximum age, a new password, a deactivated user and an account lockout end it too.
 * A fake clock: no sleeping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../src/app.js';
import type { SignInSessionSettings } from '../../src/auth/sign-in-sessions.js';
import { DATABASE_FILE_NAME, openDataDir } from '../../src/db/open.js';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { hashPassword } from '../../src/domain/passwords.js';
import { createApp } from '../../src/http/server.js';
import { copyDemoDatabase } from '../support/demo-template.js';
import { pkcePair } from '../support/sign-in.js';

let dataDir: string;
let db: Database;
let app: FastifyInstance;
let clock: number;

let log: string[];

async function start(
  options: {
    signInSessions?: Partial<SignInSessionSettings>;
    trustProxy?: boolean;
    logger?: boolean;
    logStream?: { write(line: string): void };
  } = {},
): Promise<void> {
  clock = Date.parse('2026-11-28T09:00:00Z');
  log = [];
  app = createApp({ db, handlers, rateLimitPerMinute: 0, now: () => clock, ...options });
  await app.ready();
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'groups-sign-in-session-'));
  copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME));
  db = openDataDir(dataDir, 'demo');
});
afterEach(async () => {
  await app?.close();
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const advance = (seconds: number) => {
  clock += seconds * 1000;
};

const REDIRECT = 'http://127.0.0.1:5173/auth/callback';
const ADMIN = PERSONAS.admin.email;
const COOKIE = 'groups_sign_in';

const authorizeParams = (extra: Record<string, string> = {}) => ({
  client_id: 'groups-console',
  response_type: 'code',
  redirect_uri: REDIRECT,
  state: 'st',
  code_challenge: pkcePair().challenge,
  code_challenge_method: 'S256',
  ...extra,
});

const setCookies = (res: LightMyRequestResponse): string[] => {
  const header = res.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

/** The session id the response sets (the same on every path), or undefined. */
function sessionSet(res: LightMyRequestResponse): string | undefined {
  const values = setCookies(res)
    .map((line) => new RegExp(`^${COOKIE}=([^;]*)`).exec(line)?.[1])
    .filter((v): v is string => v !== undefined);
  return values[0] || undefined;
}

const cleared = (res: LightMyRequestResponse) =>
  setCookies(res).length > 0 &&
  setCookies(res).every((line) => line.startsWith(`${COOKIE}=;`) && /Max-Age=0/.test(line));

function signIn(email = ADMIN, password = 'demo', headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/oauth/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams({ ...authorizeParams(), email, password }).toString(),
  });
}

const authorize = (cookie: string | undefined, extra: Record<string, string> = {}) =>
  app.inject({
    method: 'GET',
    url: `/oauth/authorize?${new URLSearchParams(authorizeParams(extra))}`,
    headers: cookie ? { cookie: `theme=dark; ${COOKIE}=${cookie}` } : {},
  });

/** Whether the answer is the sign-in form (not a redirect with a code). */
const showsForm = (res: LightMyRequestResponse) =>
  res.statusCode === 200 && res.body.includes('<input id="password"') && !res.headers.location;

const codeOf = (res: LightMyRequestResponse) => {
  expect(res.statusCode).toBe(302);
  const location = new URL(String(res.headers.location));
  expect(location.origin + location.pathname).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('st');
  return location.searchParams.get('code');
};

async function signedIn(email = ADMIN): Promise<string> {
  const res = await signIn(email);
  expect(res.statusCode).toBe(302);
  const id = sessionSet(res);
  expect(id).toBeTruthy();
  return id as string;
}

describe('the sign-in session cookie', () => {
  it('is set by a password sign-in on the authorize and logout paths: HttpOnly, SameSite=Lax, no Secure over http', async () => {
    await start();
    const res = await signIn();
    expect(res.statusCode).toBe(302);
    const lines = setCookies(res);
    expect(lines.map((line) => /Path=([^;]+)/.exec(line)?.[1]).sort()).toEqual(['/logout', '/oauth/authorize']);
    for (const line of lines) {
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).not.toMatch(/Secure/);
      expect(line).not.toMatch(/Domain=/);
    }
    const id = sessionSet(res) as string;
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only a hash of the id is kept.
    const stored = db.prepare('SELECT session_hash FROM sign_in_sessions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(id);
  });

  it('is Secure behind a trusted proxy that says https, and not when the proxy is not trusted', async () => {
    await start({ trustProxy: true });
    const res = await signIn(ADMIN, 'demo', { 'x-forwarded-proto': 'https' });
    for (const line of setCookies(res)) expect(line).toMatch(/; Secure/);
    await app.close();
    await start();
    const untrusted = await signIn(ADMIN, 'demo', { 'x-forwarded-proto': 'https' });
    for (const line of setCookies(untrusted)) expect(line).not.toMatch(/Secure/);
  });

  it('is not set by a failed sign-in', async () => {
    await start();
    const res = await signIn(ADMIN, 'wrong');
    expect(res.statusCode).toBe(400);
    expect(sessionSet(res)).toBeUndefined();
  });
});

describe('a later authorize request with the cookie', () => {
  it('redirects with a code at once, and the code gives a token for the same user', async () => {
    await start();
    const id = await signedIn();
    const pair = pkcePair();
    const res = await app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams({ ...authorizeParams(), code_challenge: pair.challenge })}`,
      headers: { cookie: `${COOKIE}=${id}` },
    });
    const code = codeOf(res) as string;
    expect(res.headers['cache-control']).toBe('no-store');
    const token = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: pair.verifier,
        client_id: 'groups-console',
        redirect_uri: REDIRECT,
      }).toString(),
    });
    expect(token.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v2/users/me',
      headers: { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` },
    });
    expect(me.json<{ email: string }>().email).toBe(ADMIN);
  });

  it('works for the implicit grant too', async () => {
    await start();
    const id = await signedIn();
    const res = await authorize(id, { response_type: 'token' });
    expect(res.statusCode).toBe(302);
    expect(new URL(String(res.headers.location)).hash).toMatch(/access_token=/);
  });

  it('still checks the request: an unregistered redirect URI gets the error page, not a code', async () => {
    await start();
    const id = await signedIn();
    const res = await authorize(id, { redirect_uri: 'https://elsewhere.example/auth/callback' });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('shows the form with prompt=login, and keeps the session until the form is sent', async () => {
    await start();
    const id = await signedIn();
    const res = await authorize(id, { prompt: 'login' });
    expect(showsForm(res)).toBe(true);
    expect(setCookies(res)).toEqual([]);
    expect(codeOf(await authorize(id))).toBeTruthy();
  });

  it('a new password sign-in replaces the previous session', async () => {
    await start();
    const first = await signedIn();
    const second = sessionSet(await signIn(ADMIN, 'demo', { cookie: `${COOKIE}=${first}` })) as string;
    expect(second).not.toBe(first);
    expect(showsForm(await authorize(first))).toBe(true);
    expect(codeOf(await authorize(second))).toBeTruthy();
  });

  it('shows the form for an unknown or malformed cookie, and clears it', async () => {
    await start();
    for (const value of ['x'.repeat(43), 'not a session', '']) {
      const res = await authorize(value || undefined);
      expect(showsForm(res)).toBe(true);
      if (value) expect(cleared(res)).toBe(true);
    }
  });

  it('is turned off with an idle time of 0: no cookie, the form every time', async () => {
    await start({ signInSessions: { idleSeconds: 0 } });
    const res = await signIn();
    expect(res.statusCode).toBe(302);
    expect(sessionSet(res)).toBeUndefined();
  });
});

describe('the end of a session', () => {
  it('expires after 8 hours unused; each use restarts the idle time', async () => {
    await start();
    const id = await signedIn();
    advance(7 * 3600);
    expect(codeOf(await authorize(id))).toBeTruthy();
    advance(7 * 3600);
    expect(codeOf(await authorize(id))).toBeTruthy();
    advance(8 * 3600 + 1);
    const res = await authorize(id);
    expect(showsForm(res)).toBe(true);
    expect(cleared(res)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM sign_in_sessions').pluck().get()).toBe(0);
  });

  it('expires at its maximum age however often it is used', async () => {
    await start({ signInSessions: { idleSeconds: 3600, maxSeconds: 3 * 3600 } });
    const id = await signedIn();
    for (let i = 0; i < 5; i++) {
      advance(2000);
      expect(codeOf(await authorize(id))).toBeTruthy();
    }
    advance(1000);
    expect(showsForm(await authorize(id))).toBe(true);
  });

  it('ends at /logout, which clears the cookie and redirects to a registered redirect URI of the client', async () => {
    await start({ logger: true, logStream: { write: (line: string) => log.push(line) } });
    const id = await signedIn();
    const res = await app.inject({
      method: 'GET',
      url: `/logout?${new URLSearchParams({ client_id: 'groups-console', redirect_uri: REDIRECT })}`,
      headers: { cookie: `${COOKIE}=${id}` },
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(REDIRECT);
    expect(cleared(res)).toBe(true);
    expect(showsForm(await authorize(id))).toBe(true);
    const event = log.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.event === 'sign-out');
    expect(event).toMatchObject({ userId: PERSONAS.admin.id });
    expect(log.join('')).not.toContain(id);
  });

  it('/logout never redirects to an unregistered URI (it still signs out), and without one shows a page', async () => {
    await start();
    const id = await signedIn();
    const refused = await app.inject({
      method: 'GET',
      url: `/logout?${new URLSearchParams({ client_id: 'groups-console', redirect_uri: 'https://evil.example/' })}`,
      headers: { cookie: `${COOKIE}=${id}` },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers.location).toBeUndefined();
    expect(showsForm(await authorize(id))).toBe(true);

    const unknownClient = await app.inject({
      method: 'GET',
      url: `/logout?${new URLSearchParams({ client_id: 'nobody', redirect_uri: REDIRECT })}`,
    });
    expect(unknownClient.statusCode).toBe(400);
    expect(unknownClient.headers.location).toBeUndefined();

    const plain = await app.inject({ method: 'GET', url: '/logout' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Signed out');
  });

  it('ends when the password changes', async () => {
    await start();
    const id = await signedIn();
    db.prepare('UPDATE users SET password_hash = ? WHERE email = ?').run(hashPassword('a new one'), ADMIN);
    expect(showsForm(await authorize(id))).toBe(true);
  });

  it('ends when the user is deactivated', async () => {
    await start();
    const id = await signedIn();
    db.prepare(`UPDATE users SET state = 'inactive' WHERE email = ?`).run(ADMIN);
    expect(showsForm(await authorize(id))).toBe(true);
    // Reactivated, the session is still gone.
    db.prepare(`UPDATE users SET state = 'active' WHERE email = ?`).run(ADMIN);
    expect(showsForm(await authorize(id))).toBe(true);
  });

  it('ends when the account is locked by failed sign-ins, also after the lockout', async () => {
    await start();
    const id = await signedIn();
    const other = await signedIn(PERSONAS.editor.email);
    for (let i = 0; i < 5; i++) await signIn(ADMIN, `wrong-${i}`);
    expect(showsForm(await authorize(id))).toBe(true);
    advance(61);
    expect(showsForm(await authorize(id))).toBe(true);
    // Another account's session is not touched.
    expect(codeOf(await authorize(other))).toBeTruthy();
  });
});
