import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedStates, checkLedger, type WriteRecord } from '../lib/membership-ledger';

const w = (user: string, kind: 'add' | 'remove', outcome: WriteRecord['outcome'], group = 'g1'): WriteRecord => ({
  group,
  user,
  kind,
  outcome,
});

describe('membership ledger', () => {
  it('replays acknowledged writes in order', () => {
    const writes = [w('a', 'add', 'acked'), w('a', 'remove', 'acked'), w('b', 'add', 'acked'), w('a', 'add', 'acked')];
    const check = checkLedger(writes, new Map([['g1', new Set(['a', 'b'])]]));
    assert.deepEqual(check, { pairs: 2, lost: [], unexpected: [], indeterminate: 0 });
  });

  it('reports an acknowledged add that is missing and an acknowledged remove that came back', () => {
    const writes = [w('a', 'add', 'acked'), w('b', 'add', 'acked'), w('b', 'remove', 'acked')];
    const check = checkLedger(writes, new Map([['g1', new Set(['b'])]]));
    assert.deepEqual(check.lost, [
      { group: 'g1', user: 'a', expected: 'present', actual: 'absent' },
      { group: 'g1', user: 'b', expected: 'absent', actual: 'present' },
    ]);
  });

  it('ignores rejected writes and widens the allowed states after an unanswered one', () => {
    assert.deepEqual([...allowedStates([w('a', 'add', 'rejected')]).get('g1\u0000a')!], ['absent']);
    const unknown = allowedStates([w('a', 'add', 'acked'), w('a', 'remove', 'unknown')]).get('g1\u0000a')!;
    assert.deepEqual([...unknown].sort(), ['absent', 'present']);
    const settled = allowedStates([w('a', 'add', 'unknown'), w('a', 'remove', 'acked')]).get('g1\u0000a')!;
    assert.deepEqual([...settled], ['absent']);
    const check = checkLedger([w('a', 'add', 'acked'), w('a', 'remove', 'unknown')], new Map([['g1', new Set()]]));
    assert.equal(check.indeterminate, 1);
    assert.equal(check.lost.length, 0);
  });

  it('keeps groups apart and flags members nobody added', () => {
    const writes = [w('a', 'add', 'acked', 'g1'), w('a', 'remove', 'acked', 'g2')];
    const check = checkLedger(
      writes,
      new Map([
        ['g1', new Set(['a'])],
        ['g2', new Set(['z'])],
      ]),
    );
    assert.deepEqual(check.lost, []);
    assert.deepEqual(check.unexpected, [{ group: 'g2', user: 'z' }]);
  });
});
