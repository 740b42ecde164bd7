/**
 * Handlers of the Authorization API operations (openapi/groups.yaml, tag `authorization`), keyed by
 * operationId: roles, divisions, and grants of roles over divisions to users and groups. Requests arrive
 * validated against the document; each checks its `x-permissions` first, then the domain modules do the
 * rest. Grant changes answer 204 and write their audit record (docs/audit.md, "Grants").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../contract/authorize.js';
import { divisionsPermittedMe, homeDivision, listDivisions } from '../domain/authorization/divisions.js';
import { changeGrants, getSubject, type RoleDivisionPair } from '../domain/authorization/grants.js';
import { getRole, listRoles, roleSubjectGrants } from '../domain/authorization/roles.js';
import type { OperationHandlers } from '../http/context.js';

type Query = Record<string, unknown>;
const query = (request: FastifyRequest): Query => (request.query ?? {}) as Query;
const params = (request: FastifyRequest) => request.params as { roleId: string; subjectId: string; divisionId: string };

/** Adds or removes grants for the request's subject; answers 204. */
function change(
  request: FastifyRequest,
  reply: FastifyReply,
  operationId: string,
  add: boolean,
  pairs: readonly RoleDivisionPair[],
): undefined {
  authorize(operationId, request.caller);
  changeGrants(request.server.db, request.caller, {
    subjectId: params(request).subjectId,
    subjectType: query(request).subjectType,
    pairs,
    add,
    operation: operationId,
    origin: { remoteIp: [request.ip] },
  });
  reply.code(204);
  return undefined;
}

const bodyPairs = (request: FastifyRequest): RoleDivisionPair[] =>
  (request.body as { grants: RoleDivisionPair[] }).grants;
const pathPair = (request: FastifyRequest): RoleDivisionPair[] => [
  { roleId: params(request).roleId, divisionId: params(request).divisionId },
];

export const authorizationHandlers: OperationHandlers = {
  getAuthorizationRoles(request) {
    authorize('getAuthorizationRoles', request.caller);
    return listRoles(request.server.db, query(request));
  },

  getAuthorizationRole(request) {
    authorize('getAuthorizationRole', request.caller);
    return getRole(request.server.db, params(request).roleId, query(request));
  },

  getAuthorizationRoleSubjectgrants(request) {
    authorize('getAuthorizationRoleSubjectgrants', request.caller);
    return roleSubjectGrants(request.server.db, params(request).roleId, query(request));
  },

  getAuthorizationDivisions: (request) => listDivisions(request.server.db, query(request)),

  getAuthorizationDivisionsHome: (request) => homeDivision(request.server.db),

  getAuthorizationDivisionspermittedPagedMe: (request) =>
    divisionsPermittedMe(request.server.db, request.caller, query(request)),

  getAuthorizationSubject(request) {
    authorize('getAuthorizationSubject', request.caller);
    return getSubject(request.server.db, request.caller, params(request).subjectId);
  },

  postAuthorizationSubjectBulkadd: (request, reply) =>
    change(request, reply, 'postAuthorizationSubjectBulkadd', true, bodyPairs(request)),

  postAuthorizationSubjectBulkremove: (request, reply) =>
    change(request, reply, 'postAuthorizationSubjectBulkremove', false, bodyPairs(request)),

  postAuthorizationSubjectDivisionRole: (request, reply) =>
    change(request, reply, 'postAuthorizationSubjectDivisionRole', true, pathPair(request)),

  deleteAuthorizationSubjectDivisionRole: (request, reply) =>
    change(request, reply, 'deleteAuthorizationSubjectDivisionRole', false, pathPair(request)),
};
