import { queryOptions, type QueryClient, type QueryFunction, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from '@/api/errors';
import {
  getListGroupsQueryOptions,
  getSearchGroupsByQ64QueryOptions,
  getSearchGroupsQueryOptions,
} from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import type { GroupEntityListing } from '@/api/generated/model/groupEntityListing';
import type { GroupsSearchResponse } from '@/api/generated/model/groupsSearchResponse';
import { goToPage, type GroupListState } from './list-url-state';
import { q64FromPageUri, toViewRequest, type GroupsViewRequest } from './search-request';

/** What the API answers for any view of the list: a listing page or a search page. */
export type GroupsViewData = GroupEntityListing | GroupsSearchResponse;

/** One page of the list, whichever request produced it. */
export interface GroupsPage {
  groups: Group[];
  total: number;
  pageNumber: number;
  pageCount: number;
  pageSize: number;
  /** The view state of the previous / next page, when there is one. */
  previous?: GroupListState;
  next?: GroupListState;
}

const isSearchResponse = (data: GroupsViewData): data is GroupsSearchResponse => 'results' in data;

/** Normalises a listing or search answer into a page, with the view states of its neighbours. */
export const toGroupsPage = (data: GroupsViewData, state: GroupListState): GroupsPage => {
  if (isSearchResponse(data)) {
    const previousQ64 = q64FromPageUri(data.previousPage);
    const nextQ64 = q64FromPageUri(data.nextPage);
    return {
      groups: data.results ?? [],
      total: data.total ?? 0,
      pageNumber: data.pageNumber ?? 1,
      pageCount: data.pageCount ?? 0,
      pageSize: data.pageSize ?? state.pageSize,
      previous: previousQ64 && data.pageNumber > 1 ? goToPage(state, { q64: previousQ64 }) : undefined,
      next: nextQ64 && data.pageNumber < data.pageCount ? goToPage(state, { q64: nextQ64 }) : undefined,
    };
  }
  const pageNumber = data.pageNumber ?? state.page;
  const pageCount = data.pageCount ?? 0;
  return {
    groups: data.entities ?? [],
    total: data.total ?? 0,
    pageNumber,
    pageCount,
    pageSize: data.pageSize ?? state.pageSize,
    previous: pageNumber > 1 ? goToPage(state, { page: pageNumber - 1 }) : undefined,
    next: pageNumber < pageCount ? goToPage(state, { page: pageNumber + 1 }) : undefined,
  };
};

const requestQueryOptions = (request: GroupsViewRequest) => {
  switch (request.kind) {
    case 'list':
      return getListGroupsQueryOptions(request.params);
    case 'search':
      return getSearchGroupsQueryOptions(request.body);
    case 'q64':
      return getSearchGroupsByQ64QueryOptions({ q64: request.q64 });
  }
};

/**
 * The query of a view, keyed and fetched by the generated options of the request it needs, so
 * mutations that invalidate the generated list/search keys refresh it.
 */
export const groupsViewQueryOptions = (state: GroupListState) => {
  const generated = requestQueryOptions(toViewRequest(state));
  return queryOptions<GroupsViewData, ApiError>({
    queryKey: generated.queryKey as QueryKey,
    queryFn: generated.queryFn as QueryFunction<GroupsViewData>,
    // Marks the list page's queries: other readers of the same keys (the command palette's search) are not the page.
    meta: { groupsView: true },
  });
};

/** True while the list page is on screen (one of its view queries has an observer). */
export const isGroupListShowing = (queryClient: QueryClient): boolean =>
  queryClient
    .getQueryCache()
    .findAll({ predicate: (query) => query.meta?.groupsView === true && query.getObserversCount() > 0 }).length > 0;
