// Compiles the embedded server (server/src, TypeScript) to JavaScript in server/dist, file for file, so
// it runs on Node alone: no tsx, no devDependencies at run time. The layout is kept (server/dist/db/open.js
// beside server/dist/db/schema.sql), so paths relative to a module (import.meta.url) hold in both forms.
//   node scripts/build-server.mjs            builds (part of `npm run build`)
//   import { serverBuildIsStale, buildServer } from './build-server.mjs'   (scripts/start.mjs)
// Type checking is not done here: `npm run typecheck` does it.
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SERVER_SOURCES = join(ROOT, 'server', 'src');
export const SERVER_OUT = join(ROOT, 'server', 'dist');
/** Written last: its time is the build's, and its absence means an unfinished build. */
const STAMP = join(SERVER_OUT, '.built');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/**
 * True when server/dist is missing, unfinished, or older than a source (a deleted source counts too: the
 * folder's own time changes). Without the sources (an install of the built output only) it is never stale.
 */
export function serverBuildIsStale() {
  if (!existsSync(SERVER_SOURCES)) return false;
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const newest = (dir) =>
    Math.max(
      statSync(dir).mtimeMs,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  return newest(SERVER_SOURCES) > built;
}

export async function buildServer() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'server/dist is missing or older than server/src, and esbuild (a devDependency) is not installed: run `npm ci && npm run build`.',
    );
  }
  // Imported here, as esbuild is: an install of the built output ships start.mjs and this file only.
  const { buildCommit } = await import('./build-info.mjs');
  const started = performance.now();
  const all = files(SERVER_SOURCES);
  rmSync(SERVER_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: all.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: SERVER_OUT,
    outbase: SERVER_SOURCES,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: 'linked',
    logLevel: 'warning',
    // GET /version's commit (server/src/http/version.ts): GIT_COMMIT, else git's HEAD, else null.
    define: { __SERVER_BUILD_COMMIT__: JSON.stringify(buildCommit()) },
  });
  // Files the server reads beside its modules (schema.sql).
  for (const file of all.filter((f) => !f.endsWith('.ts'))) {
    cpSync(file, join(SERVER_OUT, relative(SERVER_SOURCES, file)));
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return { ms: performance.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ms } = await buildServer();
  process.stdout.write(`Built the server into server/dist in ${Math.round(ms)} ms.\n`);
}
