/**
 * `npm run backup -- <file>`: an online backup of the database in DATA_DIR (`<DATA_DIR>/groups.db`) to
 * `<file>`, safe while the server runs (db/backup.ts). Run through scripts/backup.mjs: compiled
 * (server/dist/backup.js) in an install of the build, with tsx from the sources. Restoring is putting the
 * file in place as groups.db of a fresh DATA_DIR with the server stopped (docs/deploy.md, "Backups").
 * Exit codes: 0 done, 1 the backup failed, 2 a wrong command or setting.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { BackupError, backupDatabase } from './db/backup.js';
import { DATABASE_FILE_NAME } from './db/open.js';

const USAGE = 'Usage: npm run backup -- <file>   (the database of DATA_DIR, default ./data, is copied to <file>)';

async function run(args: string[]): Promise<number> {
  if (args.length !== 1 || !args[0] || args[0].startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let dataDir: string;
  try {
    dataDir = loadConfig().dataDir;
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    return 2;
  }
  const source = resolve(dataDir, DATABASE_FILE_NAME);
  try {
    const done = await backupDatabase(source, resolve(args[0]));
    const mb = (done.bytes / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `Backed up ${source} to ${done.target}: ${done.pages} pages, ${mb} MB in ${Math.round(done.ms)} ms; integrity ok.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof BackupError ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
