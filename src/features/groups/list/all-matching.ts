import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listGroups, searchGroups } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { waitOutRateLimit } from '@/api/rate-limit';
import { isBrowseView, type GroupListState } from './list-url-state';
import type { ReadProgress } from '../core/group-run-parts';
import { readEveryPage } from '../core/page-reader';
import type { BulkTarget } from './bulk-target';
import { buildSearchRequest } from './search-request';
import { groupToolKeys } from '../core/group-tool-keys';
import { OPERATION_LIMITS, PAGE_SIZE_MAXIMA } from '@/api/generated/contract';

/** Largest pages the API allows (the listing's and the search's), and the most results a search pages through. */
const LIST_PAGE: number = PAGE_SIZE_MAXIMA.listGroups;
const SEARCH_PAGE: number = PAGE_SIZE_MAXIMA.searchGroups;
export const SEARCH_RESULT_CAP: number = OPERATION_LIMITS.searchGroups.searchCap;

/**
 * Every group of a list view, in the view's order: the listing in its largest pages, a search in its
 * largest pages (up to SEARCH_RESULT_CAP results). Each page waits out a 429; cancelling throws the AbortError.
 */
export const fetchAllMatching = (
  state: GroupListState,
  signal: AbortSignal,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Group[]> => {
  const browse = isBrowseView(state);
  return readEveryPage<Group>(
    async (page) => {
      if (browse) {
        const listing = await waitOutRateLimit(
          () =>
            listGroups(
              { pageNumber: page, pageSize: LIST_PAGE, sortOrder: state.order === 'desc' ? 'DESC' : 'ASC' },
              signal,
            ),
          { signal },
        );
        return { items: listing.entities ?? [], pageCount: listing.pageCount ?? page, total: listing.total ?? 0 };
      }
      const response = await waitOutRateLimit(
        () =>
          searchGroups(
            { ...buildSearchRequest({ ...state, q64: undefined }), pageSize: SEARCH_PAGE, pageNumber: page },
            signal,
          ),
        { signal },
      );
      return {
        items: response.results ?? [],
        pageCount: Math.min(response.pageCount ?? page, SEARCH_RESULT_CAP / SEARCH_PAGE),
        total: Math.min(response.total ?? 0, SEARCH_RESULT_CAP),
      };
    },
    signal,
    onProgress && (({ loaded, total }) => onProgress({ loaded, total })),
  );
};

/** The groups of a bulk action: those selected, or every group of the view (read with progress). */
export const useBulkGroups = (target: BulkTarget) => {
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const query = useQuery({
    queryKey: groupToolKeys.bulkGroups(target.allMatching ? target.view : target.groups.map((g) => g.id)),
    queryFn: ({ signal }) =>
      target.allMatching ? fetchAllMatching(target.view, signal, setProgress) : Promise.resolve(target.groups),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  return { query, progress };
};
