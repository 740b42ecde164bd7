// placeholder: replaced by the group detail page
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import { paths } from '@/config/paths';
import { usePageTitle } from '@/lib/page-title';
import { useCanEditGroup } from '@/lib/permissions';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

export const handle: RouteHandle = { title: 'Group' };

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
  usePageTitle(group?.name);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{group?.name}</Title>
        {canEdit ? (
          <Button component={Link} to={paths.groups.edit.getHref(groupId)}>
            Edit
          </Button>
        ) : null}
      </Group>
      <Text>{group?.description}</Text>
    </Stack>
  );
}
