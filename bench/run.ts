/**
 * `npm run bench`: measured size and speed of the console and the embedded server, each figure beside
 * its target, printed as a table and written to bench/results.json. A missed target is a finding,
 * not a failure: the exit code is 0 unless the bench itself broke.
 *
 *   npm run bench                    the full bench (about 10 minutes once the data is seeded)
 *   npm run bench -- --quick         a smoke run: one Lighthouse run each, shorter API and load runs
 *   npm run bench -- --only=api,load run some sections: bundle, startup, page, api, render, load, roster, find, notify
 *   (notify: notification channels, on its own demo-seeded server; it needs no console build)
 *   npm run bench -- --only=page --preset=mobile --pages=members --runs=1
 *                                    one preset, the console pages whose name contains a word (the floor is
 *                                    always measured beside them), and a number of Lighthouse runs each;
 *                                    each page's Lighthouse results (every run) stay in bench/.tmp/lighthouse
 *
 * Every client figure is read beside the stack floor's (`../shared/floor`, a bare app of the same stack):
 * the bench copies it to bench/.tmp/floor, installs it (`npm ci`, kept until its lock file changes),
 * builds it and measures it in the same run with the same settings, and prints console, floor and
 * ratio. Without `../shared/floor` it says so and prints the console's figures alone.
 *
 * It builds the console into bench/.tmp/dist, starts the server on the large seed (data kept in
 * bench/.tmp/large, so only the first run seeds) on a free loopback port with the rate limit off,
 * and stops it at the end, also on errors and Ctrl-C.
 */
import { writeFileSync } from 'node:fs';
import { prepareDataDir } from './lib/data-dir';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_GROUPS, PERSONA_PASSWORD, PERSONAS } from '../server/src/db/seed/personas';
import type { Api } from './lib/api-client';
import { EXPAND, runApiBench } from './lib/api-bench';
import { measureBundle, measureEntry } from './lib/bundle';
import { buildFloor, findFloor, floorSource, serveStatic, type StaticServer } from './lib/floor';
import { runLoadTest } from './lib/load-test';
import { runPageLoad } from './lib/page-load';
import { runRender } from './lib/render';
import { compared, figure, formatTable, notMeasured, type Figure } from './lib/report';
import { measureStartup, startupDataDir, startupFigures } from './lib/startup';
import { runNotifyBench } from './lib/notifications';
import { runRosterBench } from './lib/roster';
import { runFindBench } from './lib/find-member';
import { adminToken, buildConsole, isSeeded, startServer, type RunningServer } from './lib/server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench', '.tmp');
const DIST = join(TMP, 'dist');
const DATA_DIR = join(TMP, 'large');
const FLOOR_DIR = join(TMP, 'floor');
/** The floor's one page: a 25-row Mantine Table from a query. */
const FLOOR_PAGE = '/items';
const RESULTS = join(ROOT, 'bench', 'results.json');
const SECTIONS = ['bundle', 'startup', 'page', 'api', 'render', 'load', 'roster', 'find', 'notify'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The members tab of a group with `pageSize` rows a page and the given expand columns, in the URL
 * state the group page reads (src/features/groups/detail/detail-url-state.ts: tab, size, cols).
 */
export const membersTabPath = (groupId: string, pageSize: number, expand: string) =>
  `/groups/${groupId}?${new URLSearchParams({ tab: 'members', size: String(pageSize), cols: expand }).toString()}`;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = new Set<Section>(
  onlyArg
    ? (onlyArg
        .slice('--only='.length)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean) as Section[])
    : SECTIONS,
);
const valueOf = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const presets = valueOf('preset')
  ?.split(',')
  .filter((p): p is 'desktop' | 'mobile' => p === 'desktop' || p === 'mobile');
const pageFilter = valueOf('pages')?.split(',').filter(Boolean);
const runsArg = valueOf('runs');
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`Unknown section "${s}"; use ${SECTIONS.join(', ')}.`);

const settings = quick
  ? { lighthouseRuns: 1, api: { connections: 10, durationSeconds: 3 }, load: { connections: 200, durationSeconds: 8 } }
  : {
      lighthouseRuns: runsArg ? Math.max(1, Number(runsArg)) : 3,
      api: { connections: 10, durationSeconds: 10 },
      load: { connections: 200, durationSeconds: 30 },
    };
/** The whole bench stops (and stops the server) if it runs longer than this. */
const TIME_BUDGET_MS = (quick ? 20 : 45) * 60_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function main(): Promise<number> {
  const startedAt = new Date();
  const figures: Figure[] = [];
  const results: Record<string, unknown> = {
    startedAt: startedAt.toISOString(),
    mode: quick ? 'quick' : 'full',
    sections: [...only],
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 10) / 10),
      node: process.version,
    },
    settings,
  };
  log(
    `Machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work on the machine skews the figures).`,
  );
  let broken = false;
  const section = async (name: Section, run: () => Promise<void>) => {
    if (!only.has(name)) return;
    log(`\n▶ ${name}`);
    const started = performance.now();
    try {
      await run();
    } catch (error) {
      broken = true;
      const message = error instanceof Error ? error.message : String(error);
      log(`  ${name} broke: ${message}`);
      if (error instanceof Error && error.stack) log(error.stack.split('\n').slice(1, 4).join('\n'));
      figures.push(notMeasured(name, 'section', `it broke: ${message.split('\n')[0]}`));
    }
    log(`  (${seconds(performance.now() - started)} s)`);
  };

  await section('notify', async () => {
    const out = await runNotifyBench({ root: ROOT, tmp: TMP, events: quick ? 20 : 100, log });
    results.notify = out.result;
    figures.push(...out.figures);
  });
  // Every other section needs the console's build (the server serves it).
  if (![...only].some((s) => s !== 'notify')) return finish(figures, results, broken, startedAt);

  log(`▶ build: npx vite build --manifest → bench/.tmp/dist`);
  const build = buildConsole(ROOT, DIST);
  results.build = { seconds: seconds(build.ms) };
  log(`  (${seconds(build.ms)} s)`);

  const needsFloor = (['bundle', 'page'] as const).some((s) => only.has(s));
  const floorSourceDir = needsFloor ? findFloor(ROOT) : undefined;
  let floorDist: string | undefined;
  if (needsFloor && !floorSourceDir) {
    log(`\nThe stack floor is missing (${floorSource(ROOT)}): the client figures are printed without the floor's.`);
    results.floor = { missing: floorSource(ROOT) };
  } else if (floorSourceDir) {
    log(`\n▶ floor: ${floorSourceDir} → bench/.tmp/floor (npm ci when its lock changed, vite build --manifest)`);
    try {
      const floorBuild = buildFloor(floorSourceDir, FLOOR_DIR, log);
      floorDist = floorBuild.dist;
      results.floor = { source: floorSourceDir, buildSeconds: seconds(floorBuild.ms) };
      log(`  (${seconds(floorBuild.ms)} s)`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`  the floor could not be built: ${message}; the client figures are printed without the floor's.`);
      results.floor = { source: floorSourceDir, failed: message };
      figures.push(notMeasured('floor', 'build', message.split('\n')[0] ?? message));
    }
  }

  await section('bundle', async () => {
    const bundle = measureBundle(DIST, ROOT);
    const floor = floorDist ? measureEntry(floorDist) : undefined;
    results.bundle = { ...bundle, floor };
    const kB = (bytes: number) => Math.round(bytes / 100) / 10;
    const floorKB = (bytes: number | undefined) => (floor ? kB(bytes ?? 0) : undefined);
    const s = 'bundle';
    figures.push(
      compared(
        s,
        'initial JS for /groups (gzip)',
        kB(bundle.route.js.gzip),
        floorKB(floor?.js.gzip),
        'kB',
        { op: '<=', limit: 1.3, of: 'ratio' },
        `${kB(bundle.route.js.raw)} kB raw in ${bundle.route.js.files} files${floor ? `; floor ${FLOOR_PAGE}: ${kB(floor.js.raw)} kB raw in ${floor.js.files} files` : ''}`,
      ),
      figure(
        s,
        'initial JS for /groups as served (Brotli copies)',
        kB(bundle.route.js.served),
        'kB',
        undefined,
        'the bytes a browser that accepts Brotli downloads',
      ),
      compared(
        s,
        'initial CSS for /groups (gzip)',
        kB(bundle.route.css.gzip),
        floorKB(floor?.css.gzip),
        'kB',
        { op: '<=', limit: 20 },
        `${kB(bundle.route.css.raw)} kB raw in ${bundle.route.css.files} files`,
      ),
      figure(
        s,
        'whole app JS (gzip)',
        kB(bundle.app.js.gzip),
        'kB',
        undefined,
        `${kB(bundle.app.js.raw)} kB raw in ${bundle.app.js.files} files`,
      ),
      figure(
        s,
        'whole app CSS (gzip)',
        kB(bundle.app.css.gzip),
        'kB',
        undefined,
        `${kB(bundle.app.css.raw)} kB raw in ${bundle.app.css.files} files`,
      ),
      ...bundle.largestModules.map((m, i) =>
        figure(s, `module #${i + 1} (minified)`, kB(m.bytes), 'kB', undefined, m.module),
      ),
      ...bundle.largestPackages
        .slice(0, 5)
        .map((m, i) => figure(s, `package #${i + 1} (minified)`, kB(m.bytes), 'kB', undefined, m.module)),
    );
    log(`  /groups: JS ${kB(bundle.route.js.gzip)} kB gzip, CSS ${kB(bundle.route.css.gzip)} kB gzip`);
    if (floor) log(`  floor ${FLOOR_PAGE}: JS ${kB(floor.js.gzip)} kB gzip, CSS ${kB(floor.css.gzip)} kB gzip`);
  });

  await section('startup', async () => {
    const startup = await measureStartup(ROOT, DIST, startupDataDir(TMP), quick ? 1 : 3);
    results.startup = startup;
    figures.push(...startupFigures(startup));
  });

  const needsServer = (['page', 'api', 'render', 'load', 'roster', 'find'] as const).some((s) => only.has(s));
  if (!needsServer) return finish(figures, results, broken, startedAt);

  prepareDataDir(ROOT, DATA_DIR, log);
  log(
    `\n▶ server: SEED=large, data in bench/.tmp/large${isSeeded(DATA_DIR) ? ' (reused)' : ' (seeding: this takes a while)'}`,
  );
  let server: RunningServer | undefined;
  let floorServer: StaticServer | undefined;
  const stopServer = async () => {
    const s = server;
    server = undefined;
    const f = floorServer;
    floorServer = undefined;
    await f?.close();
    if (s) await s.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`\n${signal}: stopping the server.`);
    void stopServer().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const budget = setTimeout(() => {
    log(`\nThe bench ran past its ${TIME_BUDGET_MS / 60_000}-minute budget: stopping.`);
    void stopServer().finally(() => process.exit(2));
  }, TIME_BUDGET_MS);
  budget.unref();

  try {
    server = await startServer({
      root: ROOT,
      dataDir: DATA_DIR,
      staticDir: DIST,
      seed: 'large',
      timeoutMs: 30 * 60_000,
      log,
    });
    const startMem = server.memory();
    results.server = {
      url: server.url,
      seeded: server.seeded,
      startSeconds: seconds(server.startMs),
      peakRssMiBAtStart: startMem ? Math.round(startMem.peakKb / 1024) : null,
    };
    log(
      `  listening on ${server.url} after ${seconds(server.startMs)} s${server.seeded ? ' (including the seed)' : ''}`,
    );
    figures.push(
      figure(
        'server',
        server.seeded ? 'start-up including the large seed' : 'start-up (seeded data reused)',
        seconds(server.startMs),
        's',
      ),
    );
    if (startMem)
      figures.push(
        figure(
          'server',
          'peak RSS at start-up',
          Math.round(startMem.peakKb / 1024),
          'MiB',
          undefined,
          server.seeded ? 'the seed ran in a child process of its own, not counted here' : undefined,
        ),
      );
    server.resetPeakRss();

    const api: Api = { url: server.url, token: await adminToken(server.url) };
    const groups = { fiveHundred: LARGE_GROUPS.fiveHundred.id, huge: LARGE_GROUPS.huge.id };
    const credentials = { email: PERSONAS.admin.email, password: PERSONA_PASSWORD };
    /** The page loads are measured as the supervisor: the person who opens the console on a phone. */
    const pageCredentials = { email: PERSONAS.supervisor.email, password: PERSONA_PASSWORD };
    const runId = startedAt.toISOString().replace(/[:.]/g, '-');
    const peak = (label: string) => {
      const m = server?.memory();
      if (!m) return;
      figures.push(
        figure(
          'server',
          `peak RSS during ${label}`,
          Math.round(m.peakKb / 1024),
          'MiB',
          undefined,
          `VmHWM; RSS now ${Math.round(m.rssKb / 1024)} MiB`,
        ),
      );
      server?.resetPeakRss();
    };

    await section('page', async () => {
      if (floorDist) floorServer = await serveStatic(floorDist);
      const out = await runPageLoad({
        reportDir: join(TMP, 'lighthouse'),
        pages: [
          ...(floorServer
            ? [{ name: `floor ${FLOOR_PAGE}`, baseUrl: floorServer.url, path: FLOOR_PAGE, floor: true }]
            : []),
          { name: '/groups', baseUrl: server!.url, path: '/groups', credentials: pageCredentials },
          {
            name: '50k members tab',
            baseUrl: server!.url,
            path: `/groups/${groups.huge}?tab=members`,
            readySelector: '[data-testid="members-table"]',
            credentials: pageCredentials,
          },
        ],
        runs: settings.lighthouseRuns,
        presets,
        pageFilter,
        log,
      });
      results.pageLoad = out.results;
      figures.push(...out.figures);
    });

    await section('api', async () => {
      server!.resetPeakRss();
      const out = await runApiBench(api, groups, { ...settings.api, runId, log });
      results.api = out.results;
      figures.push(...out.figures);
      peak('the API bench');
    });

    await section('roster', async () => {
      const out = await runRosterBench(api, groups, { runs: quick ? 1 : 3, log });
      results.roster = out.results;
      figures.push(...out.figures);
    });

    await section('find', async () => {
      const out = await runFindBench(api, groups, { finds: quick ? 5 : 20, log });
      results.find = out.results;
      figures.push(...out.figures);
    });

    await section('render', async () => {
      const path = membersTabPath(groups.huge, 500, EXPAND);
      const out = await runRender({ baseUrl: server!.url, path, expectedRows: 500, credentials, log });
      results.render = out.result ?? { url: path, notMeasured: out.figures[0]?.note };
      figures.push(...out.figures);
    });

    await section('load', async () => {
      server!.resetPeakRss();
      const out = await runLoadTest(api, groups, {
        ...settings.load,
        scratchGroups: 4,
        usersPerConnection: 5,
        writeShare: 0.3,
        staleVersionShare: 0.02,
        runId,
        log,
      });
      const { figures: loadFigures, ...rest } = out;
      results.load = {
        ...rest,
        ledger: {
          ...rest.ledger,
          lost: rest.ledger.lost.slice(0, 20),
          unexpected: rest.ledger.unexpected.slice(0, 20),
        },
      };
      figures.push(...loadFigures);
      log(
        `  ${out.totals.requests} requests (${out.totals.rps}/s); statuses ${JSON.stringify(out.statuses)}; lost ${out.ledger.lost.length}`,
      );
      peak('the load test');
    });
  } catch (error) {
    broken = true;
    const message = error instanceof Error ? error.message : String(error);
    log(`The bench broke: ${message}`);
    figures.push(notMeasured('server', 'start', message.split('\n')[0] ?? message));
  } finally {
    await stopServer();
    clearTimeout(budget);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  return finish(figures, results, broken, startedAt);
}

function finish(figures: Figure[], results: Record<string, unknown>, broken: boolean, startedAt: Date): number {
  results.seconds = seconds(Date.now() - startedAt.getTime());
  results.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 10) / 10);
  results.figures = figures;
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n${formatTable(figures)}\n`);
  const missed = figures.filter((f) => f.met === false).length;
  const met = figures.filter((f) => f.met === true).length;
  log(
    `${met} targets met, ${missed} missed${broken ? '; some sections broke (see above)' : ''}. Results: bench/results.json (${results.seconds as number} s).`,
  );
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `The bench broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
