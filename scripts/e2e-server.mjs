// Starts the embedded server for the end-to-end tests: a fresh demo database in a new data dir,
// the console built first when stale, no rate limit (the 429 behaviour has its own tests), and no
// per-address sign-in limit (every test signs in from 127.0.0.1; account lockouts stay on, and the
// lockout's own tests use a dedicated server).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'groups-console-e2e-'));
const child = spawn('npx', ['tsx', 'server/src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: process.env.PORT ?? '4180',
    DATA_DIR: dataDir,
    SEED: 'demo',
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '0',
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: process.env.SIGN_IN_MAX_FAILURES_PER_ADDRESS ?? '0',
    PRESENCE_SIMULATION: 'off',
    // Quiet: warnings and errors only, not an access-log line per request.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});
const stop = (signal) => child.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
