import { describe, expect, it } from 'vitest';
import { compareMembers, pageOf } from '../compare-sets';

const p = (...ids: string[]) => ids.map((id) => ({ id, name: id.toUpperCase() }));

describe('compareMembers', () => {
  it('splits members into only A, only B and both, keeping the order read', () => {
    const result = compareMembers(p('a', 'b', 'c', 'd'), p('d', 'e', 'b'));
    expect(result.onlyA.map((x) => x.id)).toEqual(['a', 'c']);
    expect(result.onlyB.map((x) => x.id)).toEqual(['e']);
    expect(result.both.map((x) => x.id)).toEqual(['b', 'd']);
  });

  it('handles empty groups', () => {
    expect(compareMembers([], p('x'))).toEqual({ onlyA: [], onlyB: p('x'), both: [] });
  });
});

describe('pageOf', () => {
  it('pages in either order', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageOf(items, 2, 2, 'ASC')).toEqual([3, 4]);
    expect(pageOf(items, 1, 2, 'DESC')).toEqual([5, 4]);
    expect(pageOf(items, 3, 2, 'DESC')).toEqual([1]);
  });
});
