import { Button } from '@mantine/core';
import { replace, useLoaderData } from 'react-router';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { beginSignIn, completeSignIn } from '@/lib/auth';
import { absoluteUrl } from '@/lib/base-path';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export const handle: RouteHandle = { title: 'Signing in' };

/**
 * Exchanges the code for a token, then replaces this URL (code and state go) with the page the user wanted.
 * Without a code or an error it is the way back from the login host's sign-out: the signed-out page.
 */
export const loader: RouteLoaderFactory =
  () =>
  async ({ request }) => {
    const { searchParams } = new URL(request.url);
    if (!searchParams.has('code') && !searchParams.has('error')) return replace(paths.auth.signedOut.getHref());
    try {
      const returnTo = await completeSignIn(new URL(request.url));
      return replace(returnTo);
    } catch (error) {
      window.history.replaceState(null, '', absoluteUrl(paths.auth.callback.getHref()));
      return { error: error instanceof Error ? error.message : 'Sign-in failed.' };
    }
  };

export function Component() {
  const data = useLoaderData<{ error: string } | undefined>();
  return (
    <StatusPage
      title="Sign-in failed"
      description={data?.error}
      actions={<Button onClick={() => void beginSignIn(paths.groups.list.getHref())}>Sign in again</Button>}
    />
  );
}
