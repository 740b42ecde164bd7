import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { getListGroupMembersQueryKey, listGroupMembers } from '@/api/generated/endpoints/groups/groups';
import type { PushState } from '@/api/notifications/client';
import { useCan } from '@/lib/permissions';
import { useGroupAuditNames } from '../core/audit-names';
import { fitsLive, GROUP_CHANGES_PERMISSION, LIVE_REREAD_MS, LIVE_REREAD_WITHOUT_CHANGES_MS } from './live-events';
import {
  countsOf,
  countsRefreshMs,
  diffRoster,
  READ_CONCURRENCY,
  readWholeGroup,
  ROSTER_PAGE_SIZE,
} from './roster-model';
import type { RosterCounts, RosterEntry, RosterReading, RosterChange } from './roster-model';
import { useRosterPush } from './use-roster-push';
import { readWholeGroupInWorker, workersAvailable } from './read-in-worker';
import { useReadProgressStore, type ReadProgressSource } from './read-progress';

/**
 * The query key of a group's whole-group reading: under the members key, so whatever refreshes a
 * group's members (a membership change) refreshes the roster too.
 */
export const groupRosterQueryKey = (groupId: string) =>
  [...getListGroupMembersQueryKey(groupId), { roster: ['presence', 'routingStatus'] }] as const;

const NO_ENTRIES: readonly RosterEntry[] = [];

export interface GroupRoster {
  reading: RosterReading | undefined;
  counts: RosterCounts;
  /** When the counts were taken (ms since the epoch), 0 before the first reading. */
  takenAt: number;
  /** How often the counts refresh while the tab is visible (while polling). */
  refreshMs: number;
  /** Whether events keep the roster live (push); false while it polls. */
  live: boolean;
  /** While live, how often the whole group is still read again. */
  rereadMs: number;
  /** Pages read so far of the reading under way, and its page count (subscribe with useReadProgress). */
  progress: ReadProgressSource;
  /** Status changes between the previous reading and this one. */
  changes: readonly RosterChange[];
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * Every member's presence and routing status, read in the members endpoint's largest pages. With
 * `push`, a group of at most LIVE_ROSTER_MAX_MEMBERS is kept live by notification events, and read
 * again only every LIVE_REREAD_MS (live-events.ts); a larger group, or any group while the socket is
 * down, is refreshed as often as the roster's share of the rate limit allows for its size
 * (roster-model.ts), and only while the tab is visible (TanStack Query's interval pauses in a hidden tab).
 * A group of more than one page is read in a Web Worker (read-in-worker.ts); the reading in the query
 * cache is the same either way, so push events apply to it alike.
 */
export function useGroupRoster(groupId: string, memberCount: number, enabled: boolean, push = false): GroupRoster {
  const [pushState, setPushState] = useState<PushState>('down');
  const withChanges = useCan(GROUP_CHANGES_PERMISSION);
  // The group's change topic goes by the entity type the org's audit service mapping gives groups.
  const auditNames = useGroupAuditNames(withChanges && enabled && push);
  const changesEntityType = withChanges && auditNames.ready ? auditNames.names.entityType : null;
  const rereadMs = withChanges ? LIVE_REREAD_MS : LIVE_REREAD_WITHOUT_CHANGES_MS;
  const wantsPush = enabled && push && fitsLive(memberCount);
  const live = wantsPush && pushState === 'live';
  const refreshMs = countsRefreshMs(memberCount);
  // Pages read of the reading under way (shown while the first count is still coming in).
  const progress = useReadProgressStore();
  const query = useQuery({
    queryKey: groupRosterQueryKey(groupId),
    queryFn: ({ signal }) => {
      const onProgress = progress.set;
      const onPage = () =>
        readWholeGroup(
          (pageNumber) =>
            listGroupMembers(
              groupId,
              { pageSize: ROSTER_PAGE_SIZE, pageNumber, sortOrder: 'ASC', expand: ['presence', 'routingStatus'] },
              signal,
            ),
          READ_CONCURRENCY,
          onProgress,
        );
      // A group of more than one page is read in a Web Worker: parsing thousands of members (a phone
      // takes seconds for 50,000) would otherwise hold up the page while the members tab opens.
      return memberCount > ROSTER_PAGE_SIZE && workersAvailable()
        ? readWholeGroupInWorker(groupId, { signal, onProgress, fallback: onPage })
        : onPage();
    },
    enabled: enabled && !!groupId,
    // A new reading replaces the last as it is: comparing 100,000 entries with the last reading's, to keep
    // the unchanged ones, took the page's thread for each refresh, and the worker's counts are of the
    // reading's own entries (countsOf). What changed is told by diffRoster.
    structuralSharing: false,
    refetchInterval: live ? rereadMs : refreshMs,
    staleTime: live ? rereadMs : refreshMs,
  });
  const entries = query.data?.entries;
  useRosterPush({
    groupId,
    entries: wantsPush && entries && fitsLive(entries.length) ? entries : undefined,
    changesEntityType,
    onState: setPushState,
  });

  // A reading and its time render as a transition, in slices: taking in a whole group's counts (and the
  // panel they fill) was one long task on a phone, as the query's change renders at once.
  const landed = useMemo(
    () => ({ reading: query.data, takenAt: query.dataUpdatedAt }),
    [query.data, query.dataUpdatedAt],
  );
  const { reading, takenAt } = useDeferredValue(landed);
  // The reading before this one, to tell what changed since (React's "state from the previous render").
  const [track, setTrack] = useState<{ reading?: RosterReading; before?: RosterReading }>({});
  if (reading !== track.reading) setTrack({ reading, before: track.reading });
  const before = track.before;

  const counts = useMemo(() => countsOf(reading?.entries ?? NO_ENTRIES), [reading]);
  const changes = useMemo(
    () => (before && reading ? diffRoster(before.entries, reading.entries) : []),
    [before, reading],
  );

  const isLive = live && !!entries && fitsLive(entries.length);
  const isPending = query.isPending && enabled;
  const { isFetching, error, refetch: refetchQuery } = query;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);
  // One object while nothing in it changes, so that the panel showing it can skip a render of the tab.
  return useMemo(
    () => ({
      reading,
      counts,
      takenAt,
      refreshMs,
      live: isLive,
      rereadMs,
      changes,
      progress,
      isPending,
      isFetching,
      error,
      refetch,
    }),
    [reading, counts, takenAt, refreshMs, isLive, rereadMs, changes, progress, isPending, isFetching, error, refetch],
  );
}
