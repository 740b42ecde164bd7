import { createHash, randomBytes } from 'node:crypto';
import { CLIENT_ID, PASSWORD, PERSONAS, type Persona } from './personas';

/**
 * REST access for specs (seeding and inspecting data), with a token obtained through the same
 * sign-in as the browser: authorization code + PKCE against the embedded server, in Node.
 *
 * ```ts
 * const api = await apiAs('admin', baseURL!);
 * const group = await api.post<Group>('/api/v2/groups', { name: 'E2E group', type: 'official', visibility: 'public', rulesVisible: true });
 * ```
 */
export const tokenFor = async (persona: Persona, baseURL: string): Promise<string> => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = new URL('/auth/callback', baseURL).href;
  const authorize = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const signIn = await fetch(new URL('/oauth/authorize', baseURL), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...authorize, email: PERSONAS[persona].email, password: PASSWORD }),
  });
  const location = signIn.headers.get('location');
  if (signIn.status < 300 || signIn.status >= 400 || !location) {
    throw new Error(`sign-in as ${persona} failed: ${signIn.status} ${await signIn.text()}`);
  }
  const back = new URL(location, baseURL);
  const code = back.searchParams.get('code');
  if (!code || back.searchParams.get('state') !== state) throw new Error(`sign-in as ${persona} returned ${location}`);
  const token = await fetch(new URL('/oauth/token', baseURL), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      redirect_uri: redirectUri,
    }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (!token.ok || !body.access_token) throw new Error(`token exchange for ${persona} failed: ${token.status}`);
  return body.access_token;
};

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    method: string,
    path: string,
  ) {
    super(`${method} ${path} → ${status}: ${JSON.stringify(body)}`);
  }
}

export interface Api {
  token: string;
  request: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body?: unknown) => Promise<T>;
  put: <T>(path: string, body?: unknown) => Promise<T>;
  delete: <T = void>(path: string) => Promise<T>;
}

export const apiWithToken = (token: string, baseURL: string): Api => {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, baseURL), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new ApiCallError(response.status, parsed, method, path);
    return parsed as T;
  };
  return {
    token,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
};

/** A REST client signed in as `persona`. */
export const apiAs = async (persona: Persona, baseURL: string): Promise<Api> =>
  apiWithToken(await tokenFor(persona, baseURL), baseURL);
