import type { QueryKey } from '@tanstack/react-query';
import {
  getGetGroupDynamicSettingsQueryKey,
  getGetGroupProfileQueryKey,
  getGetGroupQueryKey,
  getListGroupIndividualsQueryKey,
  getListGroupMembersQueryKey,
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
} from '@/api/generated/endpoints/groups/groups';

/**
 * The query keys of groups, from the generated key builders: the one place that knows which cached
 * queries hold what. Keys are prefixes (invalidating one reaches every query that starts with it).
 */
export const groupKeys = {
  /** Every listing and search of groups: the list page's views and the command palette. */
  collections: (): QueryKey[] => [
    getListGroupsQueryKey(),
    getListGroupProfilesQueryKey(),
    // Both searches: by q64 (['/api/v2/groups/search', params]) and by body as the palette reads it
    // (['POST', '/api/v2/groups/search', body]; the prefix leaves the body out).
    getSearchGroupsByQ64QueryKey(),
    getSearchGroupsQueryKey().slice(0, 2),
  ],
  detail: (groupId: string): QueryKey => getGetGroupQueryKey(groupId),
  /** Who is in the group: members and individuals. */
  people: (groupId: string): QueryKey[] => [
    getListGroupMembersQueryKey(groupId),
    getListGroupIndividualsQueryKey(groupId),
  ],
  profile: (groupId: string): QueryKey => getGetGroupProfileQueryKey(groupId),
  rules: (groupId: string): QueryKey => getGetGroupDynamicSettingsQueryKey(groupId),
  /** Everything cached about one group. */
  all: (groupId: string): QueryKey[] => [
    groupKeys.detail(groupId),
    ...groupKeys.people(groupId),
    groupKeys.profile(groupId),
    groupKeys.rules(groupId),
  ],
};
