/**
 * Server start-up: milliseconds from spawning Node to the server's banner (listening), for the compiled
 * server (`node server/dist/main.js`, what `npm start` and the container run) and, for comparison, the
 * sources through tsx. On a demo database in its own data dir (seeded by a first, unmeasured start), the
 * console served from the bench's build, reader threads as configured by default. Median of `runs`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { figure, type Figure } from './report';

export interface StartupResult {
  compiledMs: number[];
  tsxMs: number[];
  buildServerMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function timeStart(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within 60 s:\n${output.slice(-1000)}`));
    }, 60_000);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (!/ on http:\/\/127\.0\.0\.1:\d+\//.test(output)) return;
      const ms = performance.now() - started;
      clearTimeout(timer);
      child.once('exit', () => resolve(ms));
      child.kill('SIGTERM');
    });
    child.once('error', reject);
  });
}

export async function measureStartup(
  root: string,
  staticDir: string,
  dataDir: string,
  runs: number,
): Promise<StartupResult> {
  const built = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`scripts/build-server.mjs failed (exit ${String(build.status)})`);
  const buildServerMs = performance.now() - built;
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SEED: 'demo',
    SKIP_BUILD: '1',
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'error',
  };
  const compiled = ['server/dist/main.js'];
  const tsx = ['--import', 'tsx', 'server/src/main.ts'];
  await timeStart(root, compiled, env); // seeds the database once
  const compiledMs: number[] = [];
  const tsxMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    compiledMs.push(await timeStart(root, compiled, env));
    tsxMs.push(await timeStart(root, tsx, env));
  }
  return { compiledMs, tsxMs, buildServerMs };
}

export function startupFigures(result: StartupResult): Figure[] {
  const round = (ms: number) => Math.round(ms);
  return [
    figure(
      'startup',
      'server start-up, compiled (median)',
      round(median(result.compiledMs)),
      'ms',
      undefined,
      `node server/dist/main.js to listening, demo database; runs ${result.compiledMs.map(round).join(', ')} ms`,
    ),
    figure(
      'startup',
      'server start-up from the sources with tsx (median)',
      round(median(result.tsxMs)),
      'ms',
      undefined,
      `for comparison; runs ${result.tsxMs.map(round).join(', ')} ms`,
    ),
    figure(
      'startup',
      'server build (esbuild)',
      round(result.buildServerMs),
      'ms',
      undefined,
      'scripts/build-server.mjs',
    ),
  ];
}

export const startupDataDir = (tmp: string) => join(tmp, 'startup');
