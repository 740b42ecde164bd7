/**
 * Tokens for tests: issued directly into the server's database (no browser flow), or obtained
 * through the real sign-in flow (authorization code + PKCE) over HTTP.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';

export type ClientId = 'groups-console' | 'demo-admin' | 'demo-viewer';

export interface IssueTokenOptions {
  /** A persona's user token… */
  persona?: PersonaKey;
  /** …or any user's, by email… */
  email?: string;
  /** …or a client-credentials token (when neither persona nor email is given). */
  clientId?: ClientId;
  /** Default: the server's own token lifetime is not known here, so one hour. May be negative (already expired). */
  lifetimeSeconds?: number;
}

/** Issues an access token straight into the database of a built app. */
export function issueToken(app: FastifyInstance, options: IssueTokenOptions): string {
  const lifetime = options.lifetimeSeconds ?? 3600;
  const email = options.persona ? PERSONAS[options.persona].email : options.email;
  if (email) {
    const user = app.tokens.findUserByEmail(email);
    if (!user) throw new Error(`No user with email ${email} in this database (is it seeded?)`);
    return app.tokens.issue(options.clientId ?? 'groups-console', user.id, lifetime).accessToken;
  }
  if (!options.clientId || options.clientId === 'groups-console')
    throw new Error('issueToken needs a persona, an email or a client-credentials clientId');
  return app.tokens.issue(options.clientId, null, lifetime).accessToken;
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  tokenType: string;
}

/**
 * Signs in like the console does: GET /oauth/authorize (response_type=code, PKCE S256), form-POST
 * the credentials, follow nothing but read the redirect's code, then POST /oauth/token.
 * Throws with the server's answer when a step fails.
 */
export async function loginWithPassword(
  baseUrl: string,
  email: string,
  password: string,
  redirectUri = `${baseUrl}/auth/callback`,
): Promise<LoginResult> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString('hex');
  const params = {
    client_id: 'groups-console',
    response_type: 'code',
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const page = await fetch(`${baseUrl}/oauth/authorize?${new URLSearchParams(params)}`);
  if (page.status !== 200) throw new Error(`GET /oauth/authorize answered ${page.status}: ${await page.text()}`);
  await page.text();

  const posted = await fetch(`${baseUrl}/oauth/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, email, password }),
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  if (posted.status !== 302 || !location)
    throw new Error(`POST /oauth/authorize answered ${posted.status}: ${await posted.text()}`);
  const redirected = new URL(location);
  const code = redirected.searchParams.get('code');
  if (!code || redirected.searchParams.get('state') !== state)
    throw new Error(`Sign-in redirected without a code: ${location}`);

  const tokenResponse = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: 'groups-console',
      redirect_uri: redirectUri,
    }),
  });
  const body = (await tokenResponse.json()) as { access_token?: string; expires_in?: number; token_type?: string };
  if (tokenResponse.status !== 200 || !body.access_token)
    throw new Error(`POST /oauth/token answered ${tokenResponse.status}: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, expiresIn: body.expires_in ?? 0, tokenType: body.token_type ?? '' };
}
