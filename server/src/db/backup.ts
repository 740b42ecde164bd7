/**
 * An online backup of the database: SQLite's backup API (better-sqlite3's `db.backup()`), which copies
 * the pages of one consistent snapshot (every write committed before the copy began) while the server
 * goes on reading and writing (WAL mode: a reader never blocks writers).
 *
 *   const result = await backupDatabase('/data/groups.db', '/backups/groups-2026-12-03.db');
 *
 * The copy is written beside the target under a temporary name, checked (`PRAGMA integrity_check`),
 * turned into a single self-contained file (journal mode DELETE: no -wal file to carry along), and only
 * then renamed to the target, so a target that exists is always a whole, checked backup.
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface BackupResult {
  target: string;
  bytes: number;
  pages: number;
  ms: number;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`No database at ${source}: check DATA_DIR.`);
  if (existsSync(target)) throw new BackupError(`${target} exists already: choose a new file for the backup.`);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new BackupError(`The folder ${folder} does not exist: create it first.`);

  const started = performance.now();
  const partial = join(folder, `.${basename(target)}.partial`);
  rmSync(partial, { force: true });
  // A connection of its own; it writes nothing to the live database.
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  let pages: number;
  try {
    // Every page in one step, inside one read transaction: in steps of 100 (the default), each write the
    // server commits between two steps would start the copy over, and a busy server could keep it from
    // ever finishing. A WAL reader blocks no writer, so the server goes on meanwhile.
    pages = (await db.backup(partial, { progress: () => 0x7fffffff })).totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`The copy failed its integrity check: ${String(check)}`);
    copy.pragma('journal_mode = DELETE');
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, target);
  return { target, bytes: statSync(target).size, pages, ms: performance.now() - started };
}
