// `npm test`: every check, each stage timed (README, "Tests").
//
// The generated-code check (it rewrites src/api/generated for a moment) and the build (server/dist and
// dist/, which the end-to-end tests serve and deploy/ship.test.ts installs) run first, one after the
// other. Then the end-to-end tests run beside the other checks: OpenAPI lint, typecheck and lint, then the
// unit and server tests. Those run at a lower priority (nice 10), in the processor time the end-to-end
// stage leaves idle while its pages wait, so the end-to-end tests keep their pace. The checks' output is
// printed as each of their stages ends; the first failure anywhere stops everything.
import { spawn, spawnSync } from 'node:child_process';

const FIRST = [
  ['generated code', 'npm run check:generated'],
  ['build', 'npm run build -- --logLevel warn'],
];
const END_TO_END = ['end-to-end tests', 'npm run test:e2e'];
const BESIDE = [
  [
    'OpenAPI lint, typecheck, lint',
    'concurrently --group --kill-others-on-fail --names openapi,typecheck,lint npm:lint:openapi npm:typecheck npm:lint',
  ],
  ['unit and server tests', 'npm run test:unit'],
];
const NICENESS = 10;
const hasNice = process.platform !== 'win32' && spawnSync('nice', ['true']).status === 0;

const started = Date.now();
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
/** [stage, started at (ms since npm test started), took (ms)] */
const took = [];
const running = new Set();

const stopAll = () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the stage's own process group
    } catch {
      // Already gone.
    }
  }
};
const fail = (name, status, signal) => {
  console.error(`\nnpm test stopped at "${name}" (${signal ?? `exit ${status}`}).`);
  stopAll();
  process.exit(status || 1);
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(1);
  });
}

/** Runs one stage in a process group of its own (`quiet`: its output kept and printed when it ends); resolves with its exit. */
const run = ([name, command], { quiet = false, nice = false } = {}) =>
  new Promise((resolve) => {
    const stageStarted = Date.now();
    const line = nice && hasNice ? `nice -n ${NICENESS} ${command}` : command;
    const child = spawn(line, {
      shell: true,
      detached: true,
      stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    });
    running.add(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (status, signal) => {
      running.delete(child);
      const ms = Date.now() - stageStarted;
      took.push([name, stageStarted - started, ms]);
      const result = status === 0 ? 'passed' : 'FAILED';
      if (quiet) process.stdout.write(`\n== ${name} (beside the end-to-end tests): output\n${output}`);
      console.log(`\n== ${name}: ${result} in ${seconds(ms)}\n`);
      resolve({ name, status, signal });
    });
  });

for (const stage of FIRST) {
  const { name, status, signal } = await run(stage);
  if (status !== 0) fail(name, status, signal);
}

const checks = (async () => {
  for (const stage of BESIDE) {
    const result = await run(stage, { quiet: true, nice: true });
    if (result.status !== 0) return result;
  }
  return { status: 0 };
})();
const endToEnd = run(END_TO_END);
// Whichever fails first stops the other.
for (const branch of [checks, endToEnd]) {
  void branch.then(({ name, status, signal }) => {
    if (status !== 0) fail(name, status, signal);
  });
}
await Promise.all([checks, endToEnd]);

console.log('npm test took', seconds(Date.now() - started));
for (const [name, at, ms] of took.sort((a, b) => a[1] - b[1]))
  console.log(`  ${name.padEnd(32)} ${seconds(ms).padStart(6)}   (from ${seconds(at)})`);
