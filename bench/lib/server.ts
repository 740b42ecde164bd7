/**
 * Builds the console into a private folder and starts the embedded server on the large seed, on a
 * free loopback port, with the rate limit off. The data dir is kept between runs, so only the first
 * run pays for the seed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { clientCredentialsToken } from '../../server/test/support/sign-in';

export const HOST = '127.0.0.1';

/** `npx vite build --manifest` into `outDir` (kept apart from dist/, which others may rebuild meanwhile). */
export function buildConsole(root: string, outDir: string): { ms: number } {
  const started = performance.now();
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--manifest', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0)
    throw new Error(`The console build failed (exit ${String(result.status ?? result.signal)}).`);
  return { ms: performance.now() - started };
}

/** True when `dataDir` holds a database that was fully seeded (the seed commits with user_version 1). */
export function isSeeded(dataDir: string): boolean {
  const file = join(dataDir, 'groups.db');
  if (!existsSync(file)) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.pragma('user_version', { simple: true }) as number) > 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn to listening, and whether that included seeding a new database. */
  startMs: number;
  seeded: boolean;
  /** Resets the kernel's peak-RSS mark (VmHWM), so later peaks exclude start-up and seeding. */
  resetPeakRss(): boolean;
  /** VmHWM and VmRSS of the server process in kB (null once it has exited). */
  memory(): { peakKb: number; rssKb: number } | null;
  stop(): Promise<void>;
}

const procStatus = (pid: number, field: string): number | null => {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

/**
 * Starts `server/src/main.ts` under Node with tsx's loader (so the pid is the server's own) and waits
 * for its banner. Rejects, and kills the process, when it exits or does not listen within `timeoutMs`.
 */
export async function startServer(options: {
  root: string;
  dataDir: string;
  staticDir: string;
  seed: 'large' | 'demo';
  timeoutMs: number;
  log: (line: string) => void;
}): Promise<RunningServer> {
  const seeded = !isSeeded(options.dataDir);
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS: extra Node options for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profile`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
    cwd: options.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST,
      PORT: '0',
      DATA_DIR: options.dataDir,
      SEED: options.seed,
      RATE_LIMIT_PER_MINUTE: '0',
      PRESENCE_SIMULATION: 'off',
      SKIP_BUILD: '1',
      STATIC_DIR: options.staticDir,
      LOG_LEVEL: 'error',
    },
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server process did not start.');

  const stop = async () => {
    if (exited) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timer);
  };

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`The server did not listen within ${options.timeoutMs / 1000} s. Output:\n${output.slice(-2000)}`),
      );
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) options.log(`  server: ${line}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`The server exited (${String(code ?? signal)}) before listening. Output:\n${output.slice(-2000)}`),
      );
    });
  });
  const startMs = performance.now() - started;

  return {
    url,
    pid,
    startMs,
    seeded,
    resetPeakRss() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    memory() {
      const peakKb = procStatus(pid, 'VmHWM');
      const rssKb = procStatus(pid, 'VmRSS');
      return peakKb === null || rssKb === null ? null : { peakKb, rssKb };
    },
    stop,
  };
}

/** A client-credentials token of the admin client (admin permissions). */
export async function adminToken(url: string): Promise<string> {
  return (await clientCredentialsToken(url)).accessToken;
}
