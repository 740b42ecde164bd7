/**
 * A cheap fingerprint of the data a client can change, to prove that a rejected request changed
 * nothing.
 *
 *   takeSnapshot(db) → Snapshot       row count + SHA-256 of every row, per table
 *   changedTables(before, after) → string[]   the tables whose fingerprint differs
 *   expectUnchanged(before, db, what)  throws naming the changed tables
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** The tables the API writes to, each with an ORDER BY over its primary key. */
export const WRITABLE_TABLES: Readonly<Record<string, string>> = {
  groups: 'id',
  group_owners: 'group_id, user_id',
  group_individuals: 'group_id, user_id',
  group_members: 'group_id, user_id',
  group_dynamic_settings: 'group_id',
  users: 'id',
};

export type Snapshot = Record<string, { rows: number; sha256: string }>;

export function takeSnapshot(db: Database.Database): Snapshot {
  const out: Snapshot = {};
  for (const [table, order] of Object.entries(WRITABLE_TABLES)) {
    const hash = createHash('sha256');
    let rows = 0;
    const stmt = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
      rows++;
    }
    out[table] = { rows, sha256: hash.digest('hex') };
  }
  return out;
}

export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(WRITABLE_TABLES).filter(
    (t) => before[t]?.sha256 !== after[t]?.sha256 || before[t]?.rows !== after[t]?.rows,
  );
}

/** Throws when any writable table differs from `before`; `what` names the request in the message. */
export function expectUnchanged(before: Snapshot, db: Database.Database, what: string): void {
  const after = takeSnapshot(db);
  const changed = changedTables(before, after);
  if (changed.length > 0) {
    const detail = changed.map((t) => `${t} (${before[t]?.rows} → ${after[t]?.rows} rows)`).join(', ');
    throw new Error(`${what} was rejected but changed the database: ${detail}`);
  }
}

const totalChanges = (db: Database.Database): number =>
  (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
const dataVersion = (db: Database.Database): number => db.pragma('data_version', { simple: true }) as number;

/**
 * Watches the database across many requests, hashing only when something may have been written:
 * `total_changes()` (rows written by this connection, which the in-process server shares) and
 * `PRAGMA data_version` (commits by any other connection) both stand still when nothing was.
 *
 *   const watcher = new ChangeWatcher(server.db);
 *   …send a request…
 *   watcher.check(status >= 400, 'POST /api/v2/groups {…}');   // throws if a rejected request changed data
 */
export class ChangeWatcher {
  private changes: number;
  private version: number;
  private snapshot: Snapshot;
  /** How many times a full snapshot was taken (for tests of the watcher itself). */
  hashes = 1;

  constructor(private readonly db: Database.Database) {
    this.changes = totalChanges(db);
    this.version = dataVersion(db);
    this.snapshot = takeSnapshot(db);
  }

  /** After a request: when `rejected`, throws if any writable table changed; then moves the baseline on. */
  check(rejected: boolean, what: string): void {
    const changes = totalChanges(this.db);
    const version = dataVersion(this.db);
    if (changes === this.changes && version === this.version) return;
    const after = takeSnapshot(this.db);
    this.hashes++;
    const before = this.snapshot;
    this.snapshot = after;
    this.changes = changes;
    this.version = version;
    if (!rejected) return;
    const changed = changedTables(before, after);
    if (changed.length > 0) {
      const detail = changed.map((t) => `${t} (${before[t]?.rows} → ${after[t]?.rows} rows)`).join(', ');
      throw new Error(`${what} was rejected but changed the database: ${detail}`);
    }
  }
}
