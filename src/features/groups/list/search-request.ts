import type { GroupSearchCriteria } from '@/api/generated/model/groupSearchCriteria';
import type { GroupSearchRequest } from '@/api/generated/model/groupSearchRequest';
import type { ListGroupsParams } from '@/api/generated/model/listGroupsParams';
import { isBrowseView, type GroupListState } from './list-url-state';

/**
 * Which API request shows a view of the group list:
 *   - the plain listing (no text, no filter, sorted by name): GET /api/v2/groups by page number;
 *   - a search page reached through nextPage/previousPage: GET /api/v2/groups/search?q64=;
 *   - any other search: POST /api/v2/groups/search with the criteria built here.
 */
export type GroupsViewRequest =
  | { kind: 'list'; params: ListGroupsParams }
  | { kind: 'search'; body: GroupSearchRequest }
  | { kind: 'q64'; q64: string };

/** The search field of a group's owners. */
export const OWNER_ID_FIELD = 'owners.id';

/** The fields the search box looks in. */
export const TEXT_SEARCH_FIELDS = ['name', 'description'];

const SORT_ORDER = { asc: 'ASC', desc: 'DESC' } as const;

/** One value → EXACT, several → TERMS (any of them). */
const filterCriterion = (field: string, values: readonly string[]): GroupSearchCriteria =>
  values.length === 1
    ? { type: 'EXACT', fields: [field], value: values[0] }
    : { type: 'TERMS', fields: [field], values: [...values] };

/** The criteria of a view: text, then filters; MATCH_ALL when there is nothing else. */
export const buildSearchCriteria = (state: GroupListState): GroupSearchCriteria[] => {
  const criteria: GroupSearchCriteria[] = [];
  if (state.q) {
    criteria.push({
      type: state.match === 'startsWith' ? 'STARTS_WITH' : 'CONTAINS',
      fields: [...TEXT_SEARCH_FIELDS],
      value: state.q,
    });
  }
  if (state.type.length) criteria.push(filterCriterion('type', state.type));
  if (state.visibility.length) criteria.push(filterCriterion('visibility', state.visibility));
  if (state.state.length) criteria.push(filterCriterion('state', state.state));
  // "My groups": the groups whose owners include the signed-in user (the search's `owners.id` field).
  if (state.mine) criteria.push({ type: 'EXACT', fields: [OWNER_ID_FIELD], value: state.myId ?? '' });
  if (criteria.length === 0) criteria.push({ type: 'MATCH_ALL' });
  return criteria;
};

/** The POST body of a search view (its first page, or `page` when a link names one). */
export const buildSearchRequest = (state: GroupListState): GroupSearchRequest => ({
  query: buildSearchCriteria(state),
  sortBy: state.sort,
  sortOrder: SORT_ORDER[state.order],
  pageSize: state.pageSize,
  pageNumber: state.page,
});

export const buildListParams = (state: GroupListState): ListGroupsParams => ({
  pageNumber: state.page,
  pageSize: state.pageSize,
  sortOrder: SORT_ORDER[state.order],
});

export const toViewRequest = (state: GroupListState): GroupsViewRequest => {
  if (isBrowseView(state)) return { kind: 'list', params: buildListParams(state) };
  if (state.q64) return { kind: 'q64', q64: state.q64 };
  return { kind: 'search', body: buildSearchRequest(state) };
};

/**
 * The q64 of a search page URI such as `/api/v2/groups/search?q64=H4sI…` (relative or absolute),
 * or undefined when the URI holds none.
 */
export const q64FromPageUri = (uri: string | undefined): string | undefined => {
  if (!uri) return undefined;
  try {
    const q64 = new URL(uri, 'http://localhost').searchParams.get('q64');
    return q64 ? q64 : undefined;
  } catch {
    return undefined;
  }
};
