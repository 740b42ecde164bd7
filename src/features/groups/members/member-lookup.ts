/**
 * Finding a member by name or email without reading the whole group. The members endpoint cannot
 * filter, so the console asks the users search for the people whose name or email holds every word
 * (`POST /api/v2/users/search`, name order), then asks for those people's groups
 * (`GET /api/v2/users?id=…&expand=groups`): a hit whose groups hold this group is a member. One search
 * page and one check answer most finds; the whole-group reading (roster/) stays the answer when the
 * search would cost more requests than the reading, or when the search or the check fails.
 */
import { OPERATION_LIMITS, PAGE_SIZE_MAXIMA, QUERY_LIST_MAXIMA } from '@/api/generated/contract';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import { chunk } from '@/lib/chunk';
import { ROSTER_PAGE_SIZE } from '../roster/roster-model';

/** The users search's largest page. */
export const SEARCH_PAGE_SIZE: number = PAGE_SIZE_MAXIMA.searchUsers;
/** Ids per `GET /api/v2/users?id=…` check (the contract's limit; one search page's hits fit in one). */
export const IDS_PER_CHECK: number = QUERY_LIST_MAXIMA.listUsers.id;
/** The users search pages through at most this many results (pageSize × pageNumber). */
export const SEARCH_WINDOW: number = OPERATION_LIMITS.searchUsers.searchCap;

/**
 * The search for people whose name or email holds every word (a substring, ignoring case), active or
 * inactive, in name order.
 */
export const memberSearchRequest = (words: readonly string[], pageNumber: number): UserSearchRequest => ({
  pageSize: SEARCH_PAGE_SIZE,
  pageNumber,
  sortBy: 'name',
  sortOrder: 'ASC',
  query: [
    ...words.map((value) => ({
      type: 'CONTAINS' as const,
      fields: ['name', 'email'],
      value,
      operator: 'AND' as const,
    })),
    { type: 'TERMS' as const, fields: ['state'], values: ['active', 'inactive'], operator: 'AND' as const },
  ],
});

/** Requests the whole-group reading takes for a group of this size. */
export const readingRequests = (memberCount: number) => Math.max(1, Math.ceil(memberCount / ROSTER_PAGE_SIZE));

/** Requests a search with this many hits takes: its pages, and one check per IDS_PER_CHECK hits. */
export const searchRequests = (hits: number) => {
  const pages = Math.max(1, Math.ceil(hits / SEARCH_PAGE_SIZE));
  return pages + Math.ceil(hits / IDS_PER_CHECK);
};

/**
 * Whether to search before anything is asked: not for a group the reading covers in as few requests as a
 * search and its check (two).
 */
export const searchFirst = (memberCount: number) => readingRequests(memberCount) > 2;

/**
 * Once the first search page told the hit count: whether the rest of the search (its other pages and
 * every check) costs no more than reading the group, and stays within the search's window.
 */
export const searchPays = (hits: number, memberCount: number) =>
  hits <= SEARCH_WINDOW && searchRequests(hits) - 1 <= readingRequests(memberCount);

/** The ids (in the users' order) of those whose `groups` holds the group. */
export const membersAmong = (users: readonly User[], groupId: string): string[] =>
  users.filter((u) => u.id && (u.groups ?? []).some((g) => g.id === groupId)).map((u) => u.id!);

export interface LookupFetchers {
  search: (request: UserSearchRequest) => Promise<UsersSearchResponse>;
  /** `GET /api/v2/users?id=…&expand=groups&state=any` for these ids. */
  groupsOf: (ids: string[]) => Promise<{ entities?: User[] }>;
}

export interface LookupResult {
  /** The members found, in name order (A–Z); undefined when the group must be read instead. */
  ids: string[] | undefined;
  /** Requests made. */
  requests: number;
}

/**
 * The members of `groupId` whose name or email holds every word, by search and check; `ids` undefined
 * when reading the group costs fewer requests (too many hits).
 */
export async function lookUpMembers(
  groupId: string,
  memberCount: number,
  words: readonly string[],
  fetchers: LookupFetchers,
): Promise<LookupResult> {
  const first = await fetchers.search(memberSearchRequest(words, 1));
  const hits = first.total;
  let requests = 1;
  if (!searchPays(hits, memberCount)) return { ids: undefined, requests };
  const pageCount = Math.max(1, Math.ceil(hits / SEARCH_PAGE_SIZE));
  const rest = await Promise.all(
    Array.from({ length: pageCount - 1 }, (_, i) => fetchers.search(memberSearchRequest(words, i + 2))),
  );
  requests += rest.length;
  const seen = new Set<string>();
  const hitIds: string[] = [];
  for (const page of [first, ...rest]) {
    for (const user of page.results ?? []) {
      if (user.id && !seen.has(user.id)) {
        seen.add(user.id);
        hitIds.push(user.id);
      }
    }
  }
  const checks = chunk(hitIds, IDS_PER_CHECK);
  const checked = await Promise.all(checks.map((ids) => fetchers.groupsOf(ids)));
  requests += checks.length;
  const members = new Set(checked.flatMap((page) => membersAmong(page.entities ?? [], groupId)));
  // The search's name order; the checks may answer in their own.
  return { ids: hitIds.filter((id) => members.has(id)), requests };
}
