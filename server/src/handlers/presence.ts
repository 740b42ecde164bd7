/**
 * The `presence` operations: setting a user's presence (PresenceApi.patchUserPresence).
 */
import type { OperationHandlers } from '../context.js';
import { patchUserPresence } from '../domain/presence.js';

export const presenceHandlers: OperationHandlers = {
  patchUserPresence(request) {
    const { userId, sourceId } = request.params as { userId: string; sourceId: string };
    return patchUserPresence(request.server.db, request.caller, userId, sourceId, request.body);
  },
};
