import { Button } from '@mantine/core';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { beginSignIn } from '@/lib/auth';
import type { RouteHandle } from '@/lib/routing';

export const handle: RouteHandle = { title: 'Signed out' };

/** Shown after "Sign out"; it never redirects by itself. */
export function Component() {
  return (
    <StatusPage
      title="You are signed out"
      description="Your session has ended. Sign in again to continue."
      actions={<Button onClick={() => void beginSignIn(paths.groups.list.getHref())}>Sign in again</Button>}
    />
  );
}
