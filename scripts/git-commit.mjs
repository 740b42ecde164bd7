// The commit a build is made from, embedded in the server (scripts/build-server.mjs) and in the console
// (vite.config.ts): the GIT_COMMIT environment variable when set (an image build or CI passes it), else
// `git rev-parse HEAD` of this repository when git is available, else null.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHA = /^[0-9a-f]{7,64}$/i;

/** A commit sha (lower case), or null for anything else. */
export const cleanCommit = (value) => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return SHA.test(trimmed) ? trimmed.toLowerCase() : null;
};

/** The build's commit: GIT_COMMIT, else git's HEAD, else null. */
export function buildCommit(env = process.env) {
  const fromEnv = cleanCommit(env.GIT_COMMIT);
  if (fromEnv) return fromEnv;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return cleanCommit(head);
  } catch {
    return null;
  }
}
