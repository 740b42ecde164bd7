import '@/styles/page-styles';
import { msg } from '@lingui/core/macro';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { GroupErrorBoundary as ErrorBoundary } from './group-error-boundary';
export { EditGroupPage as Component } from '@/features/groups/form/edit-group-page';

// No handle.permission: owners may edit their own groups without directory:group:edit; the page
// checks it against the loaded group.
export const handle: RouteHandle = { title: msg`Edit group` };

export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ params }) => {
    await queryClient.ensureQueryData(getGetGroupQueryOptions(params.groupId ?? ''));
    return null;
  };
