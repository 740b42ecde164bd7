/**
 * The bearer-token check run on every /api/v2 route: sets request.caller, or answers 401
 * `authentication.required`.
 */
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../contract/errors.js';
import type { TokenStore } from './tokens.js';

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function authenticator(tokens: TokenStore) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const token = bearerToken(request);
    if (!token)
      throw unauthorized('Authentication is required: send an access token as "Authorization: Bearer <token>".');
    const caller = tokens.resolve(token);
    if (!caller) throw unauthorized('The access token is unknown or has expired. Sign in again.');
    request.caller = caller;
  };
}
