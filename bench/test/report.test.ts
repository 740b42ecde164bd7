import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figure, formatTable, median, notMeasured, percentile } from '../lib/report';

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
