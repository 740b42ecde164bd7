/**
 * Signing in over HTTP from Node, as the console and API clients do: the authorization code flow with
 * PKCE (S256) and the client-credentials grant. The one copy used by the server tests and the
 * end-to-end specs (e2e/support/api.ts); it imports nothing but Node, so both toolchains load it.
 */
import { createHash, randomBytes } from 'node:crypto';

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
  redirectUri = new URL('/auth/callback', baseUrl).href,
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
  const page = await fetch(new URL(`/oauth/authorize?${new URLSearchParams(params)}`, baseUrl));
  if (page.status !== 200) throw new Error(`GET /oauth/authorize answered ${page.status}: ${await page.text()}`);
  await page.text();

  const posted = await fetch(new URL('/oauth/authorize', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, email, password }),
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  if (posted.status !== 302 || !location)
    throw new Error(`POST /oauth/authorize answered ${posted.status}: ${await posted.text()}`);
  const redirected = new URL(location, baseUrl);
  const code = redirected.searchParams.get('code');
  if (!code || redirected.searchParams.get('state') !== state)
    throw new Error(`Sign-in redirected without a code: ${location}`);

  const tokenResponse = await fetch(new URL('/oauth/token', baseUrl), {
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

/** The demo org's API clients and their secrets (server/src/auth/clients.ts). */
export const DEMO_CLIENTS = {
  admin: { id: 'demo-admin', secret: 'demo-admin-secret' },
  viewer: { id: 'demo-viewer', secret: 'demo-viewer-secret' },
} as const;

/** A client-credentials token (HTTP Basic), by default the admin client's. Throws with the server's answer on failure. */
export async function clientCredentialsToken(
  baseUrl: string,
  client: { id: string; secret: string } = DEMO_CLIENTS.admin,
): Promise<LoginResult> {
  const response = await fetch(new URL('/oauth/token', baseUrl), {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token?: string; expires_in?: number; token_type?: string };
  if (response.status !== 200 || !body.access_token)
    throw new Error(`POST /oauth/token answered ${response.status}: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, expiresIn: body.expires_in ?? 0, tokenType: body.token_type ?? '' };
}
