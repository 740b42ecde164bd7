import '@/styles/page-styles';
import { msg } from '@lingui/core/macro';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
export { CreateGroupPage as Component } from '@/features/groups/form/create-group-page';

const permission = paths.groups.new.permission;

export const handle: RouteHandle = {
  title: msg`Create group`,
  permission,
  forbiddenMessage: msg`You need the ${permission} permission to create groups. Ask an administrator of your organization to grant it.`,
};
