import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { getGetGroupDynamicSettingsQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { listUsers } from '@/api/generated/endpoints/users/users';
import type { Group } from '@/api/generated/model/group';
import { isApiError } from '@/api/errors';
import { useCanReadRules } from '@/lib/permissions';
import { useMemberReasons, type RulesPresence } from '../members/use-member-reasons';
import type { User } from '@/api/generated/model/user';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { personOf, readAllMembers } from '../core/membership-calls';
import { waitOutRateLimit } from '@/api/rate-limit';
import type { ExportProgress } from '../core/export-members';
import { compareMembers, type CompareResult } from './compare-sets';
import { groupToolKeys } from '../core/group-tool-keys';
import { QUERY_LIST_MAXIMA } from '@/api/generated/contract';

export interface CompareProgress {
  /** Which group is being read. */
  side: 'A' | 'B';
  read: ExportProgress;
}

export const compareQueryKey = groupToolKeys.compare;

/**
 * Reads every member id of both groups (the API has no set operations): pages of 500, the largest the
 * API allows, keeping only id and name. Progress is reported per page; `cancel` stops the read.
 */
export const useCompare = (a: string, b: string) => {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<CompareProgress | null>(null);
  const [waitSeconds, setWaitSeconds] = useState<number | null>(null);
  const queryKey = compareQueryKey(a, b);
  const query = useQuery<CompareResult>({
    queryKey,
    queryFn: async ({ signal }) => {
      const read = async (side: 'A' | 'B', groupId: string) =>
        (
          await readAllMembers(groupId, signal, {
            onProgress: (p) => setProgress({ side, read: p }),
            onWait: setWaitSeconds,
          })
        ).map(personOf);
      try {
        const membersA = await read('A', a);
        const membersB = await read('B', b);
        return compareMembers(membersA, membersB);
      } finally {
        setProgress(null);
      }
    },
    enabled: !!a && !!b && a !== b,
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const cancel = useCallback(() => void queryClient.cancelQueries({ queryKey }), [queryClient, queryKey]);
  return { query, progress, waitSeconds, cancel };
};

/** The details of the people on the visible page only: GET /users?id=…&expand=…, in the page's order. */
export const useCompareDetails = (ids: readonly string[], columns: readonly UserExpand[]) =>
  useQuery({
    queryKey: groupToolKeys.compareDetails(ids, columns),
    queryFn: ({ signal }) => usersByIds(ids, columns, signal),
    enabled: ids.length > 0,
    staleTime: 10_000,
  });

/** The most ids the users endpoint takes a request (its `id` parameter's `maxItems`). */
const DETAILS_PER_REQUEST: number = QUERY_LIST_MAXIMA.listUsers.id;

/** Users by id with the chosen expand, as many a request as the endpoint takes, in the order asked (any state: inactive members too). */
export const usersByIds = async (
  ids: readonly string[],
  columns: readonly UserExpand[],
  signal?: AbortSignal,
): Promise<User[]> => {
  const byId = new Map<string, User>();
  for (let i = 0; i < ids.length; i += DETAILS_PER_REQUEST) {
    const batch = ids.slice(i, i + DETAILS_PER_REQUEST);
    const listing = await waitOutRateLimit(
      () =>
        listUsers(
          { id: batch, pageSize: batch.length, state: 'any', ...(columns.length ? { expand: [...columns] } : {}) },
          signal,
        ),
      { signal },
    );
    for (const u of listing.entities ?? []) if (u.id) byId.set(u.id, u);
  }
  return ids.map((id) => byId.get(id)).filter((u): u is User => u !== undefined);
};

const NO_GROUP: Group = {} as Group;

/**
 * Why each person is in one of the compared groups (individual, owner, rule), as the members tab reads
 * it; [] until the group and its sources are in.
 */
export const useGroupReasons = (group: Group | undefined) => {
  const canReadRules = useCanReadRules(group);
  const rules = useQuery(
    getGetGroupDynamicSettingsQueryOptions(group?.id ?? '', {
      query: { enabled: !!group?.id && canReadRules, retry: false, throwOnError: false, meta: { silent: true } },
    }),
  );
  const presence: RulesPresence = !group
    ? 'loading'
    : !canReadRules
      ? 'unknown'
      : rules.data
        ? 'some'
        : isApiError(rules.error) && rules.error.status === 404
          ? 'none'
          : rules.isError
            ? 'unknown'
            : 'loading';
  return useMemberReasons(group ?? NO_GROUP, presence, false).reasonsFor;
};
