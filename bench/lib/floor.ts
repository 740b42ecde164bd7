/**
 * The stack floor: the bare app of the console's stack in `../shared/floor` (Vite, React, React Router,
 * TanStack Query, Mantine core; one route, `/items`, rendering a 25-row table from a query). The bench
 * copies it to a writable folder, installs it (`npm ci`, kept while its lock file is unchanged), builds it
 * with the same Vite options as the console and serves it with the console's compression (Brotli), so its
 * figures can be read beside the console's from the same run on the same machine.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/**
 * Where the floor lives: `../shared/floor` beside the repository (CI has `../shared` beside the clone),
 * or the folder `BENCH_FLOOR` names (a checkout elsewhere, such as a git worktree).
 */
export const floorSource = (root: string, env: NodeJS.ProcessEnv = process.env): string =>
  env.BENCH_FLOOR ? resolve(env.BENCH_FLOOR) : resolve(root, '..', 'shared', 'floor');

/** The floor's folder when it is there (it has a package.json and a lock file), else undefined. */
export function findFloor(root: string): string | undefined {
  const dir = floorSource(root);
  return existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'package-lock.json')) ? dir : undefined;
}

const INSTALL_STAMP = '.bench-install.json';

/** The lock file's hash: `npm ci` runs again only when it changed since the last install. */
export const lockHash = (dir: string): string =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'package-lock.json')))
    .digest('hex');

export function needsInstall(workDir: string): boolean {
  const stamp = join(workDir, INSTALL_STAMP);
  if (!existsSync(join(workDir, 'node_modules')) || !existsSync(stamp)) return true;
  try {
    return (JSON.parse(readFileSync(stamp, 'utf8')) as { lock?: string }).lock !== lockHash(workDir);
  } catch {
    return true;
  }
}

/**
 * Copies the floor's sources (not its node_modules or builds) into `workDir`, installs it when its lock
 * changed, and builds it into `workDir/dist` with a manifest and source maps, as the console is built.
 */
export function buildFloor(source: string, workDir: string, log: (line: string) => void): { dist: string; ms: number } {
  const started = performance.now();
  mkdirSync(workDir, { recursive: true });
  cpSync(source, workDir, {
    recursive: true,
    filter: (path) => !/[\\/](node_modules|dist)([\\/]|$)/.test(path.slice(source.length)),
  });
  // The copy keeps the source's read-only modes; the build writes beside them.
  spawnSync('chmod', ['-R', 'u+w', workDir]);
  if (needsInstall(workDir)) {
    log('  floor: npm ci (cached in bench/.tmp/floor until its lock file changes)');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: workDir,
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error(`npm ci of the floor failed (exit ${String(install.status)}).`);
    writeFileSync(join(workDir, INSTALL_STAMP), JSON.stringify({ lock: lockHash(workDir) }));
  }
  const dist = join(workDir, 'dist');
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--manifest', '--sourcemap', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: workDir, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error(`The floor's build failed (exit ${String(build.status)}).`);
  return { dist, ms: performance.now() - started };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** The file a request path serves: a file in `dist`, or index.html for the app's own routes. */
export function resolveStatic(dist: string, urlPath: string): string {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  const file = join(dist, path);
  if (file.startsWith(dist + sep) && existsSync(file) && statSync(file).isFile()) return file;
  return join(dist, 'index.html');
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built single-page app on a free loopback port: Brotli (quality 11, as the console's build
 * copies) to browsers that accept it, hashed assets cached for a year, index.html not cached.
 */
export async function serveStatic(dist: string): Promise<StaticServer> {
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const file = resolveStatic(dist, request.url ?? '/');
    const ext = extname(file);
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let br = compressed.get(file);
      if (!br) {
        br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        compressed.set(file, br);
      }
      body = br;
      headers['content-encoding'] = 'br';
    }
    headers['content-length'] = String(body.length);
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
