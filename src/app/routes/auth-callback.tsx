import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { replace, useLoaderData } from 'react-router';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { beginSignIn, completeSignIn, SignInError, type SignInFailure } from '@/lib/auth';
import { absoluteUrl } from '@/lib/base-path';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';

export const handle: RouteHandle = { title: msg`Signing in` };

/**
 * Why sign-in failed, as the loader hands it to the page: the loader may run before the page's language
 * is active, so it passes the reason, and the page words it.
 */
interface SignInFailureData {
  failure: SignInFailure | 'unknown';
  /** The OAuth error code, when the login host gave one. */
  oauthError?: string;
  /** The login host's own description (shown as it is), or an unexpected error's message. */
  text?: string;
}

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
      const data: SignInFailureData =
        error instanceof SignInError
          ? { failure: error.failure, oauthError: error.oauthError, text: error.serverText }
          : { failure: 'unknown', text: error instanceof Error ? error.message : undefined };
      return { error: data };
    }
  };

export function Component() {
  const { t } = useLingui();
  const data = useLoaderData<{ error: SignInFailureData } | undefined>();
  const describe = ({ failure, oauthError, text }: SignInFailureData): string => {
    if (text) return text;
    const code = oauthError ?? '';
    switch (failure) {
      case 'linkUsed':
        return t`This sign-in link has already been used or was not started here. Sign in again.`;
      case 'environmentChanged':
        return t`The environment changed during sign-in. Sign in again.`;
      case 'refused':
        return t`Sign-in was refused (${code}).`;
      case 'responseMismatch':
        return t`The sign-in response did not match the request that started it. Sign in again.`;
      case 'tokenRefused':
        return t`The token request failed (${code}).`;
      case 'tokenFailed':
        return t`The token request failed. Sign in again.`;
      case 'unknown':
        return t`Sign-in failed.`;
    }
  };
  return (
    <StatusPage
      title={t`Sign-in failed`}
      description={data?.error ? describe(data.error) : undefined}
      actions={
        <Button onClick={() => void beginSignIn(paths.groups.list.getHref())}>
          <Trans>Sign in again</Trans>
        </Button>
      }
    />
  );
}
