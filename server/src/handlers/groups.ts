/**
 * Handlers of the groups operations (openapi/groups.yaml, tag `groups`), keyed by operationId.
 * Requests arrive validated against the document; the domain modules do the rest.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationHandlers } from '../http/context.js';
import { getGroup, getGroupProfile, listGroupProfiles, listGroups, type ListQuery } from '../domain/groups/groups.js';
import type { GroupWrite } from '../domain/groups/validation.js';
import { createGroup, deleteGroup, updateGroup } from '../domain/groups/writes.js';
import {
  addGroupMembers,
  listGroupIndividuals,
  removeGroupMembers,
  type AddMembersBody,
} from '../domain/membership/members.js';
import { auditOrigin } from './audit-origin.js';
import { answerJson } from '../http/json-answer.js';
import {
  deleteDynamicSettings,
  getDynamicSettings,
  previewDynamicGroup,
  updateDynamicSettings,
} from '../domain/membership/dynamic.js';

type Query = Record<string, unknown>;
const groupId = (request: FastifyRequest): string => (request.params as { groupId: string }).groupId;
const query = (request: FastifyRequest): Query => (request.query ?? {}) as Query;

export const groupHandlers: OperationHandlers = {
  listGroups: (request) => listGroups(request.server.db, request.caller, query(request) as ListQuery),

  createGroup: (request) =>
    createGroup(
      request.server.db,
      request.caller,
      request.body as GroupWrite,
      auditOrigin(request, 'restoredFromGroupId'),
    ),

  getGroup: (request) => getGroup(request.server.db, request.caller, groupId(request)),

  updateGroup: (request) =>
    updateGroup(
      request.server.db,
      request.caller,
      groupId(request),
      request.body as GroupWrite | undefined,
      auditOrigin(request, 'revertsAuditId'),
    ),

  deleteGroup: (request, reply: FastifyReply) => {
    deleteGroup(request.server.db, request.caller, groupId(request), auditOrigin(request));
    reply.code(204);
    return undefined;
  },

  listGroupMembers: (request, reply) =>
    answerJson(
      reply,
      request.server.readers.run({
        kind: 'groupMembers',
        caller: request.caller,
        groupId: groupId(request),
        query: query(request),
      }),
    ),

  addGroupMembers: (request, reply) => {
    addGroupMembers(
      request.server.db,
      request.caller,
      groupId(request),
      request.body as AddMembersBody | undefined,
      auditOrigin(request),
    );
    reply.code(202);
    return {};
  },

  removeGroupMembers: (request, reply) => {
    const q = query(request);
    removeGroupMembers(request.server.db, request.caller, groupId(request), q.ids, q.version, auditOrigin(request));
    reply.code(202);
    return {};
  },

  listGroupIndividuals: (request) => listGroupIndividuals(request.server.db, request.caller, groupId(request)),

  getGroupProfile: (request) =>
    getGroupProfile(request.server.db, request.caller, groupId(request), query(request).fields as string | undefined),

  listGroupProfiles: (request) => listGroupProfiles(request.server.db, request.caller, query(request) as ListQuery),

  searchGroups: (request, reply) =>
    answerJson(reply, request.server.readers.run({ kind: 'searchGroups', caller: request.caller, body: request.body })),

  searchGroupsByQ64: (request, reply) => {
    const q = query(request);
    return answerJson(
      reply,
      request.server.readers.run({ kind: 'searchGroupsByQ64', caller: request.caller, q64: q.q64, expand: q.expand }),
    );
  },

  getGroupDynamicSettings: (request) => getDynamicSettings(request.server.db, request.caller, groupId(request)),

  updateGroupDynamicSettings: (request, reply) => {
    updateDynamicSettings(request.server.db, request.caller, groupId(request), request.body, auditOrigin(request));
    reply.code(204);
    return undefined;
  },

  deleteGroupDynamicSettings: (request, reply) => {
    deleteDynamicSettings(request.server.db, request.caller, groupId(request), auditOrigin(request));
    reply.code(204);
    return undefined;
  },

  previewDynamicGroup: (request) => previewDynamicGroup(request.server.db, request.caller, request.body),
};
