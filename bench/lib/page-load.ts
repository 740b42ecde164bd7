/**
 * Page load with Lighthouse (Node API, user flows) in the system Chromium driven by the
 * puppeteer-core Lighthouse ships with. The console keeps its token in sessionStorage, so each
 * flow signs in through the real sign-in form first and then measures navigations in the same tab
 * with storage reset off; the HTTP cache is cleared before each one, so every load is cold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desktopConfig, startFlow, type Config, type FlowResult } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { compared, figure, median, round, type Figure } from './report';

export interface PageTarget {
  name: string;
  /** The origin the page is served from (the console's server, or the floor's). */
  baseUrl: string;
  path: string;
  /** A selector that shows the page rendered what it is measured for; noted when absent. */
  readySelector?: string;
  /** Sign in through the console's form first (the floor has no sign-in). */
  credentials?: { email: string; password: string };
  /** The stack floor: the figures of the other pages are read against it. */
  floor?: boolean;
}

/** Where the main thread's time went during a load (Lighthouse `mainthread-work-breakdown` and `bootup-time`). */
export interface MainThread {
  /** Milliseconds per category (Script Evaluation, Style & Layout, …). */
  categories: Record<string, number>;
  /** The scripts that took the most main-thread time, their path without the origin. */
  scripts: { url: string; total: number; scripting: number; parse: number }[];
  /**
   * The long tasks (50 ms and more) that start after the first contentful paint, the ones the blocking
   * time counts, in the order they ran (Lighthouse `long-tasks`): start and duration in ms, the script
   * they are attributed to.
   */
  longTasks: { start: number; duration: number; url: string }[];
}

export interface PageLoadRun {
  score: number | null;
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  /** JavaScript fetched until the network went quiet (Lighthouse `network-requests`), transfer bytes. */
  jsBytes?: number | null;
  /** How many script requests that was. */
  jsRequests?: number | null;
  mainThread?: MainThread;
}

export interface PageLoadResult {
  page: string;
  floor?: boolean;
  preset: 'desktop' | 'mobile';
  runs: PageLoadRun[];
  median: PageLoadRun;
  warnings: string[];
}

const performanceOnly = (preset: 'desktop' | 'mobile'): Config =>
  preset === 'desktop'
    ? { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: ['performance'] } }
    : { extends: 'lighthouse:default', settings: { onlyCategories: ['performance'] } };

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/groups`, { waitUntil: 'networkidle0', timeout: 60_000 });
  if (!page.url().includes('/oauth/authorize')) throw new Error(`Expected the sign-in page, got ${page.url()}`);
  await page.type('#email', email);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation({ timeout: 60_000 }), page.click('button[type="submit"]')]);
  await page.waitForFunction(
    () => {
      const name = document.querySelector('[data-testid="user-name"]')?.textContent ?? '';
      return location.pathname === '/groups' && name.length > 0 && name !== '…';
    },
    { timeout: 60_000 },
  );
}

type Lhr = FlowResult['steps'][number]['lhr'];
interface TableItems {
  items?: Record<string, unknown>[];
}

const numberOr0 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const pathOf = (raw: string): string => {
  try {
    return new URL(raw).pathname;
  } catch {
    return raw; // Not a URL ("Unattributable"): kept as it is.
  }
};

/** The main-thread breakdown of one Lighthouse run: time per category, the top scripts, the long tasks after FCP. */
export function mainThreadOf(lhr: Pick<Lhr, 'audits'>, topScripts = 5): MainThread {
  const categories: Record<string, number> = {};
  const work = (lhr.audits['mainthread-work-breakdown']?.details as TableItems | undefined)?.items ?? [];
  for (const item of work) {
    const label = typeof item.groupLabel === 'string' ? item.groupLabel : String(item.group);
    categories[label] = Math.round(numberOr0(categories[label]) + numberOr0(item.duration));
  }
  const bootup = (lhr.audits['bootup-time']?.details as TableItems | undefined)?.items ?? [];
  const scripts = bootup
    .map((item) => ({
      url: pathOf(typeof item.url === 'string' ? item.url : ''),
      total: Math.round(numberOr0(item.total)),
      scripting: Math.round(numberOr0(item.scripting)),
      parse: Math.round(numberOr0(item.scriptParseCompile)),
    }))
    .sort((a, b) => b.total - a.total)
    .slice(0, topScripts);
  const fcp = lhr.audits['first-contentful-paint']?.numericValue ?? 0;
  const longTasks = ((lhr.audits['long-tasks']?.details as TableItems | undefined)?.items ?? [])
    .map((item) => ({
      start: Math.round(numberOr0(item.startTime)),
      duration: Math.round(numberOr0(item.duration)),
      url: pathOf(typeof item.url === 'string' ? item.url : ''),
    }))
    .filter((task) => task.start >= fcp)
    .sort((a, b) => a.start - b.start);
  return { categories, scripts, longTasks };
}

/**
 * The JavaScript a load fetched until the network went quiet (Lighthouse waits for network idle before
 * it ends a navigation): bytes on the wire and the number of script requests, from `network-requests`.
 */
export function scriptsFetched(lhr: Pick<Lhr, 'audits'>): { bytes: number; requests: number } | null {
  const items = (lhr.audits['network-requests']?.details as TableItems | undefined)?.items;
  if (!items) return null;
  const scripts = items.filter((item) => item.resourceType === 'Script');
  return {
    bytes: scripts.reduce((sum, item) => sum + numberOr0(item.transferSize), 0),
    requests: scripts.length,
  };
}

/** Median per category over runs (a category missing from a run counts as 0 there); scripts and long tasks of the median run. */
export function medianMainThread(runs: readonly MainThread[]): MainThread | undefined {
  if (runs.length === 0) return undefined;
  const labels = new Set(runs.flatMap((r) => Object.keys(r.categories)));
  const categories: Record<string, number> = {};
  for (const label of labels) categories[label] = median(runs.map((r) => r.categories[label] ?? 0)) ?? 0;
  const total = (r: MainThread) => Object.values(r.categories).reduce((a, b) => a + b, 0);
  const byTotal = [...runs].sort((a, b) => total(a) - total(b));
  const middle = byTotal[Math.floor((byTotal.length - 1) / 2)]!;
  return { categories, scripts: middle.scripts, longTasks: middle.longTasks };
}

const metricsOf = (lhr: Lhr): PageLoadRun => {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const score = lhr.categories.performance?.score;
  const js = scriptsFetched(lhr);
  return {
    score: score === null || score === undefined ? null : Math.round(score * 100),
    fcp: round(numeric('first-contentful-paint'), 0),
    lcp: round(numeric('largest-contentful-paint'), 0),
    tbt: round(numeric('total-blocking-time'), 0),
    cls: round(numeric('cumulative-layout-shift'), 3),
    jsBytes: js ? js.bytes : null,
    jsRequests: js ? js.requests : null,
    mainThread: mainThreadOf(lhr),
  };
};

const medianRun = (runs: PageLoadRun[]): PageLoadRun => {
  const pick = (key: Exclude<keyof PageLoadRun, 'mainThread'>) =>
    median(runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number'));
  return {
    score: pick('score'),
    fcp: pick('fcp'),
    lcp: pick('lcp'),
    tbt: pick('tbt'),
    cls: pick('cls'),
    jsBytes: pick('jsBytes'),
    jsRequests: pick('jsRequests'),
    mainThread: medianMainThread(runs.flatMap((r) => (r.mainThread ? [r.mainThread] : []))),
  };
};

/**
 * Each page, desktop then mobile preset, `runs` cold loads each in a fresh browser; the floor's page
 * (when given) is measured in the same loop as the console's, so both see the same machine.
 */
export async function runPageLoad(options: {
  pages: readonly PageTarget[];
  runs: number;
  /** The presets to measure, desktop then mobile by default. */
  presets?: readonly ('desktop' | 'mobile')[];
  /** Only the pages whose name contains one of these (the floor is always measured). */
  pageFilter?: readonly string[];
  /** Where each page's Lighthouse flow result goes (one JSON file per page and preset), to read later. */
  reportDir?: string;
  log: (line: string) => void;
}): Promise<{ results: PageLoadResult[]; figures: Figure[] }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (node scripts/chromium.mjs --ensure installs one).');
  const results: PageLoadResult[] = [];
  const pages = options.pages.filter(
    (p) => p.floor || !options.pageFilter?.length || options.pageFilter.some((f) => p.name.includes(f)),
  );
  for (const preset of options.presets ?? (['desktop', 'mobile'] as const)) {
    for (const target of pages) {
      const browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, '--window-size=1350,940'],
        defaultViewport: null,
        protocolTimeout: 180_000,
      });
      try {
        const page = await browser.newPage();
        if (target.credentials)
          await signIn(page, target.baseUrl, target.credentials.email, target.credentials.password);
        const flow = await startFlow(page, { config: performanceOnly(preset), name: `${target.name} (${preset})` });
        const warnings = new Set<string>();
        for (let i = 0; i < options.runs; i++) {
          const cdp = await page.createCDPSession();
          await cdp.send('Network.clearBrowserCache');
          await cdp.detach();
          await flow.navigate(`${target.baseUrl}${target.path}`, { disableStorageReset: true });
          if (!new URL(page.url()).pathname.startsWith(target.path.split('?')[0]!))
            warnings.add(`ended at ${page.url()} instead of ${target.path}`);
          if (target.readySelector && !(await page.$(target.readySelector)))
            warnings.add(`${target.readySelector} was not on the page`);
        }
        const flowResult = await flow.createFlowResult();
        const runs = flowResult.steps.map((step) => metricsOf(step.lhr));
        if (options.reportDir) {
          mkdirSync(options.reportDir, { recursive: true });
          const file = `${target.name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${preset}.json`;
          writeFileSync(join(options.reportDir, file), JSON.stringify(flowResult));
        }
        for (const step of flowResult.steps) for (const w of step.lhr.runWarnings) warnings.add(w.split('\n')[0]!);
        const result: PageLoadResult = {
          page: target.name,
          floor: target.floor,
          preset,
          runs,
          median: medianRun(runs),
          warnings: [...warnings],
        };
        options.log(
          `  ${preset.padEnd(7)} ${target.name.padEnd(18)} score ${runs.map((r) => String(r.score)).join('/')} → median ${String(result.median.score)}; LCP ${String(result.median.lcp)} ms; TBT ${String(result.median.tbt)} ms; JS ${result.median.jsBytes == null ? '?' : String(Math.round(result.median.jsBytes / 100) / 10)} kB`,
        );
        results.push(result);
      } finally {
        await browser.close();
      }
    }
  }

  return { results, figures: pageFigures(results) };
}

/**
 * The page section's figures: per preset and console page, each metric beside the floor's from the
 * same run and their ratio, against the targets (mobile: score ≥ 90, ≥ 85 for a members tab, TBT ≤ 2× the floor's,
 * LCP ≤ 2.5 s; desktop: score 100), then where the main thread's time went.
 */
/** The phone's score target: 90, and 85 for a members tab (its first screen reads a whole group after it). */
export const mobileScoreTarget = (page: string) =>
  /members tab/.test(page)
    ? ({ op: '>=', limit: 85, label: '≥ 85' } as const)
    : ({ op: '>=', limit: 90, label: '≥ 90' } as const);

export function pageFigures(results: readonly PageLoadResult[]): Figure[] {
  const figures: Figure[] = [];
  for (const r of results) {
    if (r.floor) continue;
    const section = `page load (${r.preset})`;
    const floorResult = results.find((f) => f.floor && f.preset === r.preset);
    const floor = (key: Exclude<keyof PageLoadRun, 'mainThread'>) =>
      floorResult ? (floorResult.median[key] ?? null) : undefined;
    const kB = (bytes: number | null | undefined) => (typeof bytes === 'number' ? Math.round(bytes / 100) / 10 : null);
    const mobile = r.preset === 'mobile';
    const m = r.median;
    const runsNote = `median of ${r.runs.length}: ${r.runs.map((x) => String(x.score)).join(', ')}`;
    figures.push(
      compared(
        section,
        `${r.page} score`,
        m.score,
        floor('score'),
        '',
        mobile ? mobileScoreTarget(r.page) : { op: '>=', limit: 100, label: '100' },
        [runsNote, ...r.warnings].join('; '),
      ),
      compared(section, `${r.page} FCP`, m.fcp, floor('fcp'), 'ms'),
      compared(section, `${r.page} LCP`, m.lcp, floor('lcp'), 'ms', mobile ? { op: '<=', limit: 2500 } : undefined),
      compared(
        section,
        `${r.page} TBT`,
        m.tbt,
        floor('tbt'),
        'ms',
        mobile ? { op: '<=', limit: 2, of: 'ratio' } : undefined,
      ),
      compared(section, `${r.page} CLS`, m.cls, floor('cls'), ''),
      compared(
        section,
        `${r.page} JS fetched until network idle`,
        kB(m.jsBytes),
        floorResult ? kB(floorResult.median.jsBytes) : undefined,
        'kB',
        undefined,
        typeof m.jsRequests === 'number' ? `${m.jsRequests} script requests, transfer size` : undefined,
      ),
    );
    const work = m.mainThread;
    if (!work) continue;
    const floorWork = floorResult?.median.mainThread;
    const total = (w: MainThread) => Object.values(w.categories).reduce((a, b) => a + b, 0);
    figures.push(
      compared(
        section,
        `${r.page} main thread, all`,
        total(work),
        floorWork ? total(floorWork) : floorResult ? null : undefined,
        'ms',
      ),
    );
    for (const [label, ms] of Object.entries(work.categories).sort((a, b) => b[1] - a[1]))
      figures.push(
        compared(
          section,
          `${r.page} · ${label}`,
          ms,
          floorWork ? (floorWork.categories[label] ?? 0) : floorResult ? null : undefined,
          'ms',
        ),
      );
    const tasks = work.longTasks;
    figures.push(
      figure(
        section,
        `${r.page} · long tasks after first paint`,
        tasks.length,
        'tasks',
        undefined,
        tasks.length
          ? tasks
              .slice(0, 6)
              .map((t) => `${t.duration} ms at ${t.start} ms (${t.url})`)
              .join('; ') + (tasks.length > 6 ? '; …' : '')
          : undefined,
      ),
    );
    work.scripts
      .slice(0, 3)
      .forEach((script, i) =>
        figures.push(
          figure(
            section,
            `${r.page} · script #${i + 1}`,
            script.total,
            'ms',
            undefined,
            `${script.url}: ${script.scripting} ms running, ${script.parse} ms parsing`,
          ),
        ),
      );
  }
  return figures;
}
