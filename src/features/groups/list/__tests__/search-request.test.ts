import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_STATE, type GroupListState } from '../list-url-state';
import { buildSearchCriteria, buildSearchRequest, q64FromPageUri, toViewRequest } from '../search-request';

const state = (change: Partial<GroupListState>): GroupListState => ({ ...DEFAULT_LIST_STATE, ...change });

describe('buildSearchCriteria', () => {
  it('matches everything without text or filters', () => {
    expect(buildSearchCriteria(state({ sort: 'memberCount' }))).toEqual([{ type: 'MATCH_ALL' }]);
  });

  it('searches name and description with CONTAINS or STARTS_WITH', () => {
    expect(buildSearchCriteria(state({ q: 'care' }))).toEqual([
      { type: 'CONTAINS', fields: ['name', 'description'], value: 'care' },
    ]);
    expect(buildSearchCriteria(state({ q: 'care', match: 'startsWith' }))).toEqual([
      { type: 'STARTS_WITH', fields: ['name', 'description'], value: 'care' },
    ]);
  });

  it('uses EXACT for one filter value and TERMS for several', () => {
    expect(buildSearchCriteria(state({ type: ['social'] }))).toEqual([
      { type: 'EXACT', fields: ['type'], value: 'social' },
    ]);
    expect(buildSearchCriteria(state({ visibility: ['members', 'owners'] }))).toEqual([
      { type: 'TERMS', fields: ['visibility'], values: ['members', 'owners'] },
    ]);
    expect(buildSearchCriteria(state({ state: ['inactive'] }))).toEqual([
      { type: 'EXACT', fields: ['state'], value: 'inactive' },
    ]);
  });

  it('combines text and every filter (criteria are ANDed)', () => {
    expect(
      buildSearchCriteria(
        state({
          q: 'run',
          match: 'startsWith',
          type: ['official', 'social'],
          visibility: ['public'],
          state: ['active', 'inactive'],
        }),
      ),
    ).toEqual([
      { type: 'STARTS_WITH', fields: ['name', 'description'], value: 'run' },
      { type: 'TERMS', fields: ['type'], values: ['official', 'social'] },
      { type: 'EXACT', fields: ['visibility'], value: 'public' },
      { type: 'TERMS', fields: ['state'], values: ['active', 'inactive'] },
    ]);
  });

  it('finds "My groups" by the signed-in user among the owners (owners.id)', () => {
    expect(buildSearchCriteria(state({ mine: true, myId: 'u-1' }))).toEqual([
      { type: 'EXACT', fields: ['owners.id'], value: 'u-1' },
    ]);
    expect(buildSearchCriteria(state({ q: 'care', mine: true, myId: 'u-1' }))).toEqual([
      { type: 'CONTAINS', fields: ['name', 'description'], value: 'care' },
      { type: 'EXACT', fields: ['owners.id'], value: 'u-1' },
    ]);
    expect(toViewRequest(state({ mine: true, myId: 'u-1' })).kind).toBe('search');
  });

  it('uses filters alone when there is no text', () => {
    expect(buildSearchCriteria(state({ type: ['official'], visibility: ['owners'] }))).toEqual([
      { type: 'EXACT', fields: ['type'], value: 'official' },
      { type: 'EXACT', fields: ['visibility'], value: 'owners' },
    ]);
  });
});

describe('buildSearchRequest', () => {
  it('carries sort, order, page size and page', () => {
    expect(buildSearchRequest(state({ q: 'x', sort: 'dateModified', order: 'desc', pageSize: 100, page: 2 }))).toEqual({
      query: [{ type: 'CONTAINS', fields: ['name', 'description'], value: 'x' }],
      sortBy: 'dateModified',
      sortOrder: 'DESC',
      pageSize: 100,
      pageNumber: 2,
    });
  });
});

describe('toViewRequest', () => {
  it('lists plainly without text, filters or a non-name sort', () => {
    expect(toViewRequest(state({ page: 3, pageSize: 50, order: 'desc' }))).toEqual({
      kind: 'list',
      params: { pageNumber: 3, pageSize: 50, sortOrder: 'DESC' },
    });
  });

  it('searches when sorting by member count or last modified', () => {
    expect(toViewRequest(state({ sort: 'memberCount', order: 'desc' }))).toEqual({
      kind: 'search',
      body: { query: [{ type: 'MATCH_ALL' }], sortBy: 'memberCount', sortOrder: 'DESC', pageSize: 25, pageNumber: 1 },
    });
  });

  it('repeats a search page by its q64', () => {
    expect(toViewRequest(state({ q: 'x', q64: 'abc' }))).toEqual({ kind: 'q64', q64: 'abc' });
  });
});

describe('q64FromPageUri', () => {
  it('reads the q64 of a relative or absolute page URI', () => {
    expect(q64FromPageUri('/api/v2/groups/search?q64=H4sI%2Dab_c')).toBe('H4sI-ab_c');
    expect(q64FromPageUri('https://api.mypurecloud.com/api/v2/groups/search?q64=xyz&expand=a')).toBe('xyz');
  });

  it('gives undefined when there is none', () => {
    expect(q64FromPageUri(undefined)).toBeUndefined();
    expect(q64FromPageUri('/api/v2/groups/search')).toBeUndefined();
    expect(q64FromPageUri('/api/v2/groups/search?q64=')).toBeUndefined();
  });
});
