// Fails when src/api/generated/ is not what `npm run generate` makes from openapi/groups.yaml now
// (orval's hooks and models, and scripts/generate-contract.mjs's contract facts). Regenerates in
// place, compares file by file with a copy taken first, and puts the copy back.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const dir = 'src/api/generated';
const listFiles = (root) => {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
};

const backup = mkdtempSync(join(tmpdir(), 'generated-'));
cpSync(dir, backup, { recursive: true });
let stale = [];
try {
  execFileSync('npx', ['orval', '--config', 'orval.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('node', ['scripts/generate-contract.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const before = listFiles(backup);
  const after = listFiles(dir);
  const all = new Set([...before, ...after]);
  for (const f of all) {
    const a = before.includes(f) ? readFileSync(join(backup, f), 'utf8') : null;
    const b = after.includes(f) ? readFileSync(join(dir, f), 'utf8') : null;
    if (a !== b) stale.push(f);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  cpSync(backup, dir, { recursive: true });
  rmSync(backup, { recursive: true, force: true });
}
if (stale.length > 0) {
  console.error(
    `src/api/generated is stale against openapi/groups.yaml (${stale.length} files differ, e.g. ${stale.slice(0, 5).join(', ')}).\nRun: npm run generate, and commit the result.`,
  );
  process.exit(1);
}
console.log('Generated code is current with openapi/groups.yaml.');
