import { getGetGroupQueryOptions, getListGroupMembersQueryOptions } from '@/api/generated/endpoints/groups/groups';
import type { RouteLoaderFactory } from '@/lib/routing';

/**
 * Arriving at a group, the page waits for the group (an unknown or invisible one is a 404 in the
 * route's ErrorBoundary). The router imports this directly, not with the page, so the group is asked for
 * beside users/me while the page's code loads, and the members tab's first page beside the group: each
 * was a round trip after the one before, the slowest part of opening a group on a phone.
 */
export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ params, request }) => {
    const groupId = params.groupId ?? '';
    // The URL state's module is the page's own (it loads with the page's code), not the first screen's.
    // When it cannot be fetched, the page's own code cannot either, and the route's error says so.
    import('@/features/groups/core/detail-url-state').then(
      ({ parseDetailSearch, membersPageParams, showsMembersPages }) => {
        const state = parseDetailSearch(new URL(request.url).searchParams);
        if (showsMembersPages(state))
          void queryClient.prefetchQuery(getListGroupMembersQueryOptions(groupId, membersPageParams(state)));
      },
      () => undefined,
    );
    await queryClient.ensureQueryData(getGetGroupQueryOptions(groupId));
    return null;
  };
