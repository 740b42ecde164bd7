/**
 * The console's build (dist/): whether it is missing or older than the console's sources, and building it.
 * `npm start` builds it when stale; deploy/ship.test.ts installs it as it is when it is not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './config.js';

/** The console's sources: a change to any of them makes dist/ stale. */
const CONSOLE_SOURCES = ['src', 'index.html', 'public', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function consoleBuildIsStale(staticDir: string, root = REPO_ROOT): boolean {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return CONSOLE_SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export function buildConsole(): void {
  process.stdout.write('Building the console (npx vite build)…\n');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      `The console build failed (exit ${String(result.status ?? result.signal)}). Fix it, or start with SKIP_BUILD=1 to serve the API only.`,
    );
  }
}
