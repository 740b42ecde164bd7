/**
 * Read memory: results of reads remembered until the database changes (the one word for it is
 * "remember": readMemory, remember, recall, rememberedCount), and prepared statements for SQL that
 * varies between requests.
 *
 *   rememberedCount(db, sql, params, memory?) → number
 *     Runs `sql` (a `SELECT COUNT(*) …`) the first time, then answers from memory for the same SQL and
 *     parameters until anything is written: by this connection (`total_changes()`) or committed by
 *     another one (`PRAGMA data_version`). Inside a transaction it always runs the query.
 *   readMemory(db) → { recall(kind, sql, params), remember(kind, sql, params, value), recallOr(…, compute) }
 *     The same memory for any result, by kind ('count', 'page'), for one piece of work: for callers
 *     that keep more than a count (the ids of a search page).
 *   changeStamp(db) → string
 *     Changes whenever this connection writes or another connection commits (for memories kept elsewhere).
 *   preparedBounded(db, sql) → Statement
 *     A prepared statement for SQL that varies between requests (search criteria, sets of expands),
 *     kept in a bounded least-recently-used set per connection, so repeated requests skip preparing
 *     without the set growing with every distinct query. Each SQL text keeps one result mode
 *     (plain, pluck or raw) wherever it is used.
 *
 * Counting a filtered table is a scan of every candidate row; a page of the same listing is an index
 * walk of one page. Paging through a listing or search repeats the same count for every page, so it is
 * worth keeping; a search page asked for again (a refresh, a step back) is worth keeping too. Any write
 * clears everything remembered, which keeps the rule simple and exact.
 */
import type Database from 'better-sqlite3';
import { cached } from './statements.js';

const MAX_ENTRIES = 1024;
const MAX_VARYING_STATEMENTS = 256;

interface Memory {
  stamp: string;
  values: Map<string, unknown>;
}

const memories = new WeakMap<Database.Database, Memory>();

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

/** What `db` remembers, emptied when anything has been written since it was remembered. */
function currentMemory(db: Database.Database): Memory {
  const stamp = changeStamp(db);
  let memory = memories.get(db);
  if (!memory || memory.stamp !== stamp) memories.set(db, (memory = { stamp, values: new Map() }));
  return memory;
}

export type RememberedKind = 'count' | 'page';

export interface ReadMemory {
  /** The remembered `kind` result of `sql` with `params`, if it is still exact. */
  recall<T>(kind: RememberedKind, sql: string, params: readonly unknown[]): T | undefined;
  /** Remembers `value` as the `kind` result of `sql` with `params`, unless a write came in meanwhile. */
  remember(kind: RememberedKind, sql: string, params: readonly unknown[], value: unknown): void;
  /** The remembered result, or `compute()`'s, which is then remembered. */
  recallOr<T>(kind: RememberedKind, sql: string, params: readonly unknown[], compute: () => T): T;
}

const memoryKey = (kind: RememberedKind, sql: string, params: readonly unknown[]) =>
  `${kind}\u0000${sql}\u0000${JSON.stringify(params)}`;

const NOTHING_REMEMBERED: ReadMemory = {
  recall: () => undefined,
  remember: () => undefined,
  recallOr: (_kind, _sql, _params, compute) => compute(),
};

/**
 * The memory of `db` for one piece of work: what it recalls is exact as of now, and what it remembers
 * is kept only when nothing was written (here or by another connection) since it was opened, so a result
 * worked out before someone else's commit is never kept as current. Inside a transaction of a connection
 * that writes (whose changes may yet be rolled back) it neither recalls nor remembers; a read-only
 * connection's transaction is one snapshot, and its change stamp is that snapshot's.
 */
export function readMemory(db: Database.Database): ReadMemory {
  if (db.inTransaction && !db.readonly) return NOTHING_REMEMBERED;
  const memory = currentMemory(db);
  const handle: ReadMemory = {
    recall: <T>(kind: RememberedKind, sql: string, params: readonly unknown[]) =>
      memory.values.get(memoryKey(kind, sql, params)) as T | undefined,
    remember: (kind, sql, params, value) => {
      if (memories.get(db) !== memory || changeStamp(db) !== memory.stamp) return;
      if (memory.values.size >= MAX_ENTRIES) memory.values.clear();
      memory.values.set(memoryKey(kind, sql, params), value);
    },
    recallOr: <T>(kind: RememberedKind, sql: string, params: readonly unknown[], compute: () => T): T => {
      let value = handle.recall<T>(kind, sql, params);
      if (value === undefined) {
        value = compute();
        handle.remember(kind, sql, params, value);
      }
      return value;
    },
  };
  return handle;
}

/** `memory`: the caller's own, when it also recalls other results for the same piece of work. */
export function rememberedCount(
  db: Database.Database,
  sql: string,
  params: readonly unknown[],
  memory: ReadMemory = readMemory(db),
): number {
  return memory.recallOr(
    'count',
    sql,
    params,
    () =>
      preparedBounded(db, sql)
        .pluck()
        .get(...params) as number,
  );
}
