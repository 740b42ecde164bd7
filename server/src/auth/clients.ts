/**
 * The OAuth clients of the embedded server (README, "Demo sign-ins") and the organization its tokens belong to.
 *
 * Redirect URIs of the public `groups-console` client: any http(s) URI without a fragment whose
 * origin is
 *   - the server's own origin (as the browser addressed it: scheme + Host header), any path;
 *   - the Vite dev server, `http://127.0.0.1:5173` or `http://localhost:5173`, any path;
 *   - an origin listed in the server's CORS_ORIGINS (a console served from elsewhere).
 * Anything else gets an error page, never a redirect.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { PERSONAS } from '../db/seed/personas.js';

export type GrantType = 'authorization_code' | 'implicit' | 'client_credentials';

export interface OAuthClientDefinition {
  id: string;
  name: string;
  description: string;
  /** Public clients have no secret and must use PKCE for the code flow. */
  confidential: boolean;
  grants: readonly GrantType[];
  /** OAuth scopes reported by /api/v2/tokens/me. */
  scope: readonly string[];
  /** Client-credentials tokens act with these permissions. */
  permissions: readonly string[];
  /** SHA-256 of the secret, compared in constant time. */
  secretSha256?: Buffer;
}

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export const CONSOLE_CLIENT_ID = 'groups-console';
export const DEV_SERVER_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

export const CLIENTS: ReadonlyMap<string, OAuthClientDefinition> = new Map(
  (
    [
      {
        id: CONSOLE_CLIENT_ID,
        name: 'Groups Console',
        description: 'The browser console (authorization code with PKCE, or implicit grant).',
        confidential: false,
        grants: ['authorization_code', 'implicit'],
        scope: ['groups', 'users'],
        permissions: [],
      },
      {
        id: 'demo-admin',
        name: 'Demo Admin Service',
        description: 'Client-credentials client with the admin persona’s permissions.',
        confidential: true,
        grants: ['client_credentials'],
        scope: ['groups', 'users'],
        permissions: PERSONAS.admin.permissions,
        secretSha256: sha256('demo-admin-secret'),
      },
      {
        id: 'demo-viewer',
        name: 'Demo Viewer Service',
        description: 'Client-credentials client that may only view users.',
        confidential: true,
        grants: ['client_credentials'],
        scope: ['users:readonly'],
        permissions: ['directory:user:view'],
        secretSha256: sha256('demo-viewer-secret'),
      },
    ] satisfies OAuthClientDefinition[]
  ).map((c) => [c.id, c]),
);

export const ORGANIZATION = { id: '0b6f4c1e-6a55-4d2c-9a0e-3f1d2c4b5a60', name: 'Groups Demo Org' } as const;

export function findClient(clientId: unknown): OAuthClientDefinition | undefined {
  return typeof clientId === 'string' ? CLIENTS.get(clientId) : undefined;
}

/** Checks a client secret in constant time (both sides hashed first, so lengths match). */
export function secretMatches(client: OAuthClientDefinition, secret: string): boolean {
  if (!client.secretSha256) return false;
  return timingSafeEqual(sha256(secret), client.secretSha256);
}

/** Whether `redirectUri` may receive codes/tokens for `client`; see the file comment. */
export function isRegisteredRedirect(
  client: OAuthClientDefinition,
  redirectUri: unknown,
  serverOrigin: string,
  extraOrigins: readonly string[] = [],
): redirectUri is string {
  if (client.confidential || typeof redirectUri !== 'string' || redirectUri.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    redirectUri.includes('#') ||
    url.username ||
    url.password
  )
    return false;
  return url.origin === serverOrigin || DEV_SERVER_ORIGINS.includes(url.origin) || extraOrigins.includes(url.origin);
}
