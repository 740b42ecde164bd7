import '@/styles/page-styles';
import { msg } from '@lingui/core/macro';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { RecentlyDeletedPage as Component } from '@/features/groups/history/recently-deleted-page';

const permission = paths.groups.deleted.permission;

export const handle: RouteHandle = {
  title: msg`Recently deleted groups`,
  permission,
  forbiddenMessage: msg`You need the ${permission} permission to restore deleted groups. Ask an administrator of your organization to grant it.`,
};
