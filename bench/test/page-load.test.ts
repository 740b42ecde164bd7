import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainThreadOf, medianMainThread, pageFigures, scriptsFetched, type PageLoadResult } from '../lib/page-load';

const lhr = (work: [string, number][], scripts: [string, number, number, number][]) => ({
  audits: {
    'mainthread-work-breakdown': {
      details: { items: work.map(([groupLabel, duration]) => ({ group: groupLabel, groupLabel, duration })) },
    },
    'bootup-time': {
      details: {
        items: scripts.map(([url, total, scripting, scriptParseCompile]) => ({
          url,
          total,
          scripting,
          scriptParseCompile,
        })),
      },
    },
  },
});

describe('main-thread breakdown', () => {
  it('reads time per category and the scripts that took the most, by path', () => {
    const work = mainThreadOf(
      lhr(
        [
          ['Script Evaluation', 812.4],
          ['Style & Layout', 120.6],
        ],
        [
          ['http://127.0.0.1:1234/assets/index-abc.js', 700.2, 650, 40],
          ['Unattributable', 90, 10, 0],
          ['http://127.0.0.1:1234/assets/list-def.js', 120, 100, 15],
        ],
      ) as never,
      2,
    );
    assert.deepEqual(work.categories, { 'Script Evaluation': 812, 'Style & Layout': 121 });
    assert.deepEqual(work.scripts, [
      { url: '/assets/index-abc.js', total: 700, scripting: 650, parse: 40 },
      { url: '/assets/list-def.js', total: 120, scripting: 100, parse: 15 },
    ]);
  });

  it('lists the long tasks that start after the first contentful paint, in the order they ran', () => {
    const work = mainThreadOf({
      audits: {
        'first-contentful-paint': { numericValue: 1500 },
        'long-tasks': {
          details: {
            items: [
              { url: 'http://127.0.0.1:1234/assets/index-abc.js', startTime: 2100.4, duration: 320.6 },
              { url: 'http://127.0.0.1:1234/groups', startTime: 900, duration: 400 },
              { url: 'Unattributable', startTime: 1800, duration: 61 },
            ],
          },
        },
      },
    } as never);
    assert.deepEqual(work.longTasks, [
      { start: 1800, duration: 61, url: 'Unattributable' },
      { start: 2100, duration: 321, url: '/assets/index-abc.js' },
    ]);
  });

  it('is empty when the audits are missing', () => {
    assert.deepEqual(mainThreadOf({ audits: {} } as never), { categories: {}, scripts: [], longTasks: [] });
  });

  it('takes the median per category over runs', () => {
    const m = medianMainThread([
      { categories: { a: 100, b: 10 }, scripts: [{ url: '/x', total: 1, scripting: 1, parse: 0 }], longTasks: [] },
      { categories: { a: 300 }, scripts: [{ url: '/y', total: 3, scripting: 3, parse: 0 }], longTasks: [] },
      {
        categories: { a: 200, b: 30 },
        scripts: [{ url: '/z', total: 2, scripting: 2, parse: 0 }],
        longTasks: [{ start: 900, duration: 80, url: '/z' }],
      },
    ]);
    assert.deepEqual(m?.categories, { a: 200, b: 10 });
    assert.equal(m?.scripts[0]?.url, '/z', 'the scripts of the run in the middle by total');
    assert.deepEqual(m?.longTasks, [{ start: 900, duration: 80, url: '/z' }], 'and its long tasks');
    assert.equal(medianMainThread([]), undefined);
  });
});

describe('scripts fetched', () => {
  it('sums the transfer size of the script requests until the network went quiet', () => {
    const items = [
      { url: '/assets/index.js', resourceType: 'Script', transferSize: 60_000 },
      { url: '/assets/list.js', resourceType: 'Script', transferSize: 12_500 },
      { url: '/assets/index.css', resourceType: 'Stylesheet', transferSize: 20_000 },
      { url: '/api/v2/groups', resourceType: 'Fetch', transferSize: 4_000 },
    ];
    assert.deepEqual(scriptsFetched({ audits: { 'network-requests': { details: { items } } } } as never), {
      bytes: 72_500,
      requests: 2,
    });
    assert.equal(scriptsFetched({ audits: {} } as never), null);
  });
});

const result = (
  page: string,
  preset: 'mobile' | 'desktop',
  median: Partial<PageLoadResult['median']>,
  floor = false,
): PageLoadResult => {
  const m = { score: null, fcp: null, lcp: null, tbt: null, cls: null, ...median };
  return { page, preset, floor, runs: [m], median: m, warnings: [] };
};

describe('page figures', () => {
  it('prints each console figure beside the floor’s of the same preset, with the ratio and the targets', () => {
    const figures = pageFigures([
      result('floor /items', 'mobile', { score: 98, lcp: 1900, tbt: 120, jsBytes: 140_000 }, true),
      result('floor /items', 'desktop', { score: 100, tbt: 10 }, true),
      result('/groups', 'mobile', {
        score: 88,
        lcp: 2400,
        tbt: 300,
        jsBytes: 180_481,
        jsRequests: 9,
        mainThread: {
          categories: { 'Script Evaluation': 600, Other: 100 },
          scripts: [],
          longTasks: [
            { start: 1800, duration: 61, url: 'Unattributable' },
            { start: 2100, duration: 321, url: '/assets/index-abc.js' },
          ],
        },
      }),
      result('/groups', 'desktop', { score: 100, tbt: 30 }),
    ]);
    const find = (section: string, name: string) => figures.find((f) => f.section === section && f.name === name)!;
    assert.ok(!figures.some((f) => f.name.startsWith('floor')), 'the floor is not a row of its own');
    const score = find('page load (mobile)', '/groups score');
    assert.deepEqual([score.value, score.floor, score.ratio, score.met], [88, 98, 0.9, false]);
    const tbt = find('page load (mobile)', '/groups TBT');
    assert.deepEqual([tbt.value, tbt.floor, tbt.ratio, tbt.target, tbt.met], [300, 120, 2.5, '≤ 2× floor', false]);
    const lcp = find('page load (mobile)', '/groups LCP');
    assert.deepEqual([lcp.target, lcp.met], ['≤ 2500 ms', true]);
    assert.equal(find('page load (desktop)', '/groups score').met, true);
    assert.equal(find('page load (desktop)', '/groups TBT').ratio, 3);
    const js = find('page load (mobile)', '/groups JS fetched until network idle');
    assert.deepEqual([js.value, js.floor, js.ratio], [180.5, 140, 1.29]);
    const work = find('page load (mobile)', '/groups · Script Evaluation');
    assert.deepEqual([work.value, work.floor, work.ratio], [600, null, null], 'the floor ran without a breakdown');
    const tasks = find('page load (mobile)', '/groups · long tasks after first paint');
    assert.deepEqual(
      [tasks.value, tasks.note],
      [2, '61 ms at 1800 ms (Unattributable); 321 ms at 2100 ms (/assets/index-abc.js)'],
    );
  });

  it('holds a members tab on a phone to a score of 85, other pages to 90', () => {
    const figures = pageFigures([
      result('50k members tab', 'mobile', { score: 86 }),
      result('/groups', 'mobile', { score: 86 }),
    ]);
    const score = (page: string) => figures.find((f) => f.name === `${page} score`)!;
    assert.deepEqual([score('50k members tab').target, score('50k members tab').met], ['≥ 85', true]);
    assert.deepEqual([score('/groups').target, score('/groups').met], ['≥ 90', false]);
  });

  it('prints the console’s figures alone when there is no floor', () => {
    const figures = pageFigures([result('/groups', 'mobile', { score: 91, tbt: 300 })]);
    const tbt = figures.find((f) => f.name === '/groups TBT')!;
    assert.equal(tbt.floor, undefined);
    assert.equal(tbt.met, undefined, 'a ratio target cannot be judged without the floor');
    assert.equal(figures.find((f) => f.name === '/groups score')!.met, true);
  });
});
