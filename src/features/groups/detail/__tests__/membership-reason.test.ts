import { describe, expect, it } from 'vitest';
import { membershipReasons } from '../membership-reason';

describe('membershipReasons', () => {
  const individuals = new Set(['a', 'b']);
  const owners = new Set(['b', 'c']);
  it('names individuals, owners, both, and derives rule for the rest', () => {
    expect(membershipReasons('a', individuals, owners)).toEqual(['individual']);
    expect(membershipReasons('b', individuals, owners)).toEqual(['individual', 'owner']);
    expect(membershipReasons('c', individuals, owners)).toEqual(['owner']);
    expect(membershipReasons('d', individuals, owners)).toEqual(['rule']);
    expect(membershipReasons(undefined, individuals, owners)).toEqual([]);
  });
});
