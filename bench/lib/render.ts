/**
 * Members table render: in Playwright on the system Chromium, sign in, open the members tab of the
 * 50,000-member group with 500 rows a page and six expand columns, and report the longest main-thread
 * task (PerformanceObserver 'longtask', buffered) from navigation until the table has rendered and
 * the page has been quiet for a second.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { figure, notMeasured, round, type Figure } from './report';

const SECTION = 'members render';

export interface RenderResult {
  url: string;
  longestTaskMs: number | null;
  longTasks: number;
  totalLongTaskMs: number;
  tableVisibleMs: number | null;
  rows: number;
}

declare global {
  interface Window {
    __benchLongTasks?: { start: number; duration: number }[];
  }
}

async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/groups`);
  await page.waitForURL(/\/oauth\/authorize/, { timeout: 60_000 });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/groups', { timeout: 60_000 });
  await page
    .getByTestId('user-name')
    .filter({ hasText: /^(?!…$)\S/ })
    .waitFor({ timeout: 60_000 });
}

export async function runRender(options: {
  baseUrl: string;
  path: string;
  expectedRows: number;
  credentials: { email: string; password: string };
  log: (line: string) => void;
}): Promise<{ result: RenderResult | null; figures: Figure[] }> {
  const executablePath = findChromium();
  if (!executablePath) return { result: null, figures: [notMeasured(SECTION, 'longest task', 'no Chromium found')] };
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.__benchLongTasks!.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await signIn(page, options.baseUrl, options.credentials.email, options.credentials.password);

    await page.goto(`${options.baseUrl}${options.path}`);
    const table = page.getByTestId('members-table');
    try {
      await table.waitFor({ state: 'visible', timeout: 60_000 });
    } catch {
      return {
        result: null,
        figures: [
          notMeasured(
            SECTION,
            'longest task',
            `no [data-testid="members-table"] on ${options.path} within 60 s (members tab not built yet?)`,
          ),
        ],
      };
    }
    // Rendered: the page's rows are all there, or the row count has stopped changing (virtualised table).
    const want = options.expectedRows;
    const countRows = () =>
      page.evaluate(() => ({
        rows: document.querySelectorAll('[data-testid="members-table"] tbody tr').length,
        at: performance.now(),
      }));
    let last = await countRows();
    let changedAt = last.at;
    for (const until = Date.now() + 60_000; Date.now() < until;) {
      await page.waitForTimeout(100);
      const now = await countRows();
      if (now.rows !== last.rows) changedAt = now.at;
      last = now;
      if (now.rows >= want || (now.rows > 0 && now.at - changedAt > 1500)) break;
    }
    const tableVisibleMs = changedAt;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(1000);
    const rows = await page.locator('[data-testid="members-table"] tbody tr').count();
    const tasks = await page.evaluate(() => window.__benchLongTasks ?? []);
    const longest = tasks.reduce((max, t) => Math.max(max, t.duration), 0);
    const result: RenderResult = {
      url: options.path,
      longestTaskMs: round(longest, 0),
      longTasks: tasks.length,
      totalLongTaskMs:
        round(
          tasks.reduce((sum, t) => sum + t.duration, 0),
          0,
        ) ?? 0,
      tableVisibleMs: round(tableVisibleMs, 0),
      rows,
    };
    options.log(
      `  longest task ${String(result.longestTaskMs)} ms (${result.longTasks} long tasks, ${result.totalLongTaskMs} ms in all); ${rows} rows after ${String(result.tableVisibleMs)} ms`,
    );
    const rowNote = rows < want ? `only ${rows} of ${want} rows rendered` : `${rows} rows`;
    return {
      result,
      figures: [
        figure(
          SECTION,
          'longest task',
          result.longestTaskMs,
          'ms',
          { op: '<=', limit: 200 },
          `${result.longTasks} long tasks, ${result.totalLongTaskMs} ms in all; ${rowNote}`,
        ),
        figure(
          SECTION,
          'table rendered after',
          result.tableVisibleMs,
          'ms',
          undefined,
          'from navigation start, cold page load',
        ),
      ],
    };
  } finally {
    await browser.close();
  }
}
