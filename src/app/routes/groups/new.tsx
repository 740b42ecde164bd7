// placeholder: replaced by the create group page
import { Stack, Title } from '@mantine/core';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';

export const handle: RouteHandle = {
  title: 'Create group',
  permission: paths.groups.new.permission,
  permissionAction: 'create groups',
};

export function Component() {
  return (
    <Stack>
      <Title order={1}>Create group</Title>
    </Stack>
  );
}
