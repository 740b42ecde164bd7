import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { beginSignIn, isSigningOut } from '@/lib/auth';
import type { RouteHandle } from '@/lib/routing';

export const handle: RouteHandle = { title: msg`Signed out` };

/** Shown after "Sign out" (once the login host has ended its session too); it never redirects by itself. */
export function Component() {
  const { t } = useLingui();
  if (isSigningOut()) return <StatusPage loading title={t`Signing out…`} />;
  return (
    <StatusPage
      title={t`You are signed out`}
      description={t`Your session has ended. Sign in again to continue.`}
      actions={
        <Button onClick={() => void beginSignIn(paths.groups.list.getHref())}>
          <Trans>Sign in again</Trans>
        </Button>
      }
    />
  );
}
