/**
 * `GET /version`: what is running, for support and deployment checks (outside the API contract, like
 * `/healthz`; no auth, no database): `{"version": <package.json version>, "commit": <git sha or null>,
 * "node": process.version}`. It is worked out once, when the server starts.
 *
 * The commit, first found wins:
 * 1. the `GIT_COMMIT` environment variable (a deployment or an image build sets it);
 * 2. the commit scripts/build-server.mjs embedded at build time (esbuild `define`), when git was there;
 * 3. from the sources (tsx), `git rev-parse HEAD` run once now; null when git or the repository is absent.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { COMPILED } from '../tsx.js';

export const VERSION_PATH = '/version';

/** Replaced by scripts/build-server.mjs with the build's commit (a string, or null without git). */
declare const __SERVER_BUILD_COMMIT__: string | null | undefined;

export interface VersionInfo {
  version: string;
  commit: string | null;
  node: string;
}

const COMMIT = /^[0-9a-f]{7,64}$/i;

/** A commit sha, or null for anything that is not one (empty, "unknown", a stray newline aside). */
export const cleanCommit = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed && COMMIT.test(trimmed) ? trimmed.toLowerCase() : null;
};

/** `git rev-parse HEAD` in `cwd`, or null when git is missing or `cwd` is no repository. */
export function gitHead(cwd: string): string | null {
  try {
    return cleanCommit(
      execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 5000,
      }),
    );
  } catch {
    return null;
  }
}

/** The repository (or installed app) root: server/src/http/ and server/dist/http/ are both three levels down. */
const ROOT_URL = new URL('../../../', import.meta.url);

const buildCommit = (): string | null | undefined =>
  typeof __SERVER_BUILD_COMMIT__ === 'undefined' ? undefined : __SERVER_BUILD_COMMIT__;

export function resolveCommit(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = cleanCommit(env.GIT_COMMIT);
  if (fromEnv) return fromEnv;
  const built = buildCommit();
  if (built !== undefined) return cleanCommit(built);
  return COMPILED ? null : gitHead(fileURLToPath(ROOT_URL));
}

const packageVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT_URL), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
};

let info: VersionInfo | undefined;

/** Worked out on the first call and kept. */
export function versionInfo(): VersionInfo {
  info ??= { version: packageVersion(), commit: resolveCommit(), node: process.version };
  return info;
}

export function registerVersion(app: FastifyInstance): void {
  const answer = versionInfo();
  app.get(VERSION_PATH, async (_request, reply) => reply.header('Cache-Control', 'no-store').send(answer));
}
