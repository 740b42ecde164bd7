import { describe, expect, it } from 'vitest';
import { activeFilterCount } from '../list-url-state';

describe('activeFilterCount', () => {
  it('counts the filters that narrow the list, not the values chosen in each', () => {
    expect(activeFilterCount({ type: [], visibility: [], state: [] })).toBe(0);
    expect(activeFilterCount({ type: ['social'], visibility: [], state: [] })).toBe(1);
    expect(activeFilterCount({ type: ['official', 'social'], visibility: ['public'], state: ['active'] })).toBe(3);
    expect(activeFilterCount({ type: [], visibility: [], state: [], mine: true })).toBe(1);
    expect(activeFilterCount({ type: ['social'], visibility: [], state: [], mine: true })).toBe(2);
  });
});
