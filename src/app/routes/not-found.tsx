import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export const handle: RouteHandle = { title: 'Page not found' };

export function Component() {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      description="There is nothing at this address."
      actions={
        <Button component={Link} to={paths.groups.list.getHref()} variant="light">
          Back to groups
        </Button>
      }
    />
  );
}
