import type { Database } from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE_NAME, openDataDir } from '../../server/src/db/open';
import { test as base } from './fixtures';

/**
 * A dedicated embedded server for one spec, apart from the shared one of playwright.config.ts: the
 * already built console (dist/, never rebuilt here), a fresh data dir, a free port, its own settings.
 *
 * ```ts
 * const test = testWithOwnServer({ rateLimitPerMinute: 20 });
 * test('…', async ({ page, ownServer }) => {
 *   await signIn(page, 'admin');          // baseURL is the dedicated server
 *   await ownServer.stop();               // SIGTERM; kill() = SIGKILL
 *   await ownServer.restart();            // same data dir and port
 * });
 * ```
 *
 * Or without fixtures: `const server = await startOwnServer(options)` … `await server.close()`.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STATIC_DIR = join(REPO_ROOT, 'dist');
const START_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 15_000;

export interface OwnServerOptions {
  /** Requests per token per minute; 0 (default) = no limit. */
  rateLimitPerMinute?: number;
  /** The rate limit's window in seconds (server default 60). */
  rateLimitWindowSeconds?: number;
  /** Access token lifetime in seconds (server default: one day). */
  tokenLifetimeSeconds?: number;
  /** Seed of the new database. Default `demo`. */
  seed?: 'demo' | 'none';
  /** Runs on the seeded database before the server first starts (e.g. SQL that inserts or renames users). */
  prepare?: (db: Database) => void;
  /** More environment for the server (e.g. LOG_LEVEL, CORS_ORIGINS). */
  env?: Record<string, string>;
}

export interface OwnServer {
  /** `http://127.0.0.1:<port>`, no trailing slash; the same across restarts. */
  readonly baseURL: string;
  readonly port: number;
  readonly dataDir: string;
  /** Everything the server wrote to stdout and stderr, across every start. */
  output: () => string;
  /** Whether the server process is alive. */
  readonly running: boolean;
  /** SIGTERM, and waits for the exit (SIGKILL when it takes too long). */
  stop: () => Promise<void>;
  /** SIGKILL, and waits for the exit. */
  kill: () => Promise<void>;
  /** Starts the server again on the same data dir and port (stopping it first when it runs). */
  restart: () => Promise<void>;
  /** Stops the server and removes its data dir. */
  close: () => Promise<void>;
}

/** Every live server process, killed when the test worker exits whatever the way. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) signalGroup(child, 'SIGKILL');
});

const isAlive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !isAlive(child)) return;
  try {
    process.kill(-child.pid, signal); // the server's own process group (spawned detached)
  } catch {
    child.kill(signal);
  }
}

const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (!isAlive(child)) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

export async function startOwnServer(options: OwnServerOptions = {}): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groups-console-e2e-own-'));
  let output = '';
  let child: ChildProcess | undefined;
  let port = 0;

  try {
    // The demo org comes from the run's template (global-setup.ts): the server opens it as it is.
    const template = process.env.E2E_DEMO_TEMPLATE;
    if ((options.seed ?? 'demo') === 'demo' && template) copyFileSync(template, join(dataDir, DATABASE_FILE_NAME));
    if (options.prepare) {
      const db = openDataDir(dataDir, options.seed ?? 'demo');
      try {
        options.prepare(db);
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const launch = async (): Promise<void> => {
    const started = output.length;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED: options.seed ?? 'demo',
        RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 0),
        ...(options.rateLimitWindowSeconds
          ? { RATE_LIMIT_WINDOW_SECONDS: String(options.rateLimitWindowSeconds) }
          : {}),
        PRESENCE_SIMULATION: 'off',
        LOG_LEVEL: 'warn',
        ...(options.tokenLifetimeSeconds ? { TOKEN_LIFETIME_SECONDS: String(options.tokenLifetimeSeconds) } : {}),
        SKIP_BUILD: '1',
        STATIC_DIR,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    live.add(proc);
    proc.on('exit', () => live.delete(proc));
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const listening = await new Promise<number>((resolve, reject) => {
      const fail = (why: string) => {
        cleanup();
        signalGroup(proc, 'SIGKILL');
        reject(new Error(`The dedicated server ${why}:\n${output.slice(started).slice(-2000)}`));
      };
      const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      const check = () => {
        const banner = /^(.*) on http:\/\/127\.0\.0\.1:(\d+)\//m.exec(output.slice(started));
        if (!banner) return;
        if (banner[1] !== 'Groups Console') return fail(`serves no console (is dist/ built?): ${banner[0]}`);
        cleanup();
        resolve(Number(banner[2]));
      };
      const exited = (code: number | null, signal: string | null) => fail(`exited (${String(code ?? signal)})`);
      const cleanup = () => {
        clearTimeout(timer);
        proc.stdout?.off('data', check);
        proc.off('exit', exited);
      };
      proc.stdout?.on('data', check);
      proc.once('exit', exited);
    });
    port = listening;
  };

  const stopWith = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (!proc || !isAlive(proc)) return;
    signalGroup(proc, signal);
    if (await waitForExit(proc, STOP_TIMEOUT_MS)) return;
    signalGroup(proc, 'SIGKILL');
    if (!(await waitForExit(proc, STOP_TIMEOUT_MS))) throw new Error('The dedicated server did not exit');
  };

  try {
    await launch();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    get baseURL() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    output: () => output,
    get running() {
      return !!child && isAlive(child);
    },
    stop: () => stopWith('SIGTERM'),
    kill: () => stopWith('SIGKILL'),
    restart: async () => {
      await stopWith('SIGTERM');
      await launch();
    },
    close: async () => {
      try {
        await stopWith('SIGTERM');
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * `test` (with the console-error gate of fixtures.ts) whose `baseURL` is a dedicated server, started
 * once per worker with `options` and closed when the worker ends. Keep a spec's tests in one worker
 * (`test.describe.configure({ mode: 'default' })`) so they share one server.
 */
export const testWithOwnServer = (options: OwnServerOptions = {}) =>
  base.extend<object, { ownServer: OwnServer }>({
    ownServer: [
      // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
      async ({}, use) => {
        const server = await startOwnServer(options);
        try {
          await use(server);
        } finally {
          await server.close();
        }
      },
      { scope: 'worker', timeout: START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS },
    ],
    baseURL: async ({ ownServer }, use) => {
      await use(ownServer.baseURL);
    },
  });
