import { describe, expect, it } from 'vitest';
import { countOf, pluralForm } from '../plural';

describe('countOf', () => {
  it('says one for 1 and the plural for 0 and many, with grouping separators', () => {
    expect(countOf(1, 'owner', 'owners')).toBe('1 owner');
    expect(countOf(0, 'owner', 'owners')).toBe('0 owners');
    expect(countOf(2, 'member', 'members')).toBe('2 members');
    expect(countOf(1234, 'member', 'members')).toBe('1,234 members');
    expect(pluralForm(1, 'person', 'people')).toBe('person');
    expect(pluralForm(3, 'person', 'people')).toBe('people');
  });
});
