/**
 * `GET /version`: the package.json version, the commit and the Node version, without auth, in both
 * modes; the commit rule (GIT_COMMIT, else git's HEAD from the sources, else null).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanCommit, gitHead, resolveCommit, VERSION_PATH } from '../../src/http/version.js';
import { startServer, type TestServer } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const gitAvailable = (() => {
  try {
    execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('GET /version', () => {
  it('answers the version, commit and Node version, without a token and without caching', async () => {
    const res = await fetch(`${server.url}${VERSION_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['commit', 'node', 'version']);
    expect(body.version).toBe(pkg.version);
    expect(body.node).toBe(process.version);
    const expected = cleanCommit(process.env.GIT_COMMIT) ?? (gitAvailable ? gitHead(ROOT) : null);
    expect(body.commit).toBe(expected);
    if (body.commit !== null) expect(body.commit).toMatch(/^[0-9a-f]{40}$/);
    // A correlation id, as on every answer.
    expect(res.headers.get('inin-correlation-id')).toBeTruthy();
  });

  it('is not part of the API: a bearer token is not needed, and a bad one is ignored', async () => {
    const res = await fetch(`${server.url}${VERSION_PATH}`, { headers: { Authorization: 'Bearer nonsense' } });
    expect(res.status).toBe(200);
  });
});

describe('the commit', () => {
  it('comes from GIT_COMMIT first', () => {
    const sha = 'ABCDEF0123456789abcdef0123456789abcdef01';
    expect(resolveCommit({ GIT_COMMIT: ` ${sha}\n` })).toBe(sha.toLowerCase());
  });

  it('ignores a GIT_COMMIT that is no sha, and then reads git from the sources', () => {
    expect(resolveCommit({ GIT_COMMIT: 'unknown' })).toBe(gitAvailable ? gitHead(ROOT) : null);
    expect(resolveCommit({})).toBe(gitAvailable ? gitHead(ROOT) : null);
  });

  it('is null outside a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'groups-no-git-'));
    try {
      expect(gitHead(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts only hexadecimal shas', () => {
    expect(cleanCommit('0123abc')).toBe('0123abc');
    expect(cleanCommit('')).toBeNull();
    expect(cleanCommit(undefined)).toBeNull();
    expect(cleanCommit('HEAD')).toBeNull();
    expect(cleanCommit('0123abc; rm -rf /')).toBeNull();
  });
});
