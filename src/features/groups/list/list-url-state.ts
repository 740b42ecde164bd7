/**
 * The group list's view state, all of it kept in the URL's search params so that reload, back and a
 * shared link restore the exact view:
 *
 *   q           text searched in name and description ('' = none)
 *   match       how `q` matches: contains (default) or startsWith
 *   type        filter, comma-separated: official, social
 *   visibility  filter, comma-separated: public, members, owners
 *   state       filter, comma-separated: active, inactive
 *   owner       `me`: only the groups the signed-in user owns ("My groups")
 *   sort        name (default), memberCount, dateModified
 *   order       asc (default), desc
 *   pageSize    25 (default), 50, 100
 *   page        page number (from 1) of the plain listing, or of a search that has no q64 yet
 *   q64         the search page being shown, as the search response's nextPage/previousPage named it
 *
 * Parsing never fails: a missing or invalid value falls back to its default. Serialising leaves
 * defaults out, so the plain first page is just `/groups`.
 *
 * "My groups" is kept as `owner=me`, so a shared link shows each reader their own groups; the search it
 * needs names the reader's id, which the state carries as `myId` (given when parsing, never in the URL).
 */

import { OPERATION_LIMITS } from '@/api/generated/contract';

export const MATCH_MODES = ['contains', 'startsWith'] as const;
export const GROUP_TYPES = ['official', 'social'] as const;
export const GROUP_VISIBILITIES = ['public', 'members', 'owners'] as const;
export const GROUP_STATES = ['active', 'inactive'] as const;
export const SORT_FIELDS = ['name', 'memberCount', 'dateModified'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

export type MatchMode = (typeof MATCH_MODES)[number];
export type GroupTypeFilter = (typeof GROUP_TYPES)[number];
export type GroupVisibilityFilter = (typeof GROUP_VISIBILITIES)[number];
export type GroupStateFilter = (typeof GROUP_STATES)[number];
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = (typeof SORT_ORDERS)[number];
export type PageSize = (typeof PAGE_SIZES)[number];

/** Longest search text kept from the URL. */
export const MAX_QUERY_LENGTH = 200;
/** Highest page number accepted (a search pages through at most `x-search-cap` results: pageSize × pageNumber). */
export const MAX_PAGE: number = OPERATION_LIMITS.searchGroups.searchCap;
/** Longest q64 accepted from the URL (the server refuses longer ones). */
const MAX_Q64_LENGTH = 64 * 1024;

/** A comma-separated list of allowed values: unknown entries are dropped, duplicates removed, order canonical. */
const enumList = <T extends string>(allowed: readonly T[], raw: string | null): T[] => {
  if (raw === null) return [];
  const given = new Set(raw.split(',').map((s) => s.trim()));
  return allowed.filter((value) => given.has(value));
};

/** One of the allowed values, or the fallback. */
const oneOf = <T extends string>(allowed: readonly T[], raw: string | null, fallback: T): T =>
  raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;

/** A number as `Number()` reads it ('' and junk are not numbers). */
const toNumber = (raw: string | null): number => (raw === null || raw.trim() === '' ? Number.NaN : Number(raw));

const Q64_PATTERN = /^[A-Za-z0-9_\-+/]+={0,2}$/;

export interface GroupListState {
  q: string;
  match: MatchMode;
  type: GroupTypeFilter[];
  visibility: GroupVisibilityFilter[];
  state: GroupStateFilter[];
  /** Only the groups the signed-in user owns. */
  mine: boolean;
  /** The signed-in user's id, for the "My groups" search (not part of the URL). */
  myId?: string;
  sort: SortField;
  order: SortOrder;
  pageSize: PageSize;
  page: number;
  q64?: string;
}

export const DEFAULT_LIST_STATE: GroupListState = {
  q: '',
  match: 'contains',
  type: [],
  visibility: [],
  state: [],
  mine: false,
  sort: 'name',
  order: 'asc',
  pageSize: 25,
  page: 1,
};

/** The value of `owner` that means the signed-in user. */
const OWNER_ME = 'me';

/** Reads the view state from the URL (the first value of each param counts); `myId` is the signed-in user's id. */
export const parseListState = (params: URLSearchParams, myId?: string): GroupListState => {
  const q = params.get('q');
  const pageSize = toNumber(params.get('pageSize'));
  const page = toNumber(params.get('page'));
  const q64 = params.get('q64');
  const state: GroupListState = {
    q: q === null ? '' : q.trim().slice(0, MAX_QUERY_LENGTH),
    match: oneOf(MATCH_MODES, params.get('match'), 'contains'),
    type: enumList(GROUP_TYPES, params.get('type')),
    visibility: enumList(GROUP_VISIBILITIES, params.get('visibility')),
    state: enumList(GROUP_STATES, params.get('state')),
    mine: params.get('owner') === OWNER_ME,
    sort: oneOf(SORT_FIELDS, params.get('sort'), 'name'),
    order: oneOf(SORT_ORDERS, params.get('order'), 'asc'),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? (pageSize as PageSize) : 25,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
  if (q64 !== null && q64.length <= MAX_Q64_LENGTH && Q64_PATTERN.test(q64)) state.q64 = q64;
  if (myId) state.myId = myId;
  return normaliseListState(state);
};

/** True when the view is the plain listing: no text, no filter, sorted by name. */
export const isBrowseView = (state: GroupListState): boolean =>
  state.q === '' &&
  state.type.length === 0 &&
  state.visibility.length === 0 &&
  state.state.length === 0 &&
  !state.mine &&
  state.sort === 'name';

/** The plain listing pages by number and has no q64; a search on a q64 page ignores `page`. */
export const normaliseListState = (state: GroupListState): GroupListState => {
  const next = { ...state };
  if (isBrowseView(next)) delete next.q64;
  else if (next.q64 !== undefined) next.page = 1;
  return next;
};

/** The URL search params of a view, defaults left out. */
export const toSearchParams = (input: GroupListState): URLSearchParams => {
  const state = normaliseListState(input);
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.match !== DEFAULT_LIST_STATE.match) params.set('match', state.match);
  if (state.type.length) params.set('type', state.type.join(','));
  if (state.visibility.length) params.set('visibility', state.visibility.join(','));
  if (state.state.length) params.set('state', state.state.join(','));
  if (state.mine) params.set('owner', OWNER_ME);
  if (state.sort !== DEFAULT_LIST_STATE.sort) params.set('sort', state.sort);
  if (state.order !== DEFAULT_LIST_STATE.order) params.set('order', state.order);
  if (state.pageSize !== DEFAULT_LIST_STATE.pageSize) params.set('pageSize', String(state.pageSize));
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.q64) params.set('q64', state.q64);
  return params;
};

export type ViewChange = Partial<
  Pick<GroupListState, 'q' | 'match' | 'type' | 'visibility' | 'state' | 'mine' | 'sort' | 'order' | 'pageSize'>
>;

/** A new query, filter, sort or page size starts again from the first page. */
export const changeView = (state: GroupListState, change: ViewChange): GroupListState => {
  const next: GroupListState = { ...state, ...change, page: 1 };
  delete next.q64;
  return normaliseListState(next);
};

/** Moves to another page: a page number for the plain listing, a q64 for a search. */
export const goToPage = (state: GroupListState, target: { page: number } | { q64: string }): GroupListState => {
  const next: GroupListState = { ...state };
  delete next.q64;
  if ('q64' in target) next.q64 = target.q64;
  else next.page = Math.min(Math.max(1, Math.trunc(target.page)), MAX_PAGE);
  return normaliseListState(next);
};

/** The view with no text and no filters (sort and page size stay). */
export const clearSearchAndFilters = (state: GroupListState): GroupListState =>
  changeView(state, { q: '', match: 'contains', type: [], visibility: [], state: [], mine: false });

export const hasSearchOrFilters = (state: GroupListState): boolean =>
  state.q !== '' || state.type.length > 0 || state.visibility.length > 0 || state.state.length > 0 || state.mine;

/** How many of the filters (type, visibility, state, "My groups") narrow the list. */
export const activeFilterCount = (
  state: Pick<GroupListState, 'type' | 'visibility' | 'state'> & Partial<Pick<GroupListState, 'mine'>>,
): number =>
  [state.type, state.visibility, state.state].filter((values) => values.length > 0).length + (state.mine ? 1 : 0);
