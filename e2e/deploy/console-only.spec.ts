import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoSeriousA11yViolations, expect, test } from '../support/fixtures';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { PERSONA_PASSWORD as PASSWORD, PERSONAS } from '../support/data';

/**
 * The console as an org hosts it (docs/deploy.md): built for a sub-path, served by the server in
 * console-only mode (SERVE=console: the console, its headers and a config.json from the environment,
 * no API), pinned to an API and sign-in on another origin. A second embedded server stands in for
 * the org, with the console's origin in CORS_ORIGINS.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = '/groups-console/';

let outDir: string;
let org: OwnServer;
let consoleServer: ChildProcess | undefined;
let consoleOrigin: string;
let output = '';
let startedAt = 0;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  outDir = mkdtempSync(join(tmpdir(), 'groups-console-subpath-'));
  // BASE_PATH=/groups-console/ npm run build, into a folder of its own.
  const build = spawnSync('npm', ['run', 'build', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, BASE_PATH: BASE },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`The sub-path build failed:\n${build.stdout}\n${build.stderr}`);

  const port = await freePort();
  consoleOrigin = `http://127.0.0.1:${port}`;
  org = await startOwnServer({ env: { CORS_ORIGINS: consoleOrigin } });

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SERVE: 'console',
      HOST: '127.0.0.1',
      PORT: String(port),
      STATIC_DIR: outDir,
      BASE_PATH: BASE,
      CONSOLE_API_BASE: org.baseURL,
      CONSOLE_LOGIN_BASE: org.baseURL,
      CONSOLE_CLIENT_ID: 'groups-console',
      CONSOLE_LABEL: 'Stand-in org',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  consoleServer = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The console-only server did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes(`(console only) on ${consoleOrigin}${BASE}`)) {
        startedAt = Date.now();
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The console-only server exited (${String(code)}):\n${output}`));
    });
  });
});

test.afterAll(async () => {
  consoleServer?.kill('SIGTERM');
  await org?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('an administrator signs in across origins under a sub-path and lists groups', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v2/')) apiCalls.push(new URL(request.url()).origin);
  });

  await page.goto(`${consoleOrigin}${BASE}groups?q=staff`);
  // The org's sign-in page, asked to come back to the sub-path's callback.
  await page.waitForURL((url) => url.origin === org.baseURL && url.pathname === '/oauth/authorize');
  expect(new URL(page.url()).searchParams.get('redirect_uri')).toBe(`${consoleOrigin}${BASE}auth/callback`);
  await page.getByLabel('Email').fill(PERSONAS.admin.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.waitForURL(`${consoleOrigin}${BASE}groups?q=staff`);
  await expect(page.getByTestId('user-name')).toHaveText(PERSONAS.admin.name);
  await expect(page.getByTestId('environment')).toHaveText('Stand-in org');
  await expect(page.getByRole('link', { name: 'All Staff' }).first()).toBeVisible();
  expect(apiCalls.length).toBeGreaterThan(0);
  expect(new Set(apiCalls)).toEqual(new Set([org.baseURL]));

  // A deep link reloads under the sub-path (the server's fallback to index.html).
  await page.reload();
  await expect(page.getByRole('link', { name: 'All Staff' }).first()).toBeVisible();
});

test('Settings shows the pinned environment read-only', async ({ page }) => {
  await page.goto(`${consoleOrigin}${BASE}settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText('This deployment sets the environment')).toBeVisible();
  await expect(page.getByLabel('API')).toHaveValue(org.baseURL);
  await expect(page.getByLabel('API')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await assertNoSeriousA11yViolations(page);
});

test('the console-only server serves no API and names the org in config.json', async ({ request }) => {
  // The server's timers (the full server's presence simulation ticks every 5 s) must not touch the
  // database it does not have: it is still up more than 5 s after it started.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 6_000 - (Date.now() - startedAt))));
  expect(consoleServer?.exitCode ?? null, `the console-only server stopped:\n${output}`).toBeNull();
  expect((await request.get(`${consoleOrigin}/api/v2/groups`)).status()).toBe(404);
  const config = await request.get(`${consoleOrigin}${BASE}config.json`);
  expect(await config.json()).toMatchObject({
    environment: { kind: 'custom', apiBase: org.baseURL, loginBase: org.baseURL, clientId: 'groups-console' },
    pinned: true,
  });
  const page = await request.get(`${consoleOrigin}${BASE}groups`, { headers: { Accept: 'text/html' } });
  expect(page.headers()['content-security-policy']).toContain(`connect-src 'self' ${org.baseURL}`);
});
