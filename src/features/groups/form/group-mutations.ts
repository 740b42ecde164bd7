import { useQueryClient } from '@tanstack/react-query';
import {
  getGetGroupQueryKey,
  getListGroupIndividualsQueryKey,
  getListGroupMembersQueryKey,
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  useCreateGroup,
  useUpdateGroup,
} from '@/api/generated/endpoints/groups/groups';

/** Every listing and search of groups the console may hold (prefix keys). */
export const groupCollectionKeys = () => [
  getListGroupsQueryKey(),
  getSearchGroupsByQ64QueryKey(),
  getListGroupProfilesQueryKey(),
];

/** POST /groups; the form shows its errors itself (silent), lists and searches refresh. */
export const useCreateGroupMutation = () => {
  const queryClient = useQueryClient();
  return useCreateGroup({
    mutation: {
      meta: { silent: true, invalidates: groupCollectionKeys() },
      onSuccess: (group) => {
        if (group.id) queryClient.setQueryData(getGetGroupQueryKey(group.id), group);
      },
    },
  });
};

/** PUT /groups/{id}; the detail takes the answer, lists, searches and the membership refresh. */
export const useUpdateGroupMutation = (groupId: string) => {
  const queryClient = useQueryClient();
  return useUpdateGroup({
    mutation: {
      meta: {
        silent: true,
        invalidates: [
          ...groupCollectionKeys(),
          getListGroupMembersQueryKey(groupId),
          getListGroupIndividualsQueryKey(groupId),
        ],
      },
      onSuccess: (group) => {
        queryClient.setQueryData(getGetGroupQueryKey(groupId), group);
      },
    },
  });
};
