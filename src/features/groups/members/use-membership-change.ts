import { useMutation, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import {
  addGroupMembers,
  getGetGroupProfileQueryKey,
  getGetGroupQueryKey,
  getGroup,
  getListGroupIndividualsQueryKey,
  getListGroupMembersQueryKey,
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
  removeGroupMembers,
} from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import {
  runMembershipBatches,
  type BatchProgress,
  type BatchRunResult,
  type MembershipOperation,
} from './batch-membership';

/** Every cached view of a group whose membership changed: the group, its member lists, lists and searches. */
export const membershipInvalidations = (groupId: string): QueryKey[] => [
  getGetGroupQueryKey(groupId),
  getListGroupMembersQueryKey(groupId),
  getListGroupIndividualsQueryKey(groupId),
  getGetGroupProfileQueryKey(groupId),
  getListGroupsQueryKey(),
  getListGroupProfilesQueryKey(),
  getSearchGroupsByQ64QueryKey(),
  // The search key carries the request body; its first element is the prefix of every search.
  getSearchGroupsQueryKey().slice(0, 1),
];

export interface MembershipChange {
  operation: MembershipOperation;
  ids: string[];
}

/**
 * Adds or removes members in batches of 50 with the group's version (409 → fresh read, one retry).
 * Resolves with what was done and what was not; partial changes still refresh every view.
 */
export const useMembershipChange = (group: Group) => {
  const groupId = group.id ?? '';
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const mutation = useMutation<BatchRunResult, Error, MembershipChange>({
    mutationFn: ({ operation, ids }) =>
      runMembershipBatches({
        ids,
        initialVersion: group.version,
        onProgress: setProgress,
        api: {
          fetchVersion: async () => (await getGroup(groupId)).version ?? 0,
          send: async (batch, version) => {
            if (operation === 'add') await addGroupMembers(groupId, { memberIds: batch, version });
            else await removeGroupMembers(groupId, { ids: batch.join(',') });
          },
        },
      }),
    meta: { invalidates: membershipInvalidations(groupId), silent: true },
  });
  return { ...mutation, progress };
};
