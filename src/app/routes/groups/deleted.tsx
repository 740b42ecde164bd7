import '@/styles/page-styles';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { RecentlyDeletedPage as Component } from '@/features/groups/history/recently-deleted-page';

export const handle: RouteHandle = {
  title: 'Recently deleted groups',
  permission: paths.groups.deleted.permission,
  permissionAction: 'restore deleted groups',
};
