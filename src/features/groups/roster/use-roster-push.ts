import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { getDeleteGroupMutationKey } from '@/api/generated/endpoints/groups/groups';
import { getListUsersQueryKey } from '@/api/generated/endpoints/users/users';
import { groupKeys } from '@/api/keys/group-keys';
import { notificationClient, type PushState } from '@/api/notifications/client';
import { applyToCached, isGroupChangesTopic, rosterTopics, statusUpdateOf, type StatusUpdate } from './live-events';
import type { RosterEntry } from './roster-model';

/** Whether this tab is deleting the group: its page is being left, and a reading now would only answer 404. */
const deleting = (queryClient: QueryClient, groupId: string) =>
  queryClient.isMutating({
    mutationKey: getDeleteGroupMutationKey(),
    predicate: (mutation) => (mutation.state.variables as { groupId?: string } | undefined)?.groupId === groupId,
  }) > 0;

/** Reads again everything the members tab shows of the group (the catch-up after a gap, or a change). */
const readAgain = (queryClient: QueryClient, groupId: string) => {
  if (deleting(queryClient, groupId)) return;
  for (const queryKey of [groupKeys.detail(groupId), ...groupKeys.people(groupId), getListUsersQueryKey()])
    void queryClient.refetchQueries({ queryKey, type: 'active' });
};

/**
 * A member's status update, written into every cached query under `queryKeys` that holds them: now, and
 * again into each of those queries being read at this moment once its reading answers. A reading under
 * way (the catch-up after a gap, a re-read) may have been answered before the change, and would
 * otherwise put the older status back until the next reading.
 */
export const applyStatusUpdate = (
  queryClient: QueryClient,
  queryKeys: readonly QueryKey[],
  update: StatusUpdate,
): void => {
  const cache = queryClient.getQueryCache();
  for (const queryKey of queryKeys) {
    queryClient.setQueriesData({ queryKey }, (data: unknown) => applyToCached(data, update));
    for (const query of cache.findAll({ queryKey, fetchStatus: 'fetching' })) {
      const stop = cache.subscribe((event) => {
        if (event.query !== query || event.type !== 'updated') return;
        if (event.action.type === 'success') {
          stop();
          queryClient.setQueryData(query.queryKey, (data: unknown) => applyToCached(data, update));
        } else if (query.state.fetchStatus === 'idle') stop(); // failed or cancelled: nothing came back
      });
    }
  }
};

/** A member's status event, written into every cached reading and page of members and users that holds them. */
const applyEvent = (queryClient: QueryClient, groupId: string, topicName: string, body: unknown) => {
  if (isGroupChangesTopic(topicName, groupId)) return readAgain(queryClient, groupId);
  const update = statusUpdateOf(topicName, body);
  if (update) applyStatusUpdate(queryClient, [...groupKeys.people(groupId), getListUsersQueryKey()], update);
};

export interface RosterPushArgs {
  groupId: string;
  /** Every member, from the whole-group reading; undefined while it is read or when push is not wanted. */
  entries: readonly RosterEntry[] | undefined;
  /**
   * The entity type of the group's change topic, to subscribe it too (the caller may read audit records);
   * null without it.
   */
  changesEntityType: string | null;
  onState: (state: PushState) => void;
}

/**
 * Keeps the group's roster live by push while `entries` is given: the tab's notifications client
 * carries every member's activity topic (and the group's changes); each event updates the cached
 * reading and pages in place, a change of the group reads them again, and so does a gap (the
 * subscription going live, or coming back after a drop). `onState` says whether events flow.
 */
export function useRosterPush({ groupId, entries, changesEntityType, onState }: RosterPushArgs): void {
  const queryClient = useQueryClient();
  const active = !!entries && !!groupId;
  const topics = useMemo(
    () =>
      entries
        ? rosterTopics(
            groupId,
            entries.map((e) => e.id),
            changesEntityType,
          )
        : [],
    [entries, groupId, changesEntityType],
  );
  const subscription = useMemo(() => {
    if (!active) return null;
    let release: (() => void) | null = null;
    let setTopics: ((t: readonly string[]) => void) | null = null;
    return {
      start: () => {
        const sub = notificationClient().subscribe([], {
          onEvent: (topicName, body) => applyEvent(queryClient, groupId, topicName, body),
          onState,
          onGap: () => readAgain(queryClient, groupId),
        });
        release = sub.release;
        setTopics = sub.setTopics;
      },
      setTopics: (t: readonly string[]) => setTopics?.(t),
      stop: () => {
        release?.();
        release = setTopics = null;
      },
    };
  }, [active, groupId, queryClient, onState]);

  useEffect(() => {
    if (!subscription) return;
    subscription.start();
    return () => {
      subscription.stop();
      onState('down');
    };
  }, [subscription, onState]);
  useEffect(() => {
    subscription?.setTopics(topics);
  }, [subscription, topics]);
}
