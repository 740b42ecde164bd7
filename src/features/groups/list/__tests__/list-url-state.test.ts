import { describe, expect, it } from 'vitest';
import {
  changeView,
  clearSearchAndFilters,
  DEFAULT_LIST_STATE,
  goToPage,
  hasSearchOrFilters,
  isBrowseView,
  parseListState,
  toSearchParams,
  type GroupListState,
} from '../list-url-state';

const parse = (query: string) => parseListState(new URLSearchParams(query));

describe('parseListState', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parse('')).toEqual(DEFAULT_LIST_STATE);
  });

  it('reads every param', () => {
    expect(
      parse(
        'q=support&match=startsWith&type=social&visibility=public,members&state=inactive&sort=memberCount&order=desc&pageSize=50&q64=H4sIAAA_-x',
      ),
    ).toEqual({
      q: 'support',
      match: 'startsWith',
      type: ['social'],
      visibility: ['public', 'members'],
      state: ['inactive'],
      mine: false,
      sort: 'memberCount',
      order: 'desc',
      pageSize: 50,
      page: 1,
      q64: 'H4sIAAA_-x',
    });
  });

  it('reads "My groups" as owner=me, with the signed-in user id given apart from the URL', () => {
    expect(parseListState(new URLSearchParams('owner=me'), 'u-1')).toEqual({
      ...DEFAULT_LIST_STATE,
      mine: true,
      myId: 'u-1',
    });
    expect(parse('owner=someone-else').mine).toBe(false);
    expect(toSearchParams({ ...DEFAULT_LIST_STATE, mine: true, myId: 'u-1' }).toString()).toBe('owner=me');
  });

  it('falls back to defaults for invalid values', () => {
    expect(parse('match=fuzzy&sort=owner&order=up&pageSize=30&page=0')).toEqual(DEFAULT_LIST_STATE);
    expect(parse('pageSize=abc&page=-3').pageSize).toBe(25);
    expect(parse('page=2.5').page).toBe(1);
    expect(parse('page=999999').page).toBe(1);
  });

  it('keeps only known filter values, in canonical order, without duplicates', () => {
    const state = parse('type=secret,social,official,social&visibility=everyone&state=deleted,active');
    expect(state.type).toEqual(['official', 'social']);
    expect(state.visibility).toEqual([]);
    expect(state.state).toEqual(['active']);
  });

  it('trims the text and caps its length', () => {
    expect(parse('q=%20%20team%20').q).toBe('team');
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(200);
  });

  it('drops a q64 that is not base64', () => {
    expect(parse('q=a&q64=not%20base64!').q64).toBeUndefined();
  });

  it('uses the first value of a repeated param', () => {
    expect(parse('sort=dateModified&sort=name').sort).toBe('dateModified');
  });

  it('ignores q64 in the plain listing and page on a q64 search page', () => {
    expect(parse('page=3&q64=abc')).toEqual({ ...DEFAULT_LIST_STATE, page: 3 });
    expect(parse('q=a&page=3&q64=abc')).toMatchObject({ q: 'a', page: 1, q64: 'abc' });
  });
});

describe('toSearchParams', () => {
  it('leaves defaults out', () => {
    expect(toSearchParams(DEFAULT_LIST_STATE).toString()).toBe('');
  });

  it('round-trips through parseListState', () => {
    const states: GroupListState[] = [
      { ...DEFAULT_LIST_STATE, page: 4, pageSize: 100, order: 'desc' },
      { ...DEFAULT_LIST_STATE, q: 'care team', match: 'startsWith', type: ['official'], sort: 'dateModified' },
      { ...DEFAULT_LIST_STATE, visibility: ['members', 'owners'], state: ['active', 'inactive'], q64: 'H4sI_abc-1' },
      { ...DEFAULT_LIST_STATE, sort: 'memberCount', order: 'desc', page: 2 },
    ];
    for (const state of states) {
      expect(parseListState(toSearchParams(state))).toEqual(state);
    }
  });

  it('writes filters comma-separated', () => {
    expect(toSearchParams({ ...DEFAULT_LIST_STATE, visibility: ['public', 'owners'] }).get('visibility')).toBe(
      'public,owners',
    );
  });
});

describe('view helpers', () => {
  it('treats the unfiltered name-sorted view as the plain listing', () => {
    expect(isBrowseView(DEFAULT_LIST_STATE)).toBe(true);
    expect(isBrowseView({ ...DEFAULT_LIST_STATE, order: 'desc', page: 5 })).toBe(true);
    expect(isBrowseView({ ...DEFAULT_LIST_STATE, sort: 'memberCount' })).toBe(false);
    expect(isBrowseView({ ...DEFAULT_LIST_STATE, q: 'x' })).toBe(false);
    expect(isBrowseView({ ...DEFAULT_LIST_STATE, state: ['inactive'] })).toBe(false);
    expect(isBrowseView({ ...DEFAULT_LIST_STATE, mine: true })).toBe(false);
  });

  it('changing the view returns to the first page', () => {
    const onPage = { ...DEFAULT_LIST_STATE, q: 'a', q64: 'abc' };
    expect(changeView(onPage, { type: ['social'] })).toEqual({ ...DEFAULT_LIST_STATE, q: 'a', type: ['social'] });
    expect(changeView({ ...DEFAULT_LIST_STATE, page: 7 }, { pageSize: 50 })).toEqual({
      ...DEFAULT_LIST_STATE,
      pageSize: 50,
    });
  });

  it('moves between pages by number or by q64', () => {
    expect(goToPage(DEFAULT_LIST_STATE, { page: 3 }).page).toBe(3);
    expect(goToPage(DEFAULT_LIST_STATE, { page: 0 }).page).toBe(1);
    const search = { ...DEFAULT_LIST_STATE, q: 'x' };
    expect(goToPage(search, { q64: 'next' })).toEqual({ ...search, q64: 'next' });
  });

  it('clears text and filters but keeps sort and page size', () => {
    const state: GroupListState = {
      ...DEFAULT_LIST_STATE,
      q: 'a',
      match: 'startsWith',
      type: ['social'],
      visibility: ['owners'],
      state: ['inactive'],
      mine: true,
      sort: 'memberCount',
      pageSize: 50,
      q64: 'abc',
    };
    expect(hasSearchOrFilters(state)).toBe(true);
    const cleared = clearSearchAndFilters(state);
    expect(cleared).toEqual({ ...DEFAULT_LIST_STATE, sort: 'memberCount', pageSize: 50 });
    expect(hasSearchOrFilters(cleared)).toBe(false);
  });
});
