/**
 * Opens (and on first use creates and seeds) the embedded server's SQLite database.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILED, sibling, tsxImport } from '../tsx.js';
import { registerSearchFunctions } from './functions.js';
import { runSeed, type SeedKind } from './seed/index.js';

export type { SeedKind } from './seed/index.js';

export const SCHEMA_VERSION = 6;
export const DATABASE_FILE_NAME = 'groups.db';

let schemaSql: string | undefined;
const schema = (): string => (schemaSql ??= readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'));

/** The part of the schema added in `version` (from its "@schema version" marker to the next one). */
function schemaPart(version: number): string {
  const marker = (v: number) => `-- @schema version ${v}\n`;
  const at = schema().indexOf(marker(version));
  if (at < 0) throw new Error(`schema.sql has no "${marker(version).trim()}" marker`);
  const end = schema().indexOf(marker(version + 1), at);
  return schema().slice(at, end < 0 ? undefined : end);
}

/** Indexes every group in `groups_fts` (which must be empty), as the insert trigger would. */
const FILL_GROUPS_FTS = `INSERT INTO groups_fts (rowid, name, description)
  SELECT rowid, sort_name, search_fold(description) FROM groups`;

/**
 * Merges the substring index into one segment. Filled row by row (seed, upgrade), it is left in many
 * small segments, and every lookup reads each of them; one segment halves the cost of a CONTAINS search.
 */
const OPTIMIZE_GROUPS_FTS = `INSERT INTO groups_fts (groups_fts) VALUES ('optimize')`;

/**
 * Copies the WAL into the database and empties it. After a seed or an upgrade the WAL holds every page
 * written (a gigabyte for the large seed): emptying it gives that disk space back at once, and readers no
 * longer look their pages up in its index.
 */
const EMPTY_WAL = 'wal_checkpoint(TRUNCATE)';

/** Brings a database of schema `version - 1` to `version` (inside the caller's transaction). */
function upgradeTo(db: Database.Database, version: number): void {
  db.exec(schemaPart(version));
  if (version === 2) {
    db.exec(FILL_GROUPS_FTS);
    db.exec(OPTIMIZE_GROUPS_FTS);
  }
}

/**
 * Opens `file` (a path or ':memory:'). A new database (user_version 0) gets the schema and the chosen
 * seed in one transaction and the current user_version; an existing one is opened as it is, never
 * reseeded. An older one is upgraded in place, one version at a time, in one transaction: version 2
 * adds the groups substring index (`groups_fts`, filled from the groups), version 3 the users-by-state
 * index, version 4 the users-as-owner-reference index, version 5 the change history, version 6 the
 * authorization grants (the users' roles move into them, over the home division; `user_roles` becomes a view).
 */
export function openDatabase(file: string, options: { seed: SeedKind }): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The schema's triggers call search_fold.
    registerSearchFunctions(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      // A large page cache while seeding keeps the one big transaction in memory until it commits,
      // instead of spilling (and rewriting) pages into the WAL.
      const cacheSize = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = ${options.seed === 'large' ? -1_048_576 : -131_072}`);
      try {
        db.transaction(() => {
          db.exec(schema());
          runSeed(db, options.seed);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        }).immediate();
      } finally {
        db.pragma(`cache_size = ${cacheSize}`);
      }
      db.exec(OPTIMIZE_GROUPS_FTS);
      db.pragma('optimize');
      db.pragma(EMPTY_WAL);
    } else if (version < SCHEMA_VERSION) {
      db.transaction(() => {
        for (let next = version + 1; next <= SCHEMA_VERSION; next++) upgradeTo(db, next);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
      db.pragma(EMPTY_WAL);
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`Database ${file} has schema version ${version}; this server expects ${SCHEMA_VERSION}.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether `file` is missing or holds no schema yet (a new database, or a seed that never finished). */
function isUnseeded(file: string): boolean {
  if (!existsSync(file)) return true;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) === 0;
  } finally {
    db.close();
  }
}

/**
 * Seeds `file` in a child process. The large seed builds its org in memory (800 MB of objects) before
 * writing it; in this process that garbage stayed until V8's next full collection, a minute or more,
 * during which every request ran about 40 % slower. The child's memory goes with it.
 */
export function seedInChildProcess(file: string, seed: SeedKind): void {
  const script = fileURLToPath(sibling('seed-process', import.meta.url));
  const loader = COMPILED ? [] : ['--import', tsxImport('.')];
  const result = spawnSync(process.execPath, [...loader, script, file, seed], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`Seeding ${file} (${seed}) failed: exit ${String(result.status ?? result.signal)}.`);
}

/** Opens `<dataDir>/groups.db`, creating the folder when needed; a new large database is seeded in a child process. */
export function openDataDir(dataDir: string, seed: SeedKind): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (seed === 'large' && isUnseeded(file)) seedInChildProcess(file, seed);
  return openDatabase(file, { seed });
}
