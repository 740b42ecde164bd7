/**
 * The `presence` operations: setting a user's presence (PresenceApi.patchUserPresence).
 */
import { patchUserPresence } from '../domain/users/presence.js';
import type { OperationHandlers } from '../http/context.js';

export const presenceHandlers: OperationHandlers = {
  patchUserPresence(request) {
    const { userId, sourceId } = request.params as { userId: string; sourceId: string };
    return patchUserPresence(request.server.db, request.caller, userId, sourceId, request.body);
  },
};
