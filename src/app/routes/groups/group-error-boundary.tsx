import { useParams, useRouteError } from 'react-router';
import { isApiError } from '@/api/errors';
import { RouteErrorBoundary } from '@/components/feedback/route-error-boundary';
import { DeletedGroupNotFound } from '@/features/groups/history/deleted-group-not-found';

/**
 * The error view of a group's pages: a group that is not there (404) gets the page that says whether
 * it was deleted and leads to its restored copy or to Recently deleted; other errors the usual view.
 */
export const GroupErrorBoundary = () => {
  const error = useRouteError();
  const { groupId } = useParams();
  if (groupId && isApiError(error) && error.status === 404)
    return <DeletedGroupNotFound groupId={groupId} error={error} />;
  return <RouteErrorBoundary />;
};
