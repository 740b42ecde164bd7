/**
 * Console-only mode (SERVE=console, console-only.ts) on a minimal build: a config.json from the
 * environment checked against the console's JSON Schema, the console's headers, the fallback to
 * index.html under the base path, and no API.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildConsoleOnlyApp, consoleConfigFromEnv } from '../../src/console-only.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;

/** A build for `base`: index.html loading `${base}assets/…`, one asset, and the published schema. */
function fakeBuild(base: string): string {
  const out = join(dir, base.replace(/\W/g, '_'));
  mkdirSync(join(out, 'assets'), { recursive: true });
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><html><head><script type="module" src="${base}assets/index-abc.js"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(out, 'assets/index-abc.js'), 'console.log(1);');
  cpSync(join(ROOT, 'public/config.schema.json'), join(out, 'config.schema.json'));
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'groups-console-only-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings', () => {
  it('SERVE and BASE_PATH are read and normalized', () => {
    expect(loadConfig({ SERVE: 'console', BASE_PATH: 'groups-console' })).toMatchObject({
      serve: 'console',
      basePath: '/groups-console/',
    });
    expect(loadConfig({})).toMatchObject({ serve: 'all', basePath: '/' });
    expect(() => loadConfig({ SERVE: 'api' })).toThrow(/SERVE must be all or console/);
    expect(() => loadConfig({ BASE_PATH: '/a b/' })).toThrow(/BASE_PATH must be a path/);
    expect(() => loadConfig({ BASE_PATH: '/groups-console/' })).toThrow(/with SERVE=console only/);
  });

  it.each([
    [{ CONSOLE_REGION: 'eu_west_1' }, /CONSOLE_CLIENT_ID is required/],
    [{ CONSOLE_CLIENT_ID: 'c' }, /set CONSOLE_REGION .* or both CONSOLE_API_BASE and CONSOLE_LOGIN_BASE/],
    [{ CONSOLE_CLIENT_ID: 'c', CONSOLE_REGION: 'eu_west_1', CONSOLE_API_BASE: 'https://api.example.com' }, /not both/],
    [
      { CONSOLE_CLIENT_ID: 'c', CONSOLE_REGION: 'mars_1' },
      /CONSOLE_REGION: must be equal to one of the allowed values/,
    ],
    [
      { CONSOLE_CLIENT_ID: 'c', CONSOLE_API_BASE: 'https://api.example.com/v2', CONSOLE_LOGIN_BASE: 'https://x.com' },
      /CONSOLE_API_BASE: must match pattern/,
    ],
    [{ CONSOLE_CLIENT_ID: 'c', CONSOLE_REGION: 'eu_west_1', CONSOLE_PINNED: 'maybe' }, /CONSOLE_PINNED must be 1 or 0/],
  ])('a wrong setting stops the start with its name: %j', (env, message) => {
    const build = fakeBuild('/');
    expect(() => consoleConfigFromEnv(env, build)).toThrow(ConfigError);
    expect(() => consoleConfigFromEnv(env, build)).toThrow(message);
  });

  it('a build made for another base path is refused', () => {
    const build = fakeBuild('/groups-console/');
    expect(() =>
      buildConsoleOnlyApp({
        staticDir: build,
        basePath: '/',
        env: { CONSOLE_REGION: 'eu_west_1', CONSOLE_CLIENT_ID: 'c' },
      }),
    ).toThrow(/built for BASE_PATH=\/groups-console\/, not \//);
  });
});

describe('serving under /groups-console/ for a custom API', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = buildConsoleOnlyApp({
      staticDir: fakeBuild('/groups-console/'),
      basePath: '/groups-console/',
      env: {
        CONSOLE_API_BASE: 'https://api.example.com',
        CONSOLE_LOGIN_BASE: 'https://login.example.com',
        CONSOLE_CLIENT_ID: 'org-client',
        CONSOLE_PINNED: '0',
      },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('writes config.json from the environment, never cached', async () => {
    const res = await app.inject({ url: '/groups-console/config.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.json()).toEqual({
      $schema: './config.schema.json',
      environment: {
        kind: 'custom',
        apiBase: 'https://api.example.com',
        loginBase: 'https://login.example.com',
        clientId: 'org-client',
      },
      pinned: false,
    });
  });

  it('serves index.html for client-side routes with the console’s headers, its CSP allowing the API', async () => {
    const res = await app.inject({ url: '/groups-console/groups/abc?tab=members', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' https://api.example.com https://login.example.com");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ url: '/groups-console/assets/index-abc.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends / to the base path, and answers 404 for the API, sign-in and missing assets', async () => {
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/groups-console/');
    for (const url of ['/api/v2/groups', '/oauth/authorize', '/groups-console/assets/missing.js', '/elsewhere']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(404);
    }
    const post = await app.inject({ method: 'POST', url: '/oauth/token', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ status: 404, code: 'not.found' });
  });

  it('answers the health and readiness checks', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('answers /version', async () => {
    const res = await app.inject({ url: '/version' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: expect.any(String), node: process.version });
  });
});

describe('the access log of console-only mode', () => {
  it('writes one line per request with the client address, and never the sign-in callback’s code', async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = buildConsoleOnlyApp({
      staticDir: fakeBuild('/'),
      basePath: '/',
      env: { CONSOLE_REGION: 'eu_west_1', CONSOLE_CLIENT_ID: 'c' },
      logger: true,
      trustProxy: ['127.0.0.1'],
      logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    try {
      const res = await logged.inject({
        url: '/auth/callback?code=the-secret-code&state=the-state',
        headers: { accept: 'text/html', 'x-forwarded-for': '203.0.113.9' },
      });
      expect(res.statusCode).toBe(200);
      const access = lines.filter((l) => l.msg === 'request');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({
        req: { method: 'GET', url: '/auth/callback?code=REDACTED&state=REDACTED', remoteAddress: '203.0.113.9' },
        res: { statusCode: 200 },
      });
      expect(JSON.stringify(lines)).not.toContain('the-secret-code');
    } finally {
      await logged.close();
    }
  });
});
