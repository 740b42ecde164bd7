import '@/styles/page-styles';
import { msg } from '@lingui/core/macro';
import { useParams } from 'react-router';
import { GroupActions } from '@/features/groups/actions/group-actions';
import { GroupDetailPage } from '@/features/groups/detail/group-detail-page';
import type { RouteHandle } from '@/lib/routing';

export { GroupErrorBoundary as ErrorBoundary } from './group-error-boundary';

export const handle: RouteHandle = {
  title: msg({
    message: 'Group',
    comment: "the browser tab's title of a group's page until the group's name is known",
  }),
};

// Its loader is in detail-loader.ts, which the router imports directly.

export function Component() {
  const { groupId = '' } = useParams();
  return <GroupDetailPage key={groupId} groupId={groupId} actions={(group) => <GroupActions group={group} />} />;
}
