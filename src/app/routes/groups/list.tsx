import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { GroupListPage as Component } from '@/app/routes/groups/group-list-page';

export const handle: RouteHandle = { title: 'Groups' };

// The loader is in ./list-loader, which the router imports directly: the first page's request does
// not wait for this module.
