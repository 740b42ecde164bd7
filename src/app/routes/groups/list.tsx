import { msg } from '@lingui/core/macro';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { GroupListPage as Component } from '@/app/routes/groups/group-list-page';

export const handle: RouteHandle = {
  title: msg({ message: 'Groups', comment: "the browser tab's title of the list of groups" }),
};

// The loader is in ./list-loader, which the router imports directly: the first page's request does
// not wait for this module.
