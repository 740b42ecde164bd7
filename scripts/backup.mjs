// `npm run backup -- <file>`: an online backup of the database in DATA_DIR (server/src/backup.ts). Runs
// the compiled backup (server/dist/backup.js) when it is there and current, as in an install of the build
// with runtime dependencies only (the container image); otherwise the sources through tsx.
import { existsSync } from 'node:fs';
import { serverBuildIsStale } from './build-server.mjs';

const compiled = new URL('../server/dist/backup.js', import.meta.url);
if (existsSync(compiled) && !serverBuildIsStale()) {
  await import(compiled.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('server/dist is missing or stale and tsx is not installed: run `npm ci && npm run build`.\n');
    process.exit(2);
  }
  register();
  await import(new URL('../server/src/backup.ts', import.meta.url).href);
}
