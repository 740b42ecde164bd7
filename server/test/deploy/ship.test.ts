/**
 * The shipped form of the console, as a deployment gets it: the production build (the compiled server
 * in server/dist, the built console in dist/) installed in an empty folder with runtime dependencies
 * only (`npm ci --omit=dev`), then `npm start`. Nothing of the sources, tsx, Vite or esbuild is there.
 *
 * The install runs no install scripts: better-sqlite3 ships its native module prebuilt (Node-API, one
 * binary for every Node line) inside its package. The container image (Dockerfile) does the same
 * install; CI builds it where an engine runs (.ci/run).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverBuildIsStale } from '../../../scripts/build-server.mjs';
import { consoleBuildIsStale } from '../../src/console-build.js';
import { PERSONA_PASSWORD, PERSONAS } from '../../src/db/seed/personas.js';
import { loginWithPassword } from '../support/sign-in.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** What a deployment needs besides node_modules; the Dockerfile copies the same. */
const RUNTIME_FILES = [
  'package.json',
  'package-lock.json',
  'scripts/start.mjs',
  'scripts/build-server.mjs',
  'scripts/backup.mjs',
  'openapi/groups.yaml',
  'server/dist',
  'dist',
];

let dir: string;
const live = new Set<ChildProcess>();

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`,
    );
}

interface Started {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * `npm start` in the install with `env`, or what it runs (`node scripts/start.mjs`, as the container
 * does, so the test sees the server's own exit code); resolves with the URL of its banner.
 */
async function start(env: Record<string, string>, how: 'npm' | 'node'): Promise<Started> {
  const [command, args] = how === 'npm' ? ['npm', ['start']] : [process.execPath, ['scripts/start.mjs']];
  const child = spawn(command as string, args as string[], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  live.add(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const match = / on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${String(code)}):\n${output}`));
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => {
        live.delete(child);
        resolve(code);
      });
      process.kill(-child.pid!, 'SIGTERM'); // the whole process group: npm and the server
    });
  return { url, child, output: () => output, stop };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'groups-console-ship-'));
  // npm run build (the compiled server into server/dist, the console into dist/), then the runtime files
  // into the install. Only when a build is missing or older than its sources, as `npm start` decides:
  // `npm test` builds first and runs the end-to-end tests, which serve dist/, beside these.
  if (serverBuildIsStale() || consoleBuildIsStale(join(ROOT, 'dist')))
    run('npm', ['run', 'build', '--', '--logLevel', 'warn'], ROOT);
  for (const file of RUNTIME_FILES) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], dir);
}, 300_000);

afterAll(() => {
  for (const child of live) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the production build, installed with runtime dependencies only', () => {
  it('has no devDependencies, no sources and no published source maps', () => {
    // Nor the browser's packages: the console is already built into dist/.
    for (const dev of [
      'tsx',
      'vite',
      'esbuild',
      'typescript',
      'vitest',
      'react',
      '@mantine/core',
      '@tabler/icons-react',
    ])
      expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
    expect(existsSync(join(dir, 'server/src'))).toBe(false);
    const assets = join(dir, 'dist/assets');
    expect(spawnSync('find', [assets, '-name', '*.map'], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });

  it('npm start serves the console and the API: sign-in through PKCE as the admin, then the group list and a search', async () => {
    const dataDir = join(dir, 'data');
    const server = await start(
      { DATA_DIR: dataDir, SEED: 'demo', READER_THREADS: '1', RATE_LIMIT_PER_MINUTE: '0' },
      'node',
    );
    try {
      const page = await fetch(`${server.url}/groups`, { headers: { Accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');

      const { accessToken } = await loginWithPassword(server.url, PERSONAS.admin.email, PERSONA_PASSWORD);
      const auth = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
      const list = await fetch(`${server.url}/api/v2/groups?pageSize=5`, { headers: auth });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { entities: { name: string }[]; total: number };
      expect(body.entities).toHaveLength(5);
      expect(body.total).toBeGreaterThan(5);

      // Searches run on the compiled reader thread.
      const search = await fetch(`${server.url}/api/v2/groups/search`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ query: [{ type: 'CONTAINS', fields: ['name'], value: body.entities[0]!.name }] }),
      });
      expect(search.status).toBe(200);
      expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      // SIGTERM: the server closes the database after a checkpoint, so no write-ahead log is left behind.
      expect(await server.stop()).toBe(0);
    }
    const wal = join(dataDir, 'groups.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    expect(server.output()).not.toMatch(/error|tsx/i);
  });

  it('npm run backup takes a backup with the compiled code (no tsx), and a server starts on the restored file', async () => {
    // docs/deploy.md, "Backups": DATA_DIR=./data npm run backup -- groups-backup.db
    const dataDir = join(dir, 'data');
    const result = spawnSync('npm', ['run', 'backup', '--', 'groups-backup.db'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir },
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/Backed up .* integrity ok/);
    expect(result.stderr).not.toMatch(/tsx/i);
    // Restore: the file as groups.db of a fresh DATA_DIR, then start.
    const fresh = join(dir, 'fresh-data');
    mkdirSync(fresh);
    cpSync(join(dir, 'groups-backup.db'), join(fresh, 'groups.db'));
    const server = await start({ DATA_DIR: fresh, SEED: 'none', READER_THREADS: '0' }, 'node');
    try {
      const { accessToken } = await loginWithPassword(server.url, PERSONAS.admin.email, PERSONA_PASSWORD);
      const list = await fetch(`${server.url}/api/v2/groups?pageSize=1`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      expect(((await list.json()) as { total: number }).total).toBeGreaterThan(5);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('the compiled seed process seeds a database without tsx', () => {
    const file = join(dir, 'seeded.db');
    run(process.execPath, [join(dir, 'server/dist/db/seed-process.js'), file, 'demo'], dir);
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('console-only mode serves the console and a config.json from the environment, and no API', async () => {
    const server = await start(
      { SERVE: 'console', CONSOLE_REGION: 'eu_west_1', CONSOLE_CLIENT_ID: 'org-client-id' },
      'npm',
    );
    try {
      const config = await fetch(`${server.url}/config.json`);
      expect(config.status).toBe(200);
      expect(await config.json()).toEqual({
        $schema: './config.schema.json',
        environment: { kind: 'genesys', region: 'eu_west_1', clientId: 'org-client-id' },
        pinned: true,
      });
      const page = await fetch(`${server.url}/groups`, { headers: { Accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');

      const api = await fetch(`${server.url}/api/v2/groups`, { headers: { Authorization: 'Bearer x' } });
      expect(api.status).toBe(404);
      expect((await fetch(`${server.url}/oauth/authorize`)).status).toBe(404);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(server.output()).toContain('(console only)');
    } finally {
      await server.stop(); // npm itself ends by the signal
    }
    expect(readFileSync(join(dir, 'dist/config.json'), 'utf8')).toContain('"embedded"'); // the build's own file is untouched
  });
});
