/** Runs the chosen seed on a database that holds only the schema. */
import type Database from 'better-sqlite3';
import { seedDemo } from './demo.js';
import { seedDemoHistory } from './history.js';
import { seedLargeHistory } from './history-large.js';
import { seedLarge } from './large.js';

export type SeedKind = 'demo' | 'large' | 'none';

export const SEED_KINDS: readonly SeedKind[] = ['demo', 'large', 'none'];

export function runSeed(db: Database.Database, kind: SeedKind): void {
  switch (kind) {
    case 'demo':
      seedDemo(db);
      seedDemoHistory(db);
      return;
    case 'large':
      seedLarge(db);
      seedLargeHistory(db);
      return;
    case 'none':
      return;
    default:
      throw new Error(`Unknown seed "${String(kind)}"; expected one of ${SEED_KINDS.join(', ')}`);
  }
}
