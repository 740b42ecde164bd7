import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeeded } from './server';

/** The seed's code: a data dir seeded by other code is seeded again. */
function seedFingerprint(root: string): string {
  const hash = createHash('sha256');
  const seedDir = join(root, 'server', 'src', 'db', 'seed');
  for (const file of [
    join(root, 'server', 'src', 'db', 'schema.sql'),
    join(root, 'server', 'src', 'db', 'open.ts'),
    ...readdirSync(seedDir)
      .sort()
      .map((f) => join(seedDir, f)),
  ])
    hash.update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Keeps the bench's seeded data dir while the seed's code is unchanged (its fingerprint is stamped in
 * the dir), and empties it otherwise so the server seeds it again.
 */
export function prepareDataDir(root: string, dataDir: string, log: (line: string) => void): void {
  const stamp = join(dataDir, 'bench-seed.json');
  const fingerprint = seedFingerprint(root);
  if (isSeeded(dataDir) && existsSync(stamp)) {
    const previous = (JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint?: string }).fingerprint;
    if (previous !== fingerprint) {
      log('The seed code changed since bench/.tmp/large was seeded: seeding again.');
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else if (!isSeeded(dataDir)) {
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(stamp, JSON.stringify({ fingerprint }, null, 2));
}
