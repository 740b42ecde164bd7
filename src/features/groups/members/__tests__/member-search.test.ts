import { describe, expect, it } from 'vitest';
import { findMembers, queryWords } from '../member-search';

const entries = [
  { id: '1', name: 'Ana López', email: 'ana.lopez@example.com' },
  { id: '2', name: 'Anatole Brun', email: 'a.brun@example.com' },
  { id: '3', name: 'Zoë Park', email: 'zpark@example.com' },
];

describe('member search', () => {
  it('needs two characters and splits words', () => {
    expect(queryWords(' a ')).toEqual([]);
    expect(queryWords('  Ana  LOP ')).toEqual(['ana', 'lop']);
  });
  it('finds by every word in name or email, ignoring case and accents, in the entries’ order', () => {
    expect(findMembers(entries, queryWords('ana'))).toEqual(['1', '2']);
    expect(findMembers(entries, queryWords('ana lopez'))).toEqual(['1']);
    expect(findMembers(entries, queryWords('zoe'))).toEqual(['3']);
    expect(findMembers(entries, queryWords('a.brun@'))).toEqual(['2']);
    expect(findMembers(entries, queryWords('park brun'))).toEqual([]);
    expect(findMembers(entries, [])).toEqual([]);
  });
});
