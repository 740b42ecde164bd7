import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  getGetGroupDynamicSettingsQueryKey,
  getGetGroupProfileQueryKey,
  getGetGroupQueryKey,
  getListGroupIndividualsQueryKey,
  getListGroupMembersQueryKey,
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  useDeleteGroup,
} from '@/api/generated/endpoints/groups/groups';
import type { GroupEntityListing } from '@/api/generated/model/groupEntityListing';
import type { GroupsSearchResponse } from '@/api/generated/model/groupsSearchResponse';

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
  for (const queryKey of [getListGroupsQueryKey(), getSearchGroupsByQ64QueryKey(), getListGroupProfilesQueryKey()]) {
    queryClient.setQueriesData<Collection>({ queryKey }, without);
  }
};

/** Forgets everything cached about one group (its detail, members, profile, rules). */
export const forgetGroup = (queryClient: QueryClient, groupId: string): void => {
  for (const queryKey of [
    getGetGroupQueryKey(groupId),
    getListGroupMembersQueryKey(groupId),
    getListGroupIndividualsQueryKey(groupId),
    getGetGroupProfileQueryKey(groupId),
    getGetGroupDynamicSettingsQueryKey(groupId),
  ]) {
    queryClient.removeQueries({ queryKey });
  }
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
      meta: {
        silent: true,
        invalidates: [getListGroupsQueryKey(), getSearchGroupsByQ64QueryKey(), getListGroupProfilesQueryKey()],
      },
      onMutate: async ({ groupId }) => {
        await queryClient.cancelQueries({ queryKey: getGetGroupQueryKey(groupId) });
      },
      onSuccess: async (_data, { groupId }) => {
        dropGroupFromCollections(queryClient, groupId);
        await onDeleted?.(groupId);
        forgetGroup(queryClient, groupId);
      },
    },
  });
};
