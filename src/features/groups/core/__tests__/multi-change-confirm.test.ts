import { describe, expect, it } from 'vitest';
import {
  MULTI_CHANGE_WARNING_THRESHOLD,
  multiChangeTitle,
  namesSummary,
  needsConfirmation,
  needsStrongConfirmation,
  type MultiChange,
} from '../multi-change-confirm';

const add = (count: number): MultiChange => ({
  verb: 'add',
  count,
  unit: 'person',
  target: { preposition: 'to', name: 'Night Shift Leads' },
});

describe('the confirmation of changes of several people or groups', () => {
  it('names the count and the target', () => {
    expect(multiChangeTitle(add(2316))).toBe('Add 2,316 people to Night Shift Leads?');
    expect(
      multiChangeTitle({ verb: 'remove', count: 1, unit: 'member', target: { preposition: 'from', name: 'X' } }),
    ).toBe('Remove 1 member from X?');
    expect(multiChangeTitle({ verb: 'delete', count: 3, unit: 'group' })).toBe('Delete 3 groups?');
  });

  it('asks for more than one, or for one when asked to', () => {
    expect(needsConfirmation(add(1))).toBe(false);
    expect(needsConfirmation(add(2))).toBe(true);
    expect(needsConfirmation({ ...add(1), evenForOne: true })).toBe(true);
  });

  it('warns more strongly above the threshold, and for every delete', () => {
    expect(needsStrongConfirmation(add(MULTI_CHANGE_WARNING_THRESHOLD))).toBe(false);
    expect(needsStrongConfirmation(add(MULTI_CHANGE_WARNING_THRESHOLD + 1))).toBe(true);
    expect(needsStrongConfirmation({ verb: 'delete', count: 2, unit: 'group', deletes: true })).toBe(true);
  });

  it('names the first few', () => {
    expect(namesSummary(['Ann Lee'], 1)).toBe('Ann Lee');
    expect(namesSummary(['Ann', 'Bo'], 2)).toBe('Ann and Bo');
    expect(namesSummary(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 1200)).toBe('A, B, C, D, E and 1,195 more');
    expect(namesSummary(['', ''], 2)).toBe('');
  });
});
