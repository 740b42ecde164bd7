import { useQuery } from '@tanstack/react-query';
import { getListGroupMembersQueryKey } from '@/api/generated/endpoints/groups/groups';
import { listUsers, searchUsers } from '@/api/generated/endpoints/users/users';
import { lookUpMembers, searchFirst } from './member-lookup';

export interface MemberLookup {
  /** The members found, in name order; undefined while searching, or when the group must be read. */
  ids: string[] | undefined;
  /** The search cannot answer (too many hits, or it failed): find in the whole-group reading. */
  readGroup: boolean;
  isPending: boolean;
}

/**
 * The members tab's search by search and check (member-lookup.ts). Kept under the group's members key,
 * so a membership change asks again.
 */
export function useMemberLookup(
  groupId: string,
  memberCount: number,
  words: readonly string[],
  enabled: boolean,
): MemberLookup {
  const first = searchFirst(memberCount);
  const query = useQuery({
    queryKey: [...getListGroupMembersQueryKey(groupId), { find: words }],
    queryFn: ({ signal }) =>
      lookUpMembers(groupId, memberCount, words, {
        search: (request) => searchUsers(request, signal),
        groupsOf: (id) => listUsers({ id, pageSize: id.length, expand: ['groups'], state: 'any' }, signal),
      }),
    enabled: enabled && first && !!groupId && words.length > 0,
    retry: false,
    staleTime: 60_000,
  });
  const readGroup = !first || query.isError || (query.isSuccess && query.data.ids === undefined);
  return {
    ids: query.data?.ids,
    readGroup,
    isPending: !readGroup && query.isPending,
  };
}
