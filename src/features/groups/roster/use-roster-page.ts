import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { getListUsersQueryKey, listUsers } from '@/api/generated/endpoints/users/users';
import type { User } from '@/api/generated/model/user';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { VISIBLE_PAGE_REFRESH_MS } from './roster-model';
import { chunk } from '@/lib/chunk';
import { QUERY_LIST_MAXIMA } from '@/api/generated/contract';

/** One empty page for every render (a new [] each time would look like a new page to the change marks). */
const NO_USERS: User[] = [];

/** The most ids the users endpoint takes a request (its `id` parameter's `maxItems`). */
export const IDS_PER_REQUEST: number = QUERY_LIST_MAXIMA.listUsers.id;

export interface RosterPageArgs {
  /**
   * The ids of every member the filters keep, in name order (A–Z), from a whole-group reading; undefined
   * while it is read.
   */
  ids: readonly string[] | undefined;
  /** Whether a filter is on (the page then comes from `ids`). */
  active: boolean;
  /** What the filters are, so a held page lets go when they change. */
  viewKey: string;
  page: number;
  pageSize: number;
  sortOrder: 'ASC' | 'DESC';
  columns: readonly UserExpand[];
  /** Keep the page's members as they are (the pointer is over the table): a new count waits. */
  hold?: boolean;
  /** While events keep the page live (use-roster-push.ts): read it again only this often. */
  liveRereadMs?: number;
}

export interface RosterPageResult {
  /** The page's members with the chosen expand columns; undefined while the first page loads. */
  users: User[] | undefined;
  /** Members of the whole group the filters keep, at the last reading. */
  total: number;
  pageCount: number;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * One page of the members the filters keep (a status, a reason, a search) across the whole group: the
 * ids come from the whole-group reading (in name order), the page's users with their expand columns from
 * `GET /api/v2/users?id=…` (one request per 100 members of the page, whatever the group's size). A
 * member whose status changed since the count stays on the page, showing the new status, until the
 * next count.
 */
export function useRosterPage({
  ids: givenIds,
  active,
  viewKey,
  page,
  pageSize,
  sortOrder,
  columns,
  hold = false,
  liveRereadMs,
}: RosterPageArgs): RosterPageResult {
  const latest = useMemo(() => {
    if (!givenIds || !active) return [];
    return sortOrder === 'DESC' ? [...givenIds].reverse() : givenIds;
  }, [givenIds, active, sortOrder]);
  // While held, the ids of the last count stay (rows do not come and go under the pointer), unless
  // the filter or the order changed.
  const key = `${viewKey}|${sortOrder}`;
  const [held, setHeld] = useState({ key, ids: latest });
  if (held.ids !== latest && (!hold || held.key !== key)) setHeld({ key, ids: latest });
  const ids = hold && held.key === key ? held.ids : latest;
  const pageCount = Math.max(1, Math.ceil(ids.length / pageSize));
  const pageIds = ids.slice((Math.min(page, pageCount) - 1) * pageSize, Math.min(page, pageCount) * pageSize);
  const chunks = chunk(pageIds, IDS_PER_REQUEST);
  const expand = columns.length ? [...columns] : undefined;
  const users = useQuery({
    queryKey: [...getListUsersQueryKey(), { roster: pageIds, sortOrder, expand }],
    queryFn: async ({ signal }) => {
      // Each request answers its ids in name order; the chunks are consecutive runs of a name-ordered list.
      const pages = await Promise.all(
        chunks.map((id) =>
          listUsers({ id, pageSize: id.length, sortOrder, state: 'any', ...(expand ? { expand } : {}) }, signal),
        ),
      );
      return pages.flatMap((p) => p.entities ?? []);
    },
    enabled: active && pageIds.length > 0,
    placeholderData: keepPreviousData,
    // A page of more than 100 members takes several requests: it refreshes less often, to stay in budget.
    refetchInterval: liveRereadMs ?? VISIBLE_PAGE_REFRESH_MS * Math.max(1, chunks.length),
    staleTime: liveRereadMs ?? 0,
  });
  const empty = !!givenIds && active && pageIds.length === 0;
  return {
    users: empty ? NO_USERS : users.data,
    total: ids.length,
    pageCount,
    isPending: !empty && users.isPending,
    isError: users.isError,
    error: users.error,
    refetch: () => void users.refetch(),
  };
}
