import '@/styles/page-styles';
import { useParams } from 'react-router';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { GroupActions } from '@/features/groups/actions/group-actions';
import { GroupDetailPage } from '@/features/groups/detail/group-detail-page';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { GroupErrorBoundary as ErrorBoundary } from './group-error-boundary';

export const handle: RouteHandle = { title: 'Group' };

/** Loads the group before the page renders; an unknown or invisible group → 404 in the ErrorBoundary. */
export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ params }) => {
    await queryClient.ensureQueryData(getGetGroupQueryOptions(params.groupId ?? ''));
    return null;
  };

export function Component() {
  const { groupId = '' } = useParams();
  return <GroupDetailPage key={groupId} groupId={groupId} actions={(group) => <GroupActions group={group} />} />;
}
