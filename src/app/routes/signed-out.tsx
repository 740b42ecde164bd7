import { Button } from '@mantine/core';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { beginSignIn, isSigningOut } from '@/lib/auth';
import type { RouteHandle } from '@/lib/routing';

export const handle: RouteHandle = { title: 'Signed out' };

/** Shown after "Sign out" (once the login host has ended its session too); it never redirects by itself. */
export function Component() {
  if (isSigningOut()) return <StatusPage loading title="Signing out…" />;
  return (
    <StatusPage
      title="You are signed out"
      description="Your session has ended. Sign in again to continue."
      actions={<Button onClick={() => void beginSignIn(paths.groups.list.getHref())}>Sign in again</Button>}
    />
  );
}
