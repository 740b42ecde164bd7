/**
 * Read helpers: row counts of listings and searches remembered until the database changes, and prepared
 * statements for SQL that varies between requests.
 *
 *   cachedCount(db, sql, params) → number
 *     Runs `sql` (a `SELECT COUNT(*) …`) the first time, then answers from memory for the same SQL and
 *     parameters until anything is written: by this connection (`total_changes()`) or committed by
 *     another one (`PRAGMA data_version`). Inside a transaction it always runs the query.
 *   rememberedCount(db, sql, params) → number | undefined;  rememberCount(db, sql, params, count)
 *     The same memory, for callers that can work a count out along with other work (a search that
 *     reads every match anyway) rather than by running `sql`.
 *   preparedBounded(db, sql) → Statement
 *     A prepared statement for SQL that varies between requests (search criteria, sets of expands),
 *     kept in a bounded least-recently-used set per connection, so repeated requests skip preparing
 *     without the set growing with every distinct query. Each SQL text keeps one result mode
 *     (plain, pluck or raw) wherever it is used.
 *
 * Counting a filtered table is a scan of every candidate row; a page of the same listing is an index
 * walk of one page. Paging through a listing or search repeats the same count for every page, so it is
 * worth keeping. Any write clears every remembered count, which keeps the rule simple and exact.
 */
import type Database from 'better-sqlite3';
import { cached } from './visibility.js';

const MAX_ENTRIES = 512;
const MAX_VARYING_STATEMENTS = 256;

interface CountCache {
  stamp: string;
  counts: Map<string, number>;
}

const caches = new WeakMap<Database.Database, CountCache>();

/** Changes whenever this connection writes or another connection commits. */
export function changeStamp(db: Database.Database): string {
  const dataVersion = cached(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = cached(db, 'SELECT total_changes()').pluck().get() as number;
  return `${dataVersion}:${changes}`;
}

const varyingStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function preparedBounded(db: Database.Database, sql: string): Database.Statement {
  let m = varyingStatements.get(db);
  if (!m) varyingStatements.set(db, (m = new Map()));
  let s = m.get(sql);
  if (s) {
    m.delete(sql);
  } else {
    s = db.prepare(sql);
    if (m.size >= MAX_VARYING_STATEMENTS) m.delete(m.keys().next().value as string);
  }
  m.set(sql, s);
  return s;
}

/** The remembered counts of `db`, emptied when anything has been written since they were taken. */
function currentCounts(db: Database.Database): Map<string, number> {
  const stamp = changeStamp(db);
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp) caches.set(db, (cache = { stamp, counts: new Map() }));
  return cache.counts;
}

const countKey = (sql: string, params: readonly unknown[]) => `${sql}\u0000${JSON.stringify(params)}`;

/** The remembered result of count `sql` with `params`, if it is still exact (never inside a transaction). */
export function rememberedCount(db: Database.Database, sql: string, params: readonly unknown[]): number | undefined {
  if (db.inTransaction) return undefined;
  return currentCounts(db).get(countKey(sql, params));
}

/** Remembers `count` as the result of count `sql` with `params`, worked out some other way. */
export function rememberCount(db: Database.Database, sql: string, params: readonly unknown[], count: number): void {
  if (db.inTransaction) return;
  const counts = currentCounts(db);
  if (counts.size >= MAX_ENTRIES) counts.clear();
  counts.set(countKey(sql, params), count);
}

export function cachedCount(db: Database.Database, sql: string, params: readonly unknown[]): number {
  let count = rememberedCount(db, sql, params);
  if (count === undefined) {
    count = preparedBounded(db, sql)
      .pluck()
      .get(...params) as number;
    rememberCount(db, sql, params, count);
  }
  return count;
}
