// What a build embeds about itself, in the server (scripts/build-server.mjs: GET /version) and in the
// console (vite.config.ts: the About dialog, error details): the package.json version, and the commit
// the build is made from: the GIT_COMMIT environment variable when set (an image build or CI passes it),
// else `git rev-parse HEAD` of this repository when git is available, else null.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** The version in package.json. */
export const packageVersion = () =>
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** The console's `define`s (Vite and Vitest): src/config/build-info.ts reads them. */
export const consoleDefines = (env = process.env) => ({
  __CONSOLE_VERSION__: JSON.stringify(packageVersion()),
  __CONSOLE_COMMIT__: JSON.stringify(buildCommit(env)),
});
