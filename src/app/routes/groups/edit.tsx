// placeholder: replaced by the edit group page
import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { Forbidden } from '@/components/feedback/forbidden';
import { useCanEditGroup } from '@/lib/permissions';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

// No handle.permission: owners may edit their own groups without directory:group:edit.
export const handle: RouteHandle = { title: 'Edit group' };

export const loader: RouteLoaderFactory =
  (queryClient) =>
  async ({ params }) => {
    await queryClient.ensureQueryData(getGetGroupQueryOptions(params.groupId!));
    return null;
  };

export function Component() {
  const { groupId = '' } = useParams();
  const { data: group } = useQuery(getGetGroupQueryOptions(groupId));
  const canEdit = useCanEditGroup(group);
  if (!canEdit)
    return <Forbidden permission="directory:group:edit" action="edit this group (or be one of its owners)" />;
  return (
    <Stack>
      <Title order={1}>Edit {group?.name}</Title>
    </Stack>
  );
}
