/**
 * The `users` operations: the signed-in user, the user list, single users and the member picker's search.
 */
import type { FastifyRequest } from 'fastify';
import { ORGANIZATION } from '../auth/clients.js';
import type { OperationHandlers } from '../http/context.js';
import { getMe, getUser, listUsers, type ListUsersQuery } from '../domain/users/reads.js';
import { answerJson } from '../http/json-answer.js';
import { tokenHandlers } from './tokens.js';

type Query = Record<string, unknown>;
const query = (request: FastifyRequest): Query => (request.query ?? {}) as Query;

export const userHandlers: OperationHandlers = {
  getMe(request) {
    return getMe(request.server.db, request.caller, query(request), {
      organization: ORGANIZATION,
      tokenInfo: () => tokenHandlers.getTokenInfo(request),
    });
  },

  listUsers(request) {
    return listUsers(request.server.db, request.caller, query(request) as ListUsersQuery);
  },

  getUser(request) {
    const { userId } = request.params as { userId: string };
    const q = query(request);
    return getUser(request.server.db, request.caller, userId, { expand: q.expand, state: q.state });
  },

  searchUsers: (request, reply) =>
    answerJson(reply, request.server.readers.run({ kind: 'searchUsers', caller: request.caller, body: request.body })),

  searchUsersByQ64: (request, reply) => {
    const q = query(request);
    return answerJson(
      reply,
      request.server.readers.run({ kind: 'searchUsersByQ64', caller: request.caller, q64: q.q64, expand: q.expand }),
    );
  },
};
