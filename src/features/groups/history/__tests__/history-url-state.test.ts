import { describe, expect, it } from 'vitest';
import { applyHistoryFilters, parseHistoryFilters } from '../history-url-state';

describe('history filters in the URL', () => {
  it('reads known actions in a fixed order and ignores the rest', () => {
    expect(parseHistoryFilters(new URLSearchParams('hAction=MemberRemove,Bogus,Update&hBy=u1'))).toEqual({
      actions: ['Update', 'MemberRemove'],
      by: 'u1',
    });
    expect(parseHistoryFilters(new URLSearchParams('tab=history'))).toEqual({ actions: [], by: null });
  });

  it('writes changes beside the page’s other state and drops empty filters', () => {
    const base = new URLSearchParams('tab=history&user=x');
    const next = applyHistoryFilters(base, { actions: ['MemberAdd', 'Create'], by: 'u2' });
    expect(next.toString()).toBe('tab=history&user=x&hAction=Create%2CMemberAdd&hBy=u2');
    expect(applyHistoryFilters(next, { actions: [], by: null }).toString()).toBe('tab=history&user=x');
  });
});
