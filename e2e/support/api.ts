import { loginWithPassword } from '../../server/test/support/sign-in';
import type { Api } from './api-types';
import { PERSONA_PASSWORD, PERSONAS, type PersonaKey } from './data';

/**
 * REST access for specs (seeding and inspecting data), with a token obtained through the same
 * sign-in as the browser: authorization code + PKCE against the embedded server, in Node.
 *
 * ```ts
 * const api = await apiAs('admin', baseURL!);
 * const me = await api.get<UserMe>('/api/v2/users/me');     // groups: see groups.ts
 * ```
 */
export const tokenFor = async (persona: PersonaKey, baseURL: string): Promise<string> =>
  (await loginWithPassword(baseURL, PERSONAS[persona].email, PERSONA_PASSWORD)).accessToken;

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

export type { Api } from './api-types';

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
export const apiAs = async (persona: PersonaKey, baseURL: string): Promise<Api> =>
  apiWithToken(await tokenFor(persona, baseURL), baseURL);
