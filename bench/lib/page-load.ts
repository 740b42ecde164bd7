/**
 * Page load with Lighthouse (Node API, user flows) in the system Chromium driven by the
 * puppeteer-core Lighthouse ships with. The console keeps its token in sessionStorage, so each
 * flow signs in through the real sign-in form first and then measures navigations in the same tab
 * with storage reset off; the HTTP cache is cleared before each one, so every load is cold.
 */
import { desktopConfig, startFlow, type Config, type FlowResult } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { figure, median, round, type Figure } from './report';

export interface PageTarget {
  name: string;
  path: string;
  /** A selector that shows the page rendered what it is measured for; noted when absent. */
  readySelector?: string;
}

export interface PageLoadRun {
  score: number | null;
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
}

export interface PageLoadResult {
  page: string;
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

const metricsOf = (lhr: FlowResult['steps'][number]['lhr']): PageLoadRun => {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const score = lhr.categories.performance?.score;
  return {
    score: score === null || score === undefined ? null : Math.round(score * 100),
    fcp: round(numeric('first-contentful-paint'), 0),
    lcp: round(numeric('largest-contentful-paint'), 0),
    tbt: round(numeric('total-blocking-time'), 0),
    cls: round(numeric('cumulative-layout-shift'), 3),
  };
};

const medianRun = (runs: PageLoadRun[]): PageLoadRun => {
  const pick = (key: keyof PageLoadRun) => median(runs.map((r) => r[key]).filter((v): v is number => v !== null));
  return { score: pick('score'), fcp: pick('fcp'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls') };
};

export async function runPageLoad(options: {
  baseUrl: string;
  pages: readonly PageTarget[];
  runs: number;
  credentials: { email: string; password: string };
  log: (line: string) => void;
}): Promise<{ results: PageLoadResult[]; figures: Figure[] }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (node scripts/chromium.mjs --ensure installs one).');
  const results: PageLoadResult[] = [];
  for (const preset of ['desktop', 'mobile'] as const) {
    for (const target of options.pages) {
      const browser = await puppeteer.launch({
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, '--window-size=1350,940'],
        defaultViewport: null,
        protocolTimeout: 180_000,
      });
      try {
        const page = await browser.newPage();
        await signIn(page, options.baseUrl, options.credentials.email, options.credentials.password);
        const flow = await startFlow(page, { config: performanceOnly(preset), name: `${target.name} (${preset})` });
        const warnings = new Set<string>();
        for (let i = 0; i < options.runs; i++) {
          const cdp = await page.createCDPSession();
          await cdp.send('Network.clearBrowserCache');
          await cdp.detach();
          await flow.navigate(`${options.baseUrl}${target.path}`, { disableStorageReset: true });
          if (!new URL(page.url()).pathname.startsWith(target.path.split('?')[0]!))
            warnings.add(`ended at ${page.url()} instead of ${target.path}`);
          if (target.readySelector && !(await page.$(target.readySelector)))
            warnings.add(`${target.readySelector} was not on the page`);
        }
        const flowResult = await flow.createFlowResult();
        const runs = flowResult.steps.map((step) => metricsOf(step.lhr));
        for (const step of flowResult.steps) for (const w of step.lhr.runWarnings) warnings.add(w.split('\n')[0]!);
        const result: PageLoadResult = {
          page: target.name,
          preset,
          runs,
          median: medianRun(runs),
          warnings: [...warnings],
        };
        options.log(
          `  ${preset.padEnd(7)} ${target.name.padEnd(18)} score ${runs.map((r) => String(r.score)).join('/')} → median ${String(result.median.score)}; LCP ${String(result.median.lcp)} ms; TBT ${String(result.median.tbt)} ms`,
        );
        results.push(result);
      } finally {
        await browser.close();
      }
    }
  }

  const figures: Figure[] = [];
  for (const r of results) {
    const section = `page load (${r.preset})`;
    const target =
      r.preset === 'desktop'
        ? { op: '>=' as const, limit: 100, label: '100' }
        : { op: '>=' as const, limit: 90, label: '≥ 90' };
    const m = r.median;
    figures.push(
      figure(
        section,
        `${r.page} score`,
        m.score,
        '',
        target,
        [`median of ${r.runs.length}: ${r.runs.map((x) => String(x.score)).join(', ')}`, ...r.warnings].join('; '),
      ),
      figure(section, `${r.page} FCP`, m.fcp, 'ms'),
      figure(section, `${r.page} LCP`, m.lcp, 'ms'),
      figure(section, `${r.page} TBT`, m.tbt, 'ms'),
      figure(section, `${r.page} CLS`, m.cls, ''),
    );
  }
  return { results, figures };
}
