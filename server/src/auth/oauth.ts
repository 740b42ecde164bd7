/**
 * The sign-in endpoints (docs/embedded-server.md, "Sign-in and tokens"):
 *   GET  /oauth/authorize  the sign-in page (authorization code + PKCE S256, or implicit grant)
 *   POST /oauth/authorize  checks email and password, then redirects to redirect_uri with
 *                          `?code=…&state=…` or `#access_token=…&expires_in=…&token_type=bearer&state=…`
 *   POST /oauth/token      authorization_code (with code_verifier) or client_credentials (HTTP Basic)
 *   GET  /logout           ends the browser's sign-in session, then redirects to `redirect_uri` (one of the
 *                          client's) or shows a signed-out page
 * A password sign-in leaves a sign-in session cookie (sign-in-sessions.ts): a later GET /oauth/authorize
 * that carries it answers at once with the redirect, without the form, unless `prompt=login` asks for it.
 * An unknown client or an unregistered redirect_uri gets an error page, never a redirect. Other
 * errors go back to the redirect URI as RFC 6749 `error` / `error_description`.
 */
import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, verifyPassword } from '../domain/passwords.js';
import { ApiErrorWithBody } from '../contract/errors.js';
import { findClient, isRegisteredRedirect, secretMatches, type OAuthClientDefinition } from './clients.js';
import {
  accountKey,
  logAuthEvent,
  waitInWords,
  type AuthEvent,
  type AuthEventFields,
  type SignInLockout,
} from './lockout.js';
import { sessionCookie, setSessionCookie, type SignInSessionStore } from './sign-in-sessions.js';
import { chooseSignInLanguage, type SignInLanguage } from './sign-in-language.js';
import {
  invalidRedirectPage,
  lockedMessage,
  signedOutErrorPage,
  signedOutPage,
  signInPage,
  unknownApplicationPage,
  wrongCredentialsMessage,
} from './sign-in-page.js';
import type { TokenStore } from './tokens.js';

export interface OAuthOptions {
  tokens: TokenStore;
  tokenLifetimeSeconds: number;
  /** More origins whose URIs the console client may redirect to (the configured CORS origins). */
  extraRedirectOrigins: readonly string[];
  /** Throttles failed password sign-ins and client secrets (lockout.ts). */
  lockout: SignInLockout;
  /** Remembered browser sign-ins (sign-in-sessions.ts). */
  sessions: SignInSessionStore;
  /** Told of every sign-in event after it is logged (the metrics count failures and lockouts). */
  onAuthEvent?: (event: AuthEvent, fields: AuthEventFields) => void;
}

/** The authorize request's own parameters, carried from the page to the form post. */
const AUTHORIZE_PARAMS = [
  'client_id',
  'response_type',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  // The pages' language (sign-in-language.ts), kept for the page that answers the form.
  'ui_locales',
] as const;

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

/** Compared against when the email is unknown, so a miss takes as long as a wrong password. */
let dummyHash: string | undefined;

const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

function oauthError(
  status: number,
  error: string,
  description: string,
  code = status === 401 ? 'bad.credentials' : 'bad.request',
  headers?: Record<string, string>,
) {
  return new ApiErrorWithBody(status, code, description, { headers }, { error, error_description: description });
}

/** 429 for a client locked after too many wrong secrets. */
function tooManyFailures(seconds: number) {
  return oauthError(
    429,
    'temporarily_unavailable',
    `Too many failed attempts for this client. Try again in ${waitInWords(seconds)}.`,
    'too.many.requests',
    { 'Retry-After': String(seconds) },
  );
}

function stringParams(source: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (source && typeof source === 'object') {
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (typeof value === 'string') out[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
    }
  }
  return out;
}

type AuthorizeCheck =
  | { kind: 'page'; status: number; page: (language: SignInLanguage) => string }
  | { kind: 'redirect'; location: string }
  | {
      kind: 'ok';
      client: OAuthClientDefinition;
      redirectUri: string;
      responseType: 'code' | 'token';
      params: Record<string, string>;
    };

function redirectWith(redirectUri: string, values: Record<string, string | undefined>, inFragment: boolean): string {
  const url = new URL(redirectUri);
  const entries = Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  if (inFragment) url.hash = new URLSearchParams(entries).toString();
  else for (const [key, value] of entries) url.searchParams.set(key, value);
  return url.toString();
}

export async function oauthRoutes(app: FastifyInstance, options: OAuthOptions): Promise<void> {
  const { tokens, tokenLifetimeSeconds, extraRedirectOrigins, lockout, sessions } = options;
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  const authEvent: typeof logAuthEvent = (log, event, fields) => {
    logAuthEvent(log, event, fields);
    options.onAuthEvent?.(event, fields);
  };

  const serverOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

  function checkAuthorize(request: FastifyRequest, raw: Record<string, string>): AuthorizeCheck {
    const client = findClient(raw.client_id);
    if (!client || !client.grants.some((g) => g === 'authorization_code' || g === 'implicit')) {
      return {
        kind: 'page',
        status: 400,
        page: (language) => unknownApplicationPage(raw.client_id ?? '', language),
      };
    }
    const redirectUri = raw.redirect_uri;
    if (!isRegisteredRedirect(client, redirectUri, serverOrigin(request), extraRedirectOrigins)) {
      return {
        kind: 'page',
        status: 400,
        page: (language) => invalidRedirectPage(redirectUri ?? '', client.name, language),
      };
    }
    const state = raw.state;
    const responseType = raw.response_type;
    const fail = (error: string, description: string, inFragment = false): AuthorizeCheck => ({
      kind: 'redirect',
      location: redirectWith(redirectUri, { error, error_description: description, state }, inFragment),
    });
    if (responseType === 'token') {
      if (!client.grants.includes('implicit'))
        return fail('unauthorized_client', 'This client may not use the implicit grant.', true);
    } else if (responseType === 'code') {
      if (!client.grants.includes('authorization_code'))
        return fail('unauthorized_client', 'This client may not use the authorization code grant.');
      if (!raw.code_challenge)
        return fail('invalid_request', 'code_challenge is required (PKCE with code_challenge_method=S256).');
      if (raw.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
      if (!CHALLENGE.test(raw.code_challenge))
        return fail(
          'invalid_request',
          'code_challenge must be the base64url SHA-256 of the code verifier (43 characters).',
        );
    } else {
      return fail(
        'unsupported_response_type',
        `response_type must be "code" or "token"${responseType ? `, not "${responseType}"` : ''}.`,
      );
    }
    const params: Record<string, string> = {};
    for (const name of AUTHORIZE_PARAMS) if (raw[name] !== undefined) params[name] = raw[name];
    return { kind: 'ok', client, redirectUri, responseType, params };
  }

  /** Redirects a signed-in user back to the client with a code or (implicit grant) a token. */
  function grant(reply: FastifyReply, check: Extract<AuthorizeCheck, { kind: 'ok' }>, userId: string): FastifyReply {
    const state = check.params.state;
    reply.header('Cache-Control', 'no-store');
    if (check.responseType === 'code') {
      const code = tokens.createCode({
        clientId: check.client.id,
        userId,
        redirectUri: check.redirectUri,
        codeChallenge: check.params.code_challenge as string,
      });
      return reply.redirect(redirectWith(check.redirectUri, { code, state }, false), 302);
    }
    const issued = tokens.issue(check.client.id, userId, tokenLifetimeSeconds);
    const location = redirectWith(
      check.redirectUri,
      { access_token: issued.accessToken, expires_in: String(issued.expiresIn), token_type: 'bearer', state },
      true,
    );
    return reply.redirect(location, 302);
  }

  function sendPage(reply: FastifyReply, status: number, html: string, formTarget?: string): FastifyReply {
    // The form posts here and is then redirected to the client's redirect URI: allow that origin.
    const formAction = formTarget ? `'self' ${new URL(formTarget).origin}` : "'self'";
    return reply
      .code(status)
      .header('Cache-Control', 'no-store')
      .header(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      )
      .type('text/html; charset=utf-8')
      .send(html);
  }

  app.get('/oauth/authorize', async (request, reply) => {
    const raw = stringParams(request.query);
    const language = chooseSignInLanguage(raw.ui_locales, request.headers['accept-language']);
    const check = checkAuthorize(request, raw);
    if (check.kind === 'page') return sendPage(reply, check.status, check.page(language));
    if (check.kind === 'redirect') return reply.redirect(check.location, 302);
    const cookie = sessionCookie(request);
    if (cookie) {
      const forceLogin = (raw.prompt ?? '').split(' ').includes('login');
      const session = forceLogin ? undefined : sessions.resume(cookie);
      // An account locked since (someone guessing its password) must sign in again once the lockout ends.
      if (session && lockout.accounts.retryAfter(accountKey(session.email)) > 0) {
        sessions.end(cookie);
      } else if (session) {
        authEvent(request.log, 'sign-in.resumed', {
          userId: session.userId,
          email: session.email,
          clientId: check.client.id,
          address: request.ip,
        });
        return grant(reply, check, session.userId);
      }
      // The form then: the cookie no longer stands for a sign-in (prompt=login keeps it until the form is sent).
      if (!forceLogin) setSessionCookie(request, reply, undefined);
    }
    return sendPage(
      reply,
      200,
      signInPage({ clientName: check.client.name, params: check.params, email: raw.login_hint, language }),
      check.redirectUri,
    );
  });

  app.post('/oauth/authorize', async (request, reply) => {
    const raw = stringParams(request.body);
    const language = chooseSignInLanguage(raw.ui_locales, request.headers['accept-language']);
    const check = checkAuthorize(request, raw);
    if (check.kind === 'page') return sendPage(reply, check.status, check.page(language));
    if (check.kind === 'redirect') return reply.redirect(check.location, 302);

    const email = (raw.email ?? '').trim();
    const password = raw.password ?? '';
    const address = request.ip;
    const clientId = check.client.id;
    // A locked account or address is answered the same whether the account exists or not.
    const locked = (seconds: number) => {
      reply.header('Retry-After', String(seconds));
      const html = signInPage({
        clientName: check.client.name,
        params: check.params,
        email,
        error: lockedMessage(seconds, language),
        language,
      });
      return sendPage(reply, 429, html, check.redirectUri);
    };
    const wait = lockout.retryAfter(email, address);
    if (wait) {
      authEvent(request.log, 'sign-in.refused', { clientId, address, retryAfterSeconds: wait });
      return locked(wait);
    }
    const user = email ? tokens.findUserByEmail(email) : undefined;
    const matches = verifyPassword(password, user?.passwordHash ?? (dummyHash ??= hashPassword('not-a-password')));
    if (!user || !user.active || !user.passwordHash || !matches) {
      // The email is logged only for an existing account (a password typed into the email field stays out).
      const who = user ? { userId: user.id, email } : {};
      const reason = !user ? 'unknown account' : !user.active ? 'inactive account' : 'wrong password';
      authEvent(request.log, 'sign-in.failure', { ...who, clientId, address, reason });
      const lockedFor = lockout.failed(email, address);
      if (lockedFor.account && user) sessions.endForUser(user.id);
      if (lockedFor.account || lockedFor.address) {
        const by = lockedFor.account ? 'account' : 'address';
        const seconds = Math.max(lockedFor.account, lockedFor.address);
        authEvent(request.log, 'sign-in.lockout', { ...who, clientId, address, by, lockoutSeconds: seconds });
        return locked(seconds);
      }
      const html = signInPage({
        clientName: check.client.name,
        params: check.params,
        email,
        error: wrongCredentialsMessage(language),
        language,
      });
      return sendPage(reply, 400, html, check.redirectUri);
    }
    lockout.succeeded(email);
    authEvent(request.log, 'sign-in.success', { userId: user.id, email, clientId, address });

    // A new sign-in replaces the browser's previous session, if it still had one.
    const previous = sessionCookie(request);
    if (previous) sessions.end(previous);
    if (sessions.enabled) setSessionCookie(request, reply, sessions.create(user.id, user.passwordHash));
    return grant(reply, check, user.id);
  });

  app.get('/logout', async (request, reply) => {
    const raw = stringParams(request.query);
    const language = chooseSignInLanguage(raw.ui_locales, request.headers['accept-language']);
    const cookie = sessionCookie(request);
    const userId = cookie ? sessions.end(cookie) : undefined;
    if (userId) authEvent(request.log, 'sign-out', { userId, address: request.ip });
    if (cookie) setSessionCookie(request, reply, undefined);
    if (raw.redirect_uri === undefined) return sendPage(reply, 200, signedOutPage(language));
    const client = findClient(raw.client_id);
    if (!client || !isRegisteredRedirect(client, raw.redirect_uri, serverOrigin(request), extraRedirectOrigins)) {
      const problem = client
        ? { redirectUri: raw.redirect_uri, clientName: client.name }
        : { clientId: raw.client_id ?? '' };
      return sendPage(reply, 400, signedOutErrorPage(problem, language));
    }
    return reply.header('Cache-Control', 'no-store').redirect(raw.redirect_uri, 302);
  });

  app.post('/oauth/token', async (request, reply) => {
    const body = stringParams(request.body);
    const basic = parseBasic(request.headers.authorization);
    const clientId = basic?.clientId ?? body.client_id;
    const grantType = body.grant_type;
    let issued;

    if (grantType === 'client_credentials') {
      const secret = basic?.secret ?? body.client_secret;
      const client = findClient(clientId);
      const challenge = { 'WWW-Authenticate': 'Basic realm="oauth"' };
      const key = clientId ?? '';
      const address = request.ip;
      const wait = lockout.clients.retryAfter(key);
      if (wait) {
        authEvent(request.log, 'client-credentials.refused', { clientId: key, address, retryAfterSeconds: wait });
        throw tooManyFailures(wait);
      }
      if (!client || secret === undefined || !secretMatches(client, secret)) {
        authEvent(request.log, 'client-credentials.failure', {
          clientId: key,
          address,
          reason: client ? 'wrong secret' : 'unknown client',
        });
        const failed = lockout.clients.fail(key);
        if (failed.locked) {
          const seconds = failed.retryAfterSeconds;
          authEvent(request.log, 'client-credentials.lockout', { clientId: key, address, lockoutSeconds: seconds });
          throw tooManyFailures(seconds);
        }
        throw oauthError(
          401,
          'invalid_client',
          'The client id or client secret is incorrect.',
          'bad.credentials',
          challenge,
        );
      }
      if (!client.grants.includes('client_credentials')) {
        throw oauthError(400, 'unauthorized_client', 'This client may not use the client credentials grant.');
      }
      lockout.clients.reset(key);
      authEvent(request.log, 'client-credentials.success', { clientId: key, address });
      issued = tokens.issue(client.id, null, tokenLifetimeSeconds);
    } else if (grantType === 'authorization_code') {
      const client = findClient(clientId);
      if (!client) throw oauthError(401, 'invalid_client', 'Unknown client_id.', 'bad.credentials');
      if (client.confidential) {
        const secret = basic?.secret ?? body.client_secret;
        if (secret === undefined || !secretMatches(client, secret))
          throw oauthError(401, 'invalid_client', 'The client secret is incorrect.');
      }
      if (!client.grants.includes('authorization_code'))
        throw oauthError(400, 'unauthorized_client', 'This client may not use the authorization code grant.');
      const { code, redirect_uri: redirectUri, code_verifier: verifier } = body;
      if (!code) throw oauthError(400, 'invalid_request', 'code is required.');
      if (!verifier) throw oauthError(400, 'invalid_request', 'code_verifier is required.');
      if (!VERIFIER.test(verifier))
        throw oauthError(
          400,
          'invalid_request',
          'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" or "~".',
        );
      const redemption = tokens.redeemCode(code);
      if (!redemption.ok) {
        const why = { unknown: 'is invalid', expired: 'has expired', used: 'has already been used' }[redemption.reason];
        throw oauthError(400, 'invalid_grant', `The authorization code ${why}.`);
      }
      const { grant } = redemption;
      if (grant.clientId !== client.id)
        throw oauthError(400, 'invalid_grant', 'The authorization code was issued to another client.');
      if (grant.redirectUri !== redirectUri)
        throw oauthError(400, 'invalid_grant', 'redirect_uri does not match the one of the authorization request.');
      if (s256(verifier) !== grant.codeChallenge)
        throw oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge.');
      issued = tokens.issue(client.id, grant.userId, tokenLifetimeSeconds);
    } else if (!grantType) {
      throw oauthError(400, 'invalid_request', 'grant_type is required.');
    } else {
      throw oauthError(
        400,
        'unsupported_grant_type',
        `grant_type "${grantType}" is not supported; use authorization_code or client_credentials.`,
      );
    }

    return reply
      .header('Cache-Control', 'no-store')
      .header('Pragma', 'no-cache')
      .send({ access_token: issued.accessToken, token_type: 'bearer', expires_in: issued.expiresIn });
  });
}

/** `Authorization: Basic base64(client_id:secret)` (each part form-urlencoded, RFC 6749 §2.3.1). */
function parseBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return value;
    }
  };
  return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}
