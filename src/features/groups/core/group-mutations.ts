import { t } from '@lingui/core/macro';
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import {
  addGroupMembers,
  getGroup,
  removeGroupMembers,
  updateGroupDynamicSettings,
  useCreateGroup,
  useDeleteGroup,
  useDeleteGroupDynamicSettings,
  useUpdateGroup,
  useUpdateGroupDynamicSettings,
} from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import type { GroupEntityListing } from '@/api/generated/model/groupEntityListing';
import type { GroupsSearchResponse } from '@/api/generated/model/groupsSearchResponse';
import type { GroupUpdate } from '@/api/generated/model/groupUpdate';
import {
  usePostAuthorizationSubjectBulkadd,
  usePostAuthorizationSubjectBulkremove,
} from '@/api/generated/endpoints/authorization/authorization';
import { apiRequest } from '@/api/http';
import { auditKeys } from '@/api/keys/audit-keys';
import { authorizationKeys } from '@/api/keys/authorization-keys';
import { groupKeys } from '@/api/keys/group-keys';
import { resolvedKey } from '@/api/resolve-names';
import { groupToolKeys } from './group-tool-keys';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { GroupCreate } from '@/api/generated/model/groupCreate';
import {
  runMembershipBatches,
  type BatchProgress,
  type BatchRunResult,
  type MembershipApi,
  type MembershipOperation,
} from './batch-membership';

/**
 * Every write the groups feature makes, and what each one refreshes afterwards (declared once, in
 * INVALIDATES; the query client invalidates those keys when the write succeeds, see
 * src/app/query-client.ts).
 */
export const INVALIDATES = {
  createGroup: (): QueryKey[] => groupKeys.collections(),
  updateGroup: (groupId: string): QueryKey[] => [...groupKeys.collections(), ...groupKeys.people(groupId)],
  deleteGroup: (): QueryKey[] => groupKeys.collections(),
  /** The group, who is in it, its profile, every list (member counts) and the history. */
  changeMembers: (groupId: string): QueryKey[] => [
    groupKeys.detail(groupId),
    ...groupKeys.people(groupId),
    groupKeys.profile(groupId),
    ...groupKeys.collections(),
    // A person's membership history (in the drawer, open while their groups change).
    auditKeys.all(),
  ],
  /** Rules decide membership: the rules, the group (its version) and who is in it. */
  changeRules: (groupId: string): QueryKey[] => [
    groupKeys.rules(groupId),
    groupKeys.detail(groupId),
    ...groupKeys.people(groupId),
  ],
  /** A revert is an update that is itself recorded: the group, lists, members and the history. */
  revertChange: (groupId: string): QueryKey[] => [
    groupKeys.detail(groupId),
    ...groupKeys.collections(),
    ...groupKeys.people(groupId),
    auditKeys.all(),
  ],
  /** A restore creates a group (lists) and records its creation (Recently deleted shows what was restored). */
  restoreGroup: (): QueryKey[] => [...groupKeys.collections(), auditKeys.all()],
  /** Groups deleted one by one (bulk delete) or created from a file (import): every list and search. */
  bulkDelete: (): QueryKey[] => groupKeys.collections(),
  importGroups: (): QueryKey[] => groupKeys.collections(),
  /** Roles granted to the group or taken from it: its grants and the history (GrantAdd, GrantRemove). */
  changeGrants: (groupId: string): QueryKey[] => [authorizationKeys.subject(groupId), auditKeys.all()],
  /** A copy, move or person-by-person run: each group it touched, as one membership change, and comparisons. */
  membershipRun: (groupIds: Iterable<string>): QueryKey[] => [
    ...[...new Set(groupIds)].flatMap((id) => INVALIDATES.changeMembers(id)),
    groupToolKeys.compareAll(),
  ],
} as const;

/**
 * Refreshes what a long run (bulk delete, import, copy/move) changed, from its INVALIDATES entry: the
 * runs send many calls outside useMutation, so they end here rather than through the MutationCache.
 */
export const refreshAfterRun = (queryClient: QueryClient, keys: readonly QueryKey[]): void => {
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
};

/** POST /groups; the form shows its errors itself (silent), lists and searches refresh. */
export const useCreateGroupMutation = () => {
  const queryClient = useQueryClient();
  return useCreateGroup({
    mutation: {
      meta: { silent: true, invalidates: INVALIDATES.createGroup() },
      onSuccess: (group) => {
        if (group.id) queryClient.setQueryData(groupKeys.detail(group.id), group);
      },
    },
  });
};

/** PUT /groups/{id}; the detail takes the answer, lists, searches and the membership refresh. */
export const useUpdateGroupMutation = (groupId: string) => {
  const queryClient = useQueryClient();
  return useUpdateGroup({
    mutation: {
      meta: { silent: true, invalidates: INVALIDATES.updateGroup(groupId) },
      onSuccess: (group) => {
        queryClient.setQueryData(groupKeys.detail(groupId), group);
        // A renamed group's name, wherever a reference to it is resolved (api/resolve-names.ts).
        queryClient.setQueryData(resolvedKey('group', groupId), group);
      },
    },
  });
};

type Collection = Partial<GroupEntityListing & GroupsSearchResponse> | undefined;

/** Takes a deleted group out of every cached listing and search at once (before they refetch). */
export const dropGroupFromCollections = (queryClient: QueryClient, groupId: string): void => {
  const without = (data: Collection): Collection => {
    if (!data || typeof data !== 'object') return data;
    const next = { ...data };
    if (Array.isArray(data.entities)) next.entities = data.entities.filter((g) => g.id !== groupId);
    if (Array.isArray(data.results)) next.results = data.results.filter((g) => g.id !== groupId);
    return next;
  };
  for (const queryKey of groupKeys.collections()) queryClient.setQueriesData<Collection>({ queryKey }, without);
};

/** Forgets everything cached about one group (its detail, members, profile, rules, grants). */
export const forgetGroup = (queryClient: QueryClient, groupId: string): void => {
  for (const queryKey of [...groupKeys.all(groupId), authorizationKeys.subject(groupId)]) {
    queryClient.removeQueries({ queryKey });
  }
  queryClient.removeQueries({ queryKey: resolvedKey('group', groupId) });
};

export interface DeleteGroupMutationOptions {
  /**
   * Runs after the delete succeeded and before the group's own cached data is dropped: leave the
   * group's pages here (a page still showing the group would otherwise reload it and get a 404).
   */
  onDeleted?: (groupId: string) => Promise<unknown> | void;
}

/**
 * DELETE /groups/{id}, with everything the console must do afterwards: the group leaves every cached
 * list and search (and those refresh), and its own cached data is removed.
 */
export const useDeleteGroupMutation = ({ onDeleted }: DeleteGroupMutationOptions = {}) => {
  const queryClient = useQueryClient();
  return useDeleteGroup({
    mutation: {
      meta: { silent: true, invalidates: INVALIDATES.deleteGroup() },
      onMutate: async ({ groupId }) => {
        await queryClient.cancelQueries({ queryKey: groupKeys.detail(groupId) });
      },
      onSuccess: async (_data, { groupId }) => {
        dropGroupFromCollections(queryClient, groupId);
        await onDeleted?.(groupId);
        forgetGroup(queryClient, groupId);
      },
    },
  });
};

/** The requests of a batched membership change of one group (batch-membership.ts runs them). */
const membershipApi = (groupId: string, operation: MembershipOperation): MembershipApi => ({
  fetchVersion: async () => (await getGroup(groupId)).version ?? 0,
  send: async (batch, version) => {
    if (operation === 'add') await addGroupMembers(groupId, { memberIds: batch, version });
    else await removeGroupMembers(groupId, { ids: batch.join(',') });
  },
});

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
        api: membershipApi(groupId, operation),
      }),
    meta: { invalidates: INVALIDATES.changeMembers(groupId), silent: true },
  });
  return { ...mutation, progress };
};

/** POST /authorization/subjects/{groupId}/bulkadd; the dialog shows its errors itself. */
export const useGrantRolesMutation = (groupId: string) =>
  usePostAuthorizationSubjectBulkadd({
    mutation: {
      meta: { silent: true, invalidates: INVALIDATES.changeGrants(groupId), successMessage: t`Role assigned` },
    },
  });

/** POST /authorization/subjects/{groupId}/bulkremove; a failure is notified. */
export const useRemoveGrantsMutation = (groupId: string) =>
  usePostAuthorizationSubjectBulkremove({
    mutation: {
      meta: {
        invalidates: INVALIDATES.changeGrants(groupId),
        successMessage: t`Role removed`,
        errorTitle: t`Could not remove the role`,
      },
    },
  });

/** PUT /groups/{id}/dynamicsettings; the editor shows its errors itself. */
export const useSaveRulesMutation = (groupId: string) =>
  useUpdateGroupDynamicSettings({
    mutation: { meta: { invalidates: INVALIDATES.changeRules(groupId), successMessage: t`Rules saved`, silent: true } },
  });

/** DELETE /groups/{id}/dynamicsettings; a failure is notified. */
export const useRemoveRulesMutation = (groupId: string) =>
  useDeleteGroupDynamicSettings({
    mutation: {
      meta: {
        invalidates: INVALIDATES.changeRules(groupId),
        successMessage: t`Rules removed`,
        errorTitle: t`Could not remove the rules`,
      },
    },
  });

export interface RevertChange {
  groupId: string;
  /** The audit record whose old values are put back. */
  auditId: string;
  /** Those values, on the group's current version. */
  body: GroupUpdate;
}

/**
 * PUT /groups/{id} with a changed record's old values and `X-Reverts-Audit`, which the embedded server
 * records with the revert (a real org ignores the header; docs/audit.md). The generated `updateGroup`
 * takes no headers, so the request is made here with the same path and body. Errors (a 409 when the
 * group moved on) are the caller's to show.
 */
export const useRevertChangeMutation = (groupId: string) => {
  const queryClient = useQueryClient();
  return useMutation<Group, Error, RevertChange>({
    mutationFn: ({ groupId: id, auditId, body }) =>
      apiRequest<Group>({
        url: `/api/v2/groups/${id}`,
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-Reverts-Audit': auditId },
        data: body,
      }),
    meta: { silent: true, invalidates: INVALIDATES.revertChange(groupId), successMessage: t`Change reverted` },
    onSuccess: (group) => queryClient.setQueryData(groupKeys.detail(groupId), group),
  });
};

/** What restoring a deleted group sends (history/audit-format.ts reads it from the Delete record). */
export interface RestorePlan {
  /** The POST /groups body: settings and owners as they were when the group was deleted. */
  create: GroupCreate;
  /** The dynamic settings to PUT after it, when it had some. */
  rules: DynamicGroupQuery | null;
  /** Individual members to add after it. */
  individuals: { id: string; name: string }[];
}

export interface RestoreGroup {
  /** The deleted group's id, sent as `X-Restored-From-Group` (recorded with the new group's creation). */
  deletedGroupId: string;
  plan: RestorePlan;
}

export interface RestoreResult {
  group: Group;
  /** Individuals that could not be added (no longer exist, or the request failed). */
  missedMembers: number;
}

/**
 * Restores a deleted group as a new one: POST /groups with its settings and owners (and
 * `X-Restored-From-Group`), then its rules, then its individual members in batches (docs/audit.md).
 * Resolves with the new group even when some members could not be added.
 */
export const useRestoreGroupMutation = () => {
  const queryClient = useQueryClient();
  return useMutation<RestoreResult, Error, RestoreGroup>({
    mutationFn: async ({ deletedGroupId, plan }) => {
      const group = await apiRequest<Group>({
        url: '/api/v2/groups',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Restored-From-Group': deletedGroupId },
        data: plan.create,
      });
      const groupId = group.id ?? '';
      if (plan.rules) await updateGroupDynamicSettings(groupId, plan.rules);
      let missedMembers = 0;
      if (plan.individuals.length) {
        const result = await runMembershipBatches({
          ids: plan.individuals.map((p) => p.id),
          initialVersion: group.version,
          api: membershipApi(groupId, 'add'),
        });
        missedMembers = result.failedIds.length;
      }
      return { group: await getGroup(groupId), missedMembers };
    },
    meta: { silent: true, invalidates: INVALIDATES.restoreGroup() },
    onSuccess: ({ group }) => {
      if (group.id) queryClient.setQueryData(groupKeys.detail(group.id), group);
    },
  });
};
