/**
 * Creates and seeds a database in a process of its own (see openDataDir in open.ts):
 *   node --import <tsx> server/src/db/seed-process.ts <file> <seed>     (from the sources)
 *   node server/dist/db/seed-process.js <file> <seed>                   (compiled)
 */
import { openDatabase, type SeedKind } from './open.js';

const [file, seed] = process.argv.slice(2);
if (!file || !seed) {
  process.stderr.write('usage: seed-process.ts <database file> <seed>\n');
  process.exit(2);
}
openDatabase(file, { seed: seed as SeedKind }).close();
