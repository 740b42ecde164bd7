import { groupsViewQueryOptions, isGroupListShowing } from '@/features/groups/list/groups-view-query';
import { parseListState } from '@/features/groups/list/list-url-state';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { GroupListPage as Component } from '@/features/groups/list/components/group-list-page';

export const handle: RouteHandle = { title: 'Groups' };

/**
 * Arriving at the list, the page waits for its data, so page and rows appear together. A change of
 * view on the list itself (search, filter, sort, paging) does not hold the URL back: the table keeps
 * the previous rows, dimmed, until the new ones arrive. A failed load is shown by the page itself,
 * with its message and "Try again", next to the search and filters that may fix it.
 */
export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ request }) => {
    const options = groupsViewQueryOptions(parseListState(new URL(request.url).searchParams));
    if (isGroupListShowing(queryClient)) {
      void queryClient.prefetchQuery(options);
      return null;
    }
    await queryClient.ensureQueryData(options).catch(() => undefined);
    return null;
  };
