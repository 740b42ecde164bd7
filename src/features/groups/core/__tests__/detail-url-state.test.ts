import { describe, expect, it } from 'vitest';
import { applyDetailChange, parseDetailSearch } from '../detail-url-state';

describe('detail URL state', () => {
  it('has defaults for an empty query', () => {
    expect(parseDetailSearch(new URLSearchParams())).toEqual({
      tab: 'members',
      page: 1,
      pageSize: 25,
      sortOrder: 'ASC',
      columns: ['presence', 'routingStatus'],
      status: null,
      reason: null,
      q: '',
      user: null,
    });
  });
  it('keeps the reason filter and the member search, and drops them when cleared', () => {
    const p = applyDetailChange(new URLSearchParams(), { reason: 'rule', q: 'ana lo' });
    expect(p.get('why')).toBe('rule');
    expect(p.get('q')).toBe('ana lo');
    expect(parseDetailSearch(p)).toMatchObject({ reason: 'rule', q: 'ana lo' });
    expect(parseDetailSearch(new URLSearchParams('why=bogus')).reason).toBeNull();
    const cleared = applyDetailChange(p, { reason: null, q: '' });
    expect(cleared.has('why')).toBe(false);
    expect(cleared.has('q')).toBe(false);
  });
  it('ignores junk values', () => {
    const s = parseDetailSearch(new URLSearchParams('tab=x&page=-2&size=7&sort=up&cols=bogus,team&status=zz'));
    expect(s).toMatchObject({
      tab: 'members',
      page: 1,
      pageSize: 25,
      sortOrder: 'ASC',
      columns: ['team'],
      status: null,
    });
  });
  it('round-trips changes and drops defaults', () => {
    const p = applyDetailChange(new URLSearchParams('q=keep'), {
      tab: 'owners',
      page: 3,
      pageSize: 100,
      sortOrder: 'DESC',
      columns: ['skills', 'presence'],
      status: { kind: 'presence', value: 'Available' },
    });
    expect(parseDetailSearch(p)).toMatchObject({
      tab: 'owners',
      page: 3,
      pageSize: 100,
      sortOrder: 'DESC',
      columns: ['presence', 'skills'],
      status: { kind: 'presence', value: 'Available' },
    });
    expect(p.get('q')).toBe('keep');
    const back = applyDetailChange(p, {
      tab: 'members',
      page: 1,
      columns: ['presence', 'routingStatus'],
      status: null,
    });
    expect([...back.keys()].sort()).toEqual(['q', 'size', 'sort']);
  });
  it('keeps an empty column choice', () => {
    expect(parseDetailSearch(applyDetailChange(new URLSearchParams(), { columns: [] })).columns).toEqual([]);
  });
});
