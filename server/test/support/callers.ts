/** Callers for tests that call the domain functions directly (no token, no HTTP). */
import type { Caller } from '../../src/context.js';

/** A client-credentials caller that may edit groups and see every group and user. */
export const adminCaller: Caller = {
  kind: 'client',
  userId: null,
  clientId: 'test',
  token: 't',
  expiresAt: '2100-01-01T00:00:00.000Z',
  permissions: new Set(['directory:group:edit', 'directory:privateGroup:view', 'directory:user:view']),
};
