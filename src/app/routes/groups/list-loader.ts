import { groupsViewQueryOptions, isGroupListShowing } from '@/features/groups/list/groups-view-query';
import { parseListState } from '@/features/groups/list/list-url-state';
import { meQueryOptions } from '@/lib/permissions';
import type { RouteLoaderFactory } from '@/lib/routing';

/**
 * Arriving at the list, the page waits for its data, so page and rows appear together. A change of
 * view on the list itself (search, filter, sort, paging) does not hold the URL back: the table keeps
 * the previous rows, dimmed, until the new ones arrive. A failed load is shown by the page itself,
 * with its message and "Try again", next to the search and filters that may fix it.
 *
 * The router imports this directly (not with the page), so the first page's request starts with
 * users/me while the page's code is still loading.
 */
export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ request }) => {
    const params = new URL(request.url).searchParams;
    let state = parseListState(params);
    // "My groups" searches by the signed-in user's id (users/me, which the root loader reads too).
    if (state.mine) {
      const me = await queryClient.ensureQueryData(meQueryOptions()).catch(() => undefined);
      state = parseListState(params, me?.id);
    }
    const options = groupsViewQueryOptions(state);
    if (isGroupListShowing(queryClient)) {
      void queryClient.prefetchQuery(options);
      return null;
    }
    await queryClient.ensureQueryData(options).catch(() => undefined);
    return null;
  };
