import { describe, expect, it } from 'vitest';
import { buildUserTypeaheadRequest, searchWords } from '../user-search';

describe('searchWords', () => {
  it('splits on whitespace and drops quotes and leading dashes', () => {
    expect(searchWords('  Ann  "Smith" -jones ')).toEqual(['Ann', 'Smith', 'jones']);
  });
  it('returns nothing for blank input', () => {
    expect(searchWords('   ')).toEqual([]);
    expect(searchWords('- "')).toEqual([]);
  });
  it('keeps at most ten words', () => {
    expect(searchWords('a b c d e f g h i j k l')).toHaveLength(10);
  });
});

describe('buildUserTypeaheadRequest', () => {
  it('ANDs one TERM criterion per word over name, email and title', () => {
    expect(buildUserTypeaheadRequest('ann sm', 10)).toEqual({
      query: [
        { type: 'TERM', fields: ['name', 'email', 'title'], value: 'ann', operator: 'AND' },
        { type: 'TERM', fields: ['name', 'email', 'title'], value: 'sm', operator: 'AND' },
      ],
      pageSize: 10,
      pageNumber: 1,
      sortBy: 'name',
      sortOrder: 'ASC',
    });
  });
});
