/**
 * Tokens for tests issued directly into the server's database (no browser flow). Tokens through the
 * real sign-in over HTTP: sign-in.ts.
 */
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
