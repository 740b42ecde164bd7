/** Who is calling: what authentication (authenticate.ts) attaches to every API request. */
export interface Caller {
  /** 'user' for authorization-code / implicit tokens, 'client' for client-credentials tokens. */
  kind: 'user' | 'client';
  /** The signed-in user's id; null for client-credentials tokens. */
  userId: string | null;
  clientId: string;
  /** Permission strings such as `directory:group:add` (`*` in a segment matches anything). */
  permissions: ReadonlySet<string>;
  token: string;
  /** ISO-8601 expiry of the token. */
  expiresAt: string;
}
