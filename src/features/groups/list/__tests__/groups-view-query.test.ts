import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
  getSearchGroupsQueryOptions,
} from '@/api/generated/endpoints/groups/groups';
import { groupsViewQueryOptions, isGroupListShowing, toGroupsPage, type GroupsViewData } from '../groups-view-query';
import { DEFAULT_LIST_STATE } from '../list-url-state';
import { buildSearchRequest } from '../search-request';

const group = (id: string) => ({
  id,
  name: `Group ${id}`,
  type: 'official' as const,
  visibility: 'public' as const,
  rulesVisible: true,
});

describe('toGroupsPage', () => {
  it('pages a listing by number', () => {
    const page = toGroupsPage(
      { entities: [group('a')], total: 60, pageNumber: 2, pageCount: 3, pageSize: 25 },
      { ...DEFAULT_LIST_STATE, page: 2 },
    );
    expect(page).toMatchObject({ total: 60, pageNumber: 2, pageCount: 3, groups: [{ id: 'a' }] });
    expect(page.previous?.page).toBe(1);
    expect(page.next?.page).toBe(3);
  });

  it('has no neighbours beyond the first and last listing page', () => {
    const page = toGroupsPage({ entities: [], total: 0, pageNumber: 1, pageCount: 0 }, DEFAULT_LIST_STATE);
    expect(page.previous).toBeUndefined();
    expect(page.next).toBeUndefined();
  });

  it('follows the q64 of a search response', () => {
    const state = { ...DEFAULT_LIST_STATE, q: 'care' };
    const page = toGroupsPage(
      {
        results: [group('b')],
        total: 80,
        pageNumber: 2,
        pageCount: 4,
        pageSize: 25,
        types: ['groups'],
        previousPage: '/api/v2/groups/search?q64=PREV',
        currentPage: '/api/v2/groups/search?q64=CUR',
        nextPage: '/api/v2/groups/search?q64=NEXT',
      },
      state,
    );
    expect(page.groups).toEqual([group('b')]);
    expect(page.previous).toEqual({ ...state, q64: 'PREV' });
    expect(page.next).toEqual({ ...state, q64: 'NEXT' });
  });

  it('offers no next page on the last search page, even when nextPage is given', () => {
    const page = toGroupsPage(
      {
        results: [],
        total: 3,
        pageNumber: 1,
        pageCount: 1,
        pageSize: 25,
        types: ['groups'],
        nextPage: '/api/v2/groups/search?q64=X',
      },
      { ...DEFAULT_LIST_STATE, q: 'x' },
    );
    expect(page.next).toBeUndefined();
    expect(page.previous).toBeUndefined();
  });
});

describe('groupsViewQueryOptions', () => {
  it('uses the generated key of the request the view needs', () => {
    expect(groupsViewQueryOptions(DEFAULT_LIST_STATE).queryKey).toEqual(
      getListGroupsQueryKey({ pageNumber: 1, pageSize: 25, sortOrder: 'ASC' }),
    );
    const search = { ...DEFAULT_LIST_STATE, q: 'x' };
    expect(groupsViewQueryOptions(search).queryKey).toEqual(getSearchGroupsQueryKey(buildSearchRequest(search)));
    expect(groupsViewQueryOptions({ ...search, q64: 'abc' }).queryKey).toEqual(
      getSearchGroupsByQ64QueryKey({ q64: 'abc' }),
    );
  });

  it('knows when the list page is showing', () => {
    const client = new QueryClient();
    expect(isGroupListShowing(client)).toBe(false);
    const options = groupsViewQueryOptions(DEFAULT_LIST_STATE);
    client.setQueryData(options.queryKey, { entities: [] } satisfies GroupsViewData as GroupsViewData);
    expect(isGroupListShowing(client)).toBe(false);
    const observer = new QueryObserver(client, { ...options, enabled: false });
    const unsubscribe = observer.subscribe(() => {});
    expect(isGroupListShowing(client)).toBe(true);
    unsubscribe();
    expect(isGroupListShowing(client)).toBe(false);
  });

  it('is not fooled by another reader of the search key (the command palette)', () => {
    const client = new QueryClient();
    const palette = getSearchGroupsQueryOptions({ query: [{ type: 'CONTAINS', fields: ['name'], value: 'x' }] });
    const unsubscribe = new QueryObserver(client, { ...palette, enabled: false }).subscribe(() => {});
    expect(isGroupListShowing(client)).toBe(false);
    unsubscribe();
  });
});
