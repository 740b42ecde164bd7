import '@/styles/page-styles';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { CreateGroupPage as Component } from '@/features/groups/form/create-group-page';

export const handle: RouteHandle = {
  title: 'Create group',
  permission: paths.groups.new.permission,
  permissionAction: 'create groups',
};
