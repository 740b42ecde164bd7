import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compared, figure, formatTable, median, notMeasured, percentile, ratioOf } from '../lib/report';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile([7], 95), 7);
    assert.equal(percentile([], 95), null);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });
});

describe('figures', () => {
  it('compares each value with its target', () => {
    assert.equal(figure('s', 'a', 180, 'kB', { op: '<=', limit: 180 }).met, true);
    assert.equal(figure('s', 'a', 180.1, 'kB', { op: '<=', limit: 180 }).met, false);
    assert.equal(figure('s', 'a', 20, 'ms', { op: '<', limit: 20 }).met, false);
    assert.equal(figure('s', 'a', 90, '', { op: '>=', limit: 90 }).met, true);
    assert.equal(figure('s', 'a', null, 'ms', { op: '<', limit: 20 }).met, undefined);
    assert.equal(figure('s', 'a', 3, 'ms').met, undefined);
    assert.equal(figure('s', 'a', 3, 'ms', { op: '<=', limit: 180 }).target, '≤ 180 ms');
  });

  it('prints misses and unmeasured figures in the table', () => {
    const table = formatTable([
      figure('bundle', 'js', 200, 'kB', { op: '<=', limit: 180 }),
      figure('bundle', 'css', 10, 'kB', { op: '<=', limit: 20 }),
      notMeasured('render', 'longest task', 'no table'),
    ]);
    assert.match(table, /js\s+200 kB\s+≤ 180 kB\s+MISS/);
    assert.match(table, /css\s+10 kB\s+≤ 20 kB\s+ok/);
    assert.match(table, /render\s+longest task\s+—.*not measured: no table/);
  });
});

describe('figures beside the floor', () => {
  it('prints the console’s value, the floor’s and their ratio, and judges a ratio target by the ratio', () => {
    const js = compared('bundle', 'js', 182, 140, 'kB', { op: '<=', limit: 1.3, of: 'ratio' });
    assert.deepEqual([js.value, js.floor, js.ratio, js.target, js.met], [182, 140, 1.3, '≤ 1.3× floor', true]);
    const worse = compared('bundle', 'js', 183, 140, 'kB', { op: '<=', limit: 1.3, of: 'ratio' });
    assert.equal(worse.met, false);
    const score = compared('page', 'score', 88, 98, '', { op: '>=', limit: 90 });
    assert.deepEqual([score.ratio, score.met], [0.9, false]);
    assert.equal(ratioOf(5, 0), null);
    assert.equal(compared('page', 'x', 5, null, 'ms').ratio, null);
    const table = formatTable([js, compared('page', 'alone', 7, undefined, 'ms')]);
    assert.match(table, /console\s+floor\s+ratio\s+target/);
    assert.match(table, /js\s+182 kB\s+140 kB\s+1\.30×\s+≤ 1\.3× floor\s+ok/);
    assert.match(table, /alone\s+7 ms\s*$/m);
  });
});
