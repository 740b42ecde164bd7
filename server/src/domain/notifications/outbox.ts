/**
 * Events leave only after the change that made them commits. A writer calls `publishAfterCommit`
 * inside its transaction; the event goes into a TEMP table of the same connection, so it commits or
 * rolls back with the change (savepoints included). After the synchronous transaction has returned, a
 * microtask reads what committed, empties the table and hands the messages to the hub.
 *
 * Nothing happens when nobody listens: without a hub for the database, or without a channel subscribed
 * to the topic, `publishAfterCommit` returns before building the event. Outside a transaction the
 * event is delivered at once.
 */
import type Database from 'better-sqlite3';
import { cached } from '../../db/statements.js';
import { streamMessage, type NotificationHub } from './hub.js';

const hubs = new WeakMap<Database.Database, NotificationHub>();
const flushScheduled = new WeakSet<Database.Database>();

const OUTBOX_DDL = `CREATE TEMP TABLE IF NOT EXISTS notification_outbox (
  seq INTEGER PRIMARY KEY, topic TEXT NOT NULL, message TEXT NOT NULL)`;

/** Makes the hub the receiver of the database's events (call it outside any transaction). */
export function attachHub(db: Database.Database, hub: NotificationHub): void {
  db.exec(OUTBOX_DDL);
  hubs.set(db, hub);
}

export function detachHub(db: Database.Database, hub: NotificationHub): void {
  if (hubs.get(db) === hub) hubs.delete(db);
}

/** The hub attached to the database, if any. */
export const hubOf = (db: Database.Database): NotificationHub | undefined => hubs.get(db);

/**
 * Publishes `body()` on `topic` once the current transaction commits (at once outside one); body is
 * built only when some channel subscribed to the topic.
 */
export function publishAfterCommit(db: Database.Database, written: string, body: () => unknown): void {
  const hub = hubs.get(db);
  if (!hub) return;
  const topic = hub.publishedName(written);
  if (!hub.hasSubscribers(topic)) return;
  const message = streamMessage(topic, hub.publishedBody(topic, body()));
  if (!db.inTransaction) {
    hub.deliver(topic, message);
    return;
  }
  cached(db, 'INSERT INTO temp.notification_outbox (topic, message) VALUES (?, ?)').run(topic, message);
  if (flushScheduled.has(db)) return;
  flushScheduled.add(db);
  queueMicrotask(() => flush(db));
}

function flush(db: Database.Database): void {
  // A transaction left open across turns (BEGIN … COMMIT by hand) is waited for.
  if (db.open && db.inTransaction) {
    setImmediate(() => flush(db));
    return;
  }
  flushScheduled.delete(db);
  const hub = hubs.get(db);
  if (!db.open || !hub) return;
  const rows = cached(db, 'SELECT topic, message FROM temp.notification_outbox ORDER BY seq').all() as Array<{
    topic: string;
    message: string;
  }>;
  if (rows.length === 0) return;
  cached(db, 'DELETE FROM temp.notification_outbox').run();
  for (const { topic, message } of rows) hub.deliver(topic, message);
}
