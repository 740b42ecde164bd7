/**
 * A gentle, deterministic simulation of the demo org's day: every few seconds a handful of active users
 * change presence (and agents on queue change routing status), so rosters are alive on a fresh machine.
 *
 *   const stop = startPresenceSimulation(db, { intervalMs: 5000 });
 *   …
 *   stop();
 *
 * Deterministic: tick n draws from a generator seeded with (seed, n) over the active users in id order,
 * so the same database and the same number of ticks give the same presences. Each tick changes about
 * one active user in 500 (at least 1, at most 25) in one transaction. Turned off with
 * PRESENCE_SIMULATION=off (server/src/config.ts); never started by tests.
 */
import type Database from 'better-sqlite3';
import { orgPresenceDefinitions, writePresence } from '../../domain/users/presence.js';
import { Rng } from './prng.js';

export interface PresenceSimulationOptions {
  /** Time between ticks. Default 5 s. */
  intervalMs?: number;
  /** Seed of the generator. Default 14. */
  seed?: number;
  /** Clock (tests). */
  now?: () => Date;
}

/** Where a user goes next, by weight: most people are available, on queue or busy. */
const NEXT_PRESENCE: ReadonlyArray<[string, number]> = [
  ['Available', 30],
  ['On Queue', 20],
  ['Busy', 12],
  ['Away', 8],
  ['Meeting', 8],
  ['Break', 5],
  ['Meal', 4],
  ['Training', 3],
  ['Idle', 3],
  ['Offline', 7],
];
const TOTAL_WEIGHT = NEXT_PRESENCE.reduce((sum, [, w]) => sum + w, 0);
const ON_QUEUE_STATUSES = ['IDLE', 'INTERACTING', 'COMMUNICATING', 'IDLE', 'INTERACTING', 'NOT_RESPONDING'];

function weightedPresence(rng: Rng): string {
  let at = rng.next() * TOTAL_WEIGHT;
  for (const [name, weight] of NEXT_PRESENCE) {
    at -= weight;
    if (at < 0) return name;
  }
  return 'Available';
}

/** Runs tick `n` of the simulation on `db`: returns how many users changed. */
export function simulatePresenceTick(db: Database.Database, n: number, seed = 14, now = new Date()): number {
  const ids = db.prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id").pluck().all() as string[];
  if (ids.length === 0) return 0;
  const rng = new Rng((seed * 1_000_003 + n) >>> 0);
  const count = Math.min(25, Math.max(1, Math.round(ids.length / 500)));
  const bySystem = new Map(orgPresenceDefinitions().map((d) => [d.systemPresence, d.id]));
  const current = db
    .prepare("SELECT expand_json ->> '$.presence.presenceDefinition.systemPresence' FROM users WHERE id = ?")
    .pluck();
  db.transaction(() => {
    for (const id of rng.sample(ids, count)) {
      const was = current.get(id) as string | null;
      // An agent on queue mostly moves between routing statuses rather than leaving the queue.
      const next = was === 'On Queue' && rng.chance(0.7) ? 'On Queue' : weightedPresence(rng);
      const routing = next === 'On Queue' ? rng.pick(ON_QUEUE_STATUSES) : undefined;
      writePresence(db, id, { definitionId: bySystem.get(next) }, now, routing);
    }
  })();
  return count;
}

/** Starts the simulation's timer (unref'd: it never keeps the process alive); returns its stop function. */
export function startPresenceSimulation(db: Database.Database, options: PresenceSimulationOptions = {}): () => void {
  const seed = options.seed ?? 14;
  let n = 0;
  const timer = setInterval(() => {
    if (!db.open) return;
    try {
      simulatePresenceTick(db, n++, seed, options.now?.() ?? new Date());
    } catch {
      // A busy or closing database skips a tick; the next one tries again.
    }
  }, options.intervalMs ?? 5000);
  timer.unref();
  return () => clearInterval(timer);
}
