/**
 * The `tokens` operations: information about the caller's token (the SDK's sign-in helpers call it
 * to check a new token), and revoking it (the console's "Sign out").
 */
import { CLIENTS, ORGANIZATION } from '../auth/clients.js';
import { logAuthEvent } from '../auth/lockout.js';
import type { OperationHandlers } from '../http/context.js';
import { notFound } from '../contract/errors.js';

export const tokenHandlers = {
  getTokenInfo(request) {
    const { caller } = request;
    const client = CLIENTS.get(caller.clientId);
    if (!client) throw notFound('The token’s client no longer exists.');
    return {
      organization: { ...ORGANIZATION },
      homeOrganization: { ...ORGANIZATION },
      authorizedScope: [...client.scope],
      dateTokenIdles: caller.expiresAt,
      OAuthClient: {
        id: client.id,
        name: client.name,
        authorizedGrantType:
          caller.kind === 'client'
            ? 'CLIENT-CREDENTIALS'
            : client.grants.includes('authorization_code')
              ? 'CODE'
              : 'TOKEN',
        scope: [...client.scope],
        state: 'active',
        organization: { ...ORGANIZATION },
      },
    };
  },

  revokeToken(request, reply) {
    const { caller } = request;
    const revoked = request.server.tokens.revoke(caller.token);
    logAuthEvent(request.log, 'token.revoked', {
      userId: caller.userId ?? undefined,
      clientId: caller.clientId,
      revoked,
    });
    reply.code(204);
    return undefined;
  },
} satisfies OperationHandlers;
