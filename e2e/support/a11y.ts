import { expect, type Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The accessibility check of every end-to-end spec: axe with every WCAG 2.0, 2.1 and 2.2 A and AA
 * rule, the best-practice rules and the experimental ones (label in name among them); serious and
 * critical violations fail the test.
 *
 * ```ts
 * await assertNoSeriousA11yViolations(page);                                // the whole page
 * await assertNoSeriousA11yViolations(page, { include: '[role="dialog"]', state: 'delete dialog' });
 * ```
 */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
  'experimental',
] as const;

/** The colour schemes and widths every screen is scanned in. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface A11yScanOptions {
  /** Scan only this part of the page (a CSS selector). Default: the whole page. */
  include?: string;
  /** What is on screen, for the failure message (e.g. "add members dialog, dark, phone"). */
  state?: string;
  /** Record the failure and go on (expect.soft), so one run reports every state. Default false. */
  soft?: boolean;
}

/**
 * Waits until no finite animation runs: colours measured mid-transition give false contrast failures.
 * Two frames first, so that a change made just before (the theme switched) has had its styles worked out
 * and its transitions started: before that, none is listed, and the old colours would be measured.
 */
export const waitForAnimations = async (page: Page) => {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
};

/** axe-core itself (minified), evaluated in a page before its first scan. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe with AXE_TAGS on the page (or the part `include` selects) once no animation runs, and
 * answers its violations. axe is put into the page once per document and run there with `axe.run`
 * (the console has no frames to gather from), aggregating only violations. @axe-core/playwright's
 * builder evaluated axe's 550 kB into the page twice per scan (a scan of the group page took 0.5 to 0.7 s
 * with it, 0.4 to 0.47 s without), and its default mode opens a blank page per scan to merge frames'
 * results.
 */
export const axeViolations = async (page: Page, include?: string): Promise<Axe.AxeResults['violations']> => {
  await waitForAnimations(page);
  type AxeWindow = typeof window & { axe?: typeof Axe };
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function'))) {
    await page.evaluate(`${AXE_SOURCE};axe.configure({ allowedOrigins: ['<same_origin>'] });`);
  }
  const options: Axe.RunOptions = { runOnly: { type: 'tag', values: [...AXE_TAGS] }, resultTypes: ['violations'] };
  return page.evaluate(
    async ({ selector, options }) => (await (window as AxeWindow).axe!.run(selector ?? document, options)).violations,
    { selector: include, options },
  );
};

/** Fails on serious or critical axe violations (WCAG 2.0/2.1/2.2 A and AA, best practices, experimental). */
export const assertNoSeriousA11yViolations = async (page: Page, options: A11yScanOptions = {}): Promise<void> => {
  const violations = await axeViolations(page, options.include);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  (options.soft ? expect.soft : expect)(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('')}` : ''}`,
          )
          .join(', ')})`,
    ),
    `serious accessibility violations${options.state ? ` (${options.state})` : ''} at ${page.url()}`,
  ).toEqual([]);
};
