import { listGroups, searchGroups } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { waitOutRateLimit } from '../across/rate-limit';
import { isBrowseView, type GroupListState } from '../list/list-url-state';
import { buildSearchRequest } from '../list/search-request';

/** Largest pages the API allows: 500 for the listing, 100 for a search (which stops at 10,000 results). */
const LIST_PAGE = 500;
const SEARCH_PAGE = 100;
export const SEARCH_RESULT_CAP = 10_000;

export interface ReadProgress {
  loaded: number;
  total: number;
}

/**
 * Every group of a list view, in the view's order: the listing in pages of 500, a search in pages of
 * 100 (up to the API's 10,000 results). Each page waits out a 429; cancelling throws the AbortError.
 */
export const fetchAllMatching = async (
  state: GroupListState,
  signal: AbortSignal,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Group[]> => {
  const byId = new Map<string, Group>();
  const browse = isBrowseView(state);
  for (let page = 1; ; page += 1) {
    signal.throwIfAborted();
    let groups: Group[];
    let pageCount: number;
    let total: number;
    if (browse) {
      const listing = await waitOutRateLimit(
        () =>
          listGroups(
            { pageNumber: page, pageSize: LIST_PAGE, sortOrder: state.order === 'desc' ? 'DESC' : 'ASC' },
            signal,
          ),
        { signal },
      );
      groups = listing.entities ?? [];
      pageCount = listing.pageCount ?? page;
      total = listing.total ?? 0;
    } else {
      const response = await waitOutRateLimit(
        () =>
          searchGroups(
            { ...buildSearchRequest({ ...state, q64: undefined }), pageSize: SEARCH_PAGE, pageNumber: page },
            signal,
          ),
        { signal },
      );
      groups = response.results ?? [];
      pageCount = Math.min(response.pageCount ?? page, SEARCH_RESULT_CAP / SEARCH_PAGE);
      total = Math.min(response.total ?? 0, SEARCH_RESULT_CAP);
    }
    for (const g of groups) if (g.id && !byId.has(g.id)) byId.set(g.id, g);
    onProgress?.({ loaded: byId.size, total });
    if (page >= pageCount || groups.length === 0) break;
  }
  return [...byId.values()];
};
