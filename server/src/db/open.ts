/**
 * Opens (and on first use creates and seeds) the embedded server's SQLite database.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerSearchFunctions } from '../domain/search.js';
import { runSeed, type SeedKind } from './seed/index.js';

export type { SeedKind } from './seed/index.js';

export const SCHEMA_VERSION = 2;
export const DATABASE_FILE_NAME = 'groups.db';

let schemaSql: string | undefined;
const schema = (): string => (schemaSql ??= readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'));

/** The part of the schema added in `version` (after its "@schema version" marker). */
function schemaSince(version: number): string {
  const marker = `-- @schema version ${version}\n`;
  const at = schema().indexOf(marker);
  if (at < 0) throw new Error(`schema.sql has no "${marker.trim()}" marker`);
  return schema().slice(at);
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
 * Opens `file` (a path or ':memory:'). A new database (user_version 0) gets the schema and the chosen
 * seed in one transaction and user_version 2; an existing one is opened as it is, never reseeded. A
 * version 1 database is upgraded in place: it gets the groups substring index (`groups_fts`), filled
 * from its groups.
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
    } else if (version === 1) {
      db.transaction(() => {
        db.exec(schemaSince(2));
        db.exec(FILL_GROUPS_FTS);
        db.exec(OPTIMIZE_GROUPS_FTS);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }).immediate();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`Database ${file} has schema version ${version}; this server expects ${SCHEMA_VERSION}.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens `<dataDir>/groups.db`, creating the folder when needed. */
export function openDataDir(dataDir: string, seed: SeedKind): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase(join(dataDir, DATABASE_FILE_NAME), { seed });
}
