import type { AuthorizationServer, Client, TokenEndpointResponse } from 'oauth4webapi';

/** The OAuth library loads only when a sign-in starts or finishes, not with every page. */
const loadOauth = () => import('./oauth-client');
import { useSyncExternalStore } from 'react';
import { rawFetch } from '@/api/http';
import { absoluteUrl, routerPath } from './base-path';
import { flushDrafts } from './drafts';
import { getEnvironment, subscribeEnvironment, type Environment } from './environment';
import { LOCALE } from './locale';

/**
 * Sign-in with the authorization code grant and PKCE (S256), as the Genesys Cloud SDK's
 * `loginPKCEGrant` does, through oauth4webapi. The access token lives in sessionStorage (one per
 * environment and per tab); it is never refreshed: when it expires or the API answers 401, the
 * user goes through sign-in again, once, and comes back to the same URL.
 *
 * A tab without a token (a new tab, a link opened with Ctrl-click) starts sign-in by itself. The login
 * host remembers the browser's sign-in (the embedded server's sign-in page and a real org's login both
 * do), so it sends the tab straight back with a code, without a form. Signing out revokes the token,
 * tells the console's other tabs (BroadcastChannel), which revoke and drop theirs, and ends the login
 * host's session through its `/logout`, which comes back to the callback URL (a registered redirect
 * URI), shown as the signed-out page.
 */

export interface Session {
  accessToken: string;
  /** Epoch ms; null when the server did not say. */
  expiresAt: number | null;
  issuedAt: number;
  /** True when this token came from a sign-in forced by a 401 (used to stop sign-in loops). */
  afterUnauthorized: boolean;
}

interface PendingSignIn {
  verifier: string;
  state: string;
  returnTo: string;
  environmentId: string;
  afterUnauthorized: boolean;
}

const SESSION_PREFIX = 'groups-console.session.';
const PENDING_KEY = 'groups-console.sign-in';
/** Where this tab's last completed sign-in went (a Back onto the sign-in comes back there). */
const LAST_RETURN_KEY = 'groups-console.signed-in-at';
/** A token that was rejected this soon after a forced sign-in is not worth another round trip. */
const LOOP_GUARD_MS = 30_000;
/** Treat a token as expired slightly early, so a request does not race its expiry. */
const EXPIRY_MARGIN_MS = 10_000;

export const CALLBACK_PATH = '/auth/callback';
const SIGNED_OUT_PATH = '/signed-out';
/** The console's tabs tell each other about sign-outs on this channel. */
const CHANNEL_NAME = 'groups-console.auth';

interface SignedOutMessage {
  type: 'signed-out';
  environmentId: string;
}

const sessionKey = (env: Environment = getEnvironment()) => SESSION_PREFIX + env.id;

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export const getSession = (env: Environment = getEnvironment()): Session | null => {
  try {
    const raw = sessionStorage.getItem(sessionKey(env));
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== 'string' || !session.accessToken) return null;
    if (session.expiresAt !== null && session.expiresAt - EXPIRY_MARGIN_MS <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
};

export const getAccessToken = (): string | null => getSession()?.accessToken ?? null;

export const saveSession = (session: Session, env: Environment = getEnvironment()): void => {
  sessionStorage.setItem(sessionKey(env), JSON.stringify(session));
  notify();
};

export const clearSession = (env: Environment = getEnvironment()): void => {
  sessionStorage.removeItem(sessionKey(env));
  notify();
};

export const subscribeSession = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether the current environment has a usable token (re-renders on sign-in/out). */
export const useIsSignedIn = (): boolean =>
  useSyncExternalStore(
    subscribeSessionOrEnvironment,
    () => getAccessToken() !== null,
    () => false,
  );

const subscribeSessionOrEnvironment = (listener: () => void) => {
  const a = subscribeSession(listener);
  const b = subscribeEnvironment(listener);
  return () => {
    a();
    b();
  };
};

const authorizationServer = (env: Environment): AuthorizationServer => ({
  issuer: env.loginBase,
  authorization_endpoint: `${env.loginBase}/oauth/authorize`,
  token_endpoint: `${env.loginBase}/oauth/token`,
});

/** The sign-in callback's URL, under the path the console is served at (base-path.ts). */
export const redirectUri = (): string => absoluteUrl(CALLBACK_PATH);

let navigationTarget: string | null = null;

/**
 * The router reports the location it is navigating to, so a 401 from a loader brings the user back
 * to the page they were opening rather than the one they were leaving.
 */
export const setNavigationTarget = (url: string | null): void => {
  navigationTarget = url;
};

const currentUrl = () =>
  navigationTarget ?? `${routerPath(window.location.pathname)}${window.location.search}${window.location.hash}`;

/** Only same-origin paths are accepted as a place to come back to. */
const safeReturnTo = (value: string | null | undefined): string =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(CALLBACK_PATH) ? value : '/';

let redirecting: Promise<never> | null = null;

/** Navigation away from the app; replaced in unit tests. */
export const navigator = { assign: (url: string) => window.location.assign(url) };

/**
 * Sends the browser to the sign-in page of the current environment. Called many times at once
 * (parallel 401s), it redirects once; the returned promise never settles (the page is leaving).
 */
export const beginSignIn = (returnTo: string = currentUrl(), afterUnauthorized = false): Promise<never> => {
  if (redirecting) return redirecting;
  redirecting = (async () => {
    flushDrafts();
    const env = getEnvironment();
    const oauth = await loadOauth();
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const pending: PendingSignIn = {
      verifier,
      state,
      returnTo: safeReturnTo(returnTo),
      environmentId: env.id,
      afterUnauthorized,
    };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(authorizationServer(env).authorization_endpoint!);
    url.searchParams.set('client_id', env.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', redirectUri());
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
    url.searchParams.set('state', state);
    // The sign-in page in the console's language (OpenID Connect's ui_locales; a server may ignore it).
    url.searchParams.set('ui_locales', LOCALE);
    navigator.assign(url.href);
    return new Promise<never>(() => {});
  })();
  return redirecting;
};

/** Why sign-in could not finish; the callback page words it (the message is for developers). */
export type SignInFailure =
  'linkUsed' | 'environmentChanged' | 'refused' | 'responseMismatch' | 'tokenRefused' | 'tokenFailed';

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    message: string,
    readonly failure: SignInFailure,
    /** The OAuth error code (`access_denied`…), when the login host gave one. */
    readonly oauthError?: string,
    /** The login host's own description of the error, when it gave one: shown as it is. */
    readonly serverText?: string,
  ) {
    super(message);
  }
}

/**
 * Finishes sign-in on /auth/callback: checks the state, exchanges the code for a token (PKCE
 * verifier), stores the token and returns the URL the user wanted.
 */
export const completeSignIn = async (callbackUrl: URL): Promise<string> => {
  const raw = sessionStorage.getItem(PENDING_KEY);
  if (!raw) {
    // Back onto the login host, which remembers the browser and answered at once: this tab is signed in
    // already, so the new code is not needed (unused, it expires); back to where the sign-in led.
    const signedInAt = sessionStorage.getItem(LAST_RETURN_KEY);
    if (getSession() && signedInAt) return safeReturnTo(signedInAt);
    throw new SignInError(
      'This sign-in link has already been used or was not started here. Sign in again.',
      'linkUsed',
    );
  }
  const pending = JSON.parse(raw) as PendingSignIn;
  const env = getEnvironment();
  if (pending.environmentId !== env.id) {
    sessionStorage.removeItem(PENDING_KEY);
    throw new SignInError('The environment changed during sign-in. Sign in again.', 'environmentChanged');
  }
  const oauth = await loadOauth();
  const as = authorizationServer(env);
  const client: Client = { client_id: env.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
  } catch (error) {
    sessionStorage.removeItem(PENDING_KEY);
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new SignInError(
        error.error_description ?? `Sign-in was refused (${error.error}).`,
        'refused',
        error.error,
        error.error_description,
      );
    }
    throw new SignInError(
      'The sign-in response did not match the request that started it. Sign in again.',
      'responseMismatch',
    );
  }
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    { [oauth.customFetch]: rawFetch, [oauth.allowInsecureRequests]: env.loginBase.startsWith('http:') },
  );
  let result: TokenEndpointResponse;
  try {
    result = await oauth.processAuthorizationCodeResponse(as, client, response);
  } catch (error) {
    sessionStorage.removeItem(PENDING_KEY);
    if (error instanceof oauth.ResponseBodyError) {
      throw new SignInError(
        error.error_description ?? `The token request failed (${error.error}).`,
        'tokenRefused',
        error.error,
        error.error_description,
      );
    }
    throw new SignInError('The token request failed. Sign in again.', 'tokenFailed');
  }
  sessionStorage.removeItem(PENDING_KEY);
  sessionStorage.setItem(LAST_RETURN_KEY, pending.returnTo);
  const now = Date.now();
  saveSession(
    {
      accessToken: result.access_token,
      expiresAt: typeof result.expires_in === 'number' ? now + result.expires_in * 1000 : null,
      issuedAt: now,
      afterUnauthorized: pending.afterUnauthorized,
    },
    env,
  );
  redirecting = null;
  return pending.returnTo;
};

let signingOut = false;
/** Set once this tab has signed out and is on its way to the login host's sign-out. */
let leavingAfterSignOut = false;

/** Whether this tab is on its way to the login host's sign-out (the signed-out page says "Signing out…"). */
export const isSigningOut = (): boolean => leavingAfterSignOut;

/**
 * The login host's sign-out (`GET <login>/logout?client_id&redirect_uri`): it forgets the browser's sign-in
 * and redirects to the callback URL, which the client has registered (the callback then shows the
 * signed-out page).
 */
export const logoutUrl = (env: Environment = getEnvironment()): string => {
  const url = new URL(`${env.loginBase}/logout`);
  url.searchParams.set('client_id', env.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('ui_locales', LOCALE);
  return url.href;
};

const openChannel = (): BroadcastChannel | null =>
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);

const announceSignOut = (env: Environment): void => {
  const channel = openChannel();
  if (!channel) return;
  channel.postMessage({ type: 'signed-out', environmentId: env.id } satisfies SignedOutMessage);
  channel.close();
};

/**
 * Follows sign-outs of the console's other tabs: a signed-in tab of the same environment revokes its own
 * token, forgets it and shows the signed-out page. Returns the function that stops listening.
 */
export const followSignOutInOtherTabs = (revoke: () => Promise<unknown>): (() => void) => {
  const channel = openChannel();
  if (!channel) return () => {};
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<SignedOutMessage> | null;
    if (message?.type !== 'signed-out' || message.environmentId !== getEnvironment().id) return;
    if (!getAccessToken() || signingOut) return;
    signingOut = true;
    void (async () => {
      await revoke().catch(() => undefined);
      flushDrafts();
      clearSession();
      navigator.assign(absoluteUrl(SIGNED_OUT_PATH));
    })();
  };
  return () => channel.close();
};

/**
 * For `configureHttp({ onUnauthorized })`: drops the rejected token and starts sign-in once,
 * coming back to the current URL. A token freshly obtained after a 401 that is rejected again is
 * not retried (that would loop): the request fails with its 401 instead.
 */
export const handleUnauthorized = async (): Promise<boolean> => {
  if (signingOut) return false;
  if (redirecting) return redirecting;
  const session = getSession();
  if (session?.afterUnauthorized && Date.now() - session.issuedAt < LOOP_GUARD_MS) {
    clearSession();
    return false;
  }
  clearSession();
  return beginSignIn(currentUrl(), true);
};

export interface SignOutSteps {
  /** Asks the server to revoke the token; failures are ignored (not every server supports it). */
  revoke: () => Promise<unknown>;
  /** Leaves the signed-in pages (navigates to the signed-out page) before the session is dropped. */
  leave: () => Promise<void> | void;
}

/**
 * Signs out: revokes the token, leaves the signed-in pages, forgets the session, tells the other tabs,
 * then goes to the login host's sign-out, which comes back to the signed-out page. The caller clears the
 * query cache afterwards.
 */
export const signOut = async ({ revoke, leave }: SignOutSteps): Promise<void> => {
  const env = getEnvironment();
  signingOut = true;
  try {
    if (getAccessToken()) await revoke().catch(() => undefined);
    leavingAfterSignOut = true;
    await leave();
  } finally {
    clearSession(env);
  }
  announceSignOut(env);
  flushDrafts();
  navigator.assign(logoutUrl(env));
};
