/**
 * The server as started by `npm start` (main.ts in a child process) and the console's static files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../src/db/open.js';
import { CONSOLE_CSP } from '../../src/http/headers.js';
import { copyDemoDatabase } from '../support/demo-template.js';
import { startServer, type TestServer } from '../support/server.js';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;

interface Child {
  url: Promise<string>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SKIP_BUILD: '1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`main.ts exited before listening: ${stderr}`)));
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  url.catch(() => undefined);
  return { url, exit, kill: (signal) => child.kill(signal) };
}

describe('npm start (main.ts)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'groups-main-'));
    // The demo org as a first start seeds it (a copy of the run's template: see support/demo-template.ts).
    copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs one line with the URL and the sign-ins, and keeps committed writes through SIGTERM', async () => {
    const server = startMain({ DATA_DIR: dataDir, SEED: 'demo', RATE_LIMIT_PER_MINUTE: '0' });
    const url = await server.url;
    const tokenRes = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from('demo-admin:demo-admin-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const created = await fetch(`${url}/api/v2/groups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Written just before shutdown',
        type: 'social',
        visibility: 'public',
        rulesVisible: true,
      }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };

    server.kill('SIGTERM');
    const { code, stdout } = await server.exit;
    expect(code).toBe(0);
    // Besides the banner, only the sign-in audit line (JSON, one per sign-in event).
    const all = stdout.trim().split('\n');
    const lines = all.filter((line) => !line.startsWith('{'));
    expect(
      all.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { event: string }).event),
    ).toEqual(['client-credentials.success']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/http:\/\/127\.0\.0\.1:\d+\//);
    expect(lines[0]).toContain('admin@example.com / demo');
    // Checkpointed and closed: no WAL left behind, and the write is in the database file.
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false);
    const db = openDatabase(join(dataDir, DATABASE_FILE_NAME), { seed: 'none' });
    try {
      expect(db.prepare('SELECT name FROM groups WHERE id = ?').get(id)).toEqual({
        name: 'Written just before shutdown',
      });
    } finally {
      db.close();
    }
  });

  it('refuses bad settings with a clear message', async () => {
    const server = startMain({ DATA_DIR: dataDir, PORT: 'eighty', SEED: 'huge' });
    const { code, stderr } = await server.exit;
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid server configuration');
    expect(stderr).toContain('PORT must be a whole number');
    expect(stderr).toContain('SEED must be demo, large or none');
  });
});

describe('the console’s static files', () => {
  let server: TestServer;
  let staticDir: string;
  const page = (path: string, accept = 'text/html,application/xhtml+xml') =>
    fetch(`${server.url}${path}`, { headers: { Accept: accept } });

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'groups-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Groups Console</title><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'index-AbC123.js'), 'console.log("app")');
    writeFileSync(join(staticDir, 'assets', 'roster.worker-AbC123.js'), 'self.onmessage = () => {}');
    writeFileSync(join(staticDir, 'config.json'), '{"mode":"embedded"}');
    // A built asset with its build-time copies; each copy says which one it is.
    const script = (variant: string) => `export const variant = '${variant}';\n${'// padding\n'.repeat(200)}`;
    writeFileSync(join(staticDir, 'assets', 'big-XyZ789.js'), script('original'));
    writeFileSync(join(staticDir, 'assets', 'big-XyZ789.js.br'), brotliCompressSync(script('br')));
    writeFileSync(join(staticDir, 'assets', 'big-XyZ789.js.gz'), gzipSync(script('gzip')));
    server = await startServer({ staticDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and the console’s Content-Security-Policy', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONSOLE_CSP).toMatch(/connect-src 'self' .*https:\/\/\*\.mypurecloud\.com .*https:\/\/\*\.pure\.cloud/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('gives a Web Worker’s script the console’s policy, which the worker runs under; other scripts the short one', async () => {
    const worker = await page('/assets/roster.worker-AbC123.js', '*/*');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(worker.headers.get('referrer-policy')).toBe('no-referrer');
    const script = await page('/assets/index-AbC123.js', '*/*');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    // Framing and referrer policies do nothing on a script a page runs.
    expect(script.headers.get('x-frame-options')).toBeNull();
    expect(script.headers.get('referrer-policy')).toBeNull();
    const api = await page('/config.json', 'application/json');
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('falls back to index.html for the console’s routes', async () => {
    for (const path of ['/groups', '/groups/9c3d4e5f-0001-4b00-9a00-000000000001/members', '/auth/callback?code=x']) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('caches hashed assets for long and config.json not at all', async () => {
    const asset = await page('/assets/index-AbC123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Never revalidated, so nothing to revalidate with.
    expect(asset.headers.get('etag')).toBeNull();
    expect(asset.headers.get('last-modified')).toBeNull();
    const config = await page('/config.json', 'application/json');
    expect(config.status).toBe(200);
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect(config.headers.get('etag')).toBeTruthy();
    expect(await config.json()).toEqual({ mode: 'embedded' });
  });

  it('sends the build’s Brotli or gzip copy of an asset to browsers that accept it', async () => {
    const get = (encoding: string) =>
      fetch(`${server.url}/assets/big-XyZ789.js`, { headers: { 'Accept-Encoding': encoding } });
    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await br.text()).toContain("variant = 'br'");
    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toContain("variant = 'gzip'");
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain("variant = 'original'");
  });

  it('answers JSON 404s, not the page, for API paths, missing assets and non-HTML requests', async () => {
    for (const [path, accept] of [
      ['/api/v2/nothing', 'text/html'],
      ['/oauth/nothing', 'text/html'],
      ['/assets/missing-123.js', 'text/html'],
      ['/groups', 'application/json'],
    ] as const) {
      const res = await page(path, accept);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'not.found', status: 404 });
    }
  });

  it('still serves the API next to the console', async () => {
    const res = await fetch(`${server.url}/api/v2/groups?pageSize=1`, {
      headers: { Authorization: `Bearer ${server.tokenFor('admin')}` },
    });
    expect(res.status).toBe(200);
  });
});
