// `npm test`: the stages cheapest first, stopping at the first that fails, each timed; the times are
// printed as each stage ends and together at the end (README, "Tests").
import { spawnSync } from 'node:child_process';

const STAGES = [
  ['generated code', 'npm run check:generated'],
  [
    'OpenAPI lint, typecheck, lint',
    'concurrently --group --kill-others-on-fail --names openapi,typecheck,lint npm:lint:openapi npm:typecheck npm:lint',
  ],
  ['unit and server tests', 'npm run test:unit'],
  ['end-to-end tests', 'npm run test:e2e'],
];

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const took = [];
const started = Date.now();
for (const [name, command] of STAGES) {
  const stageStarted = Date.now();
  const { status, signal } = spawnSync(command, { stdio: 'inherit', shell: true });
  took.push([name, Date.now() - stageStarted]);
  console.log(`\n== ${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds(Date.now() - stageStarted)}\n`);
  if (status !== 0) {
    console.error(`npm test stopped at "${name}" (${signal ?? `exit ${status}`}).`);
    process.exit(status ?? 1);
  }
}
console.log('npm test took', seconds(Date.now() - started));
for (const [name, ms] of took) console.log(`  ${name.padEnd(32)} ${seconds(ms)}`);
