import { plural } from '@lingui/core/macro';
import { describe, expect, it } from 'vitest';
import { formatCount } from '../plural';

describe('counts', () => {
  it('format a bare count with grouping separators, as a plural message formats its #', () => {
    expect(formatCount(1234)).toBe('1,234');
    const members = (count: number) => plural(count, { one: '# member', other: '# members' });
    expect(members(1)).toBe('1 member');
    expect(members(0)).toBe('0 members');
    expect(members(1234)).toBe(`${formatCount(1234)} members`);
  });
});
