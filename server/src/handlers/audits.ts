/**
 * Handlers of the Audit API operations (openapi/groups.yaml, tag `audits`), keyed by operationId. Every
 * one needs `audits:audit:view`; docs/audit.md describes the records and the query semantics.
 */
import type { FastifyRequest } from 'fastify';
import { authorize } from '../contract/authorize.js';
import type { OperationHandlers } from '../http/context.js';
import { auditQueryResults, auditQueryStatus, createAuditQuery } from '../domain/audit/async-query.js';
import { queryAuditsRealtime } from '../domain/audit/query.js';
import { queryAuditsRealtimeRelated } from '../domain/audit/related.js';
import { auditServiceMapping } from '../domain/audit/service-mapping.js';
import type {
  AuditQueryRequest,
  AuditRealtimeQueryRequest,
  AuditRealtimeRelatedRequest,
} from '../domain/audit/types.js';

type Query = Record<string, unknown>;
const query = (request: FastifyRequest): Query => (request.query ?? {}) as Query;
const transactionId = (request: FastifyRequest): string => (request.params as { transactionId: string }).transactionId;

/** `expand=user` (repeated or comma-joined). */
function expandsUser(request: FastifyRequest): boolean {
  const raw = query(request).expand;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => String(v).split(','));
  return values.includes('user');
}

export const auditHandlers: OperationHandlers = {
  queryAuditsRealtime(request) {
    authorize('queryAuditsRealtime', request.caller);
    return queryAuditsRealtime(request.server.db, request.body as AuditRealtimeQueryRequest, {
      expandUser: expandsUser(request),
      names: request.server.auditNames,
    });
  },

  queryAuditsRealtimeRelated(request) {
    authorize('queryAuditsRealtimeRelated', request.caller);
    return queryAuditsRealtimeRelated(request.server.db, request.body as AuditRealtimeRelatedRequest, {
      expandUser: expandsUser(request),
      names: request.server.auditNames,
    });
  },

  getAuditRealtimeServiceMapping(request) {
    authorize('getAuditRealtimeServiceMapping', request.caller);
    return auditServiceMapping(request.server.auditNames);
  },

  createAuditQuery(request) {
    authorize('createAuditQuery', request.caller);
    return createAuditQuery(
      request.server.db,
      request.body as AuditQueryRequest,
      Date.now(),
      request.server.auditNames,
    );
  },

  getAuditQueryStatus(request) {
    authorize('getAuditQueryStatus', request.caller);
    return auditQueryStatus(request.server.db, transactionId(request));
  },

  getAuditQueryResults(request) {
    authorize('getAuditQueryResults', request.caller);
    const q = query(request);
    return auditQueryResults(request.server.db, transactionId(request), {
      cursor: q.cursor as string | undefined,
      pageSize: q.pageSize as number | undefined,
      expandUser: expandsUser(request),
      names: request.server.auditNames,
    });
  },
};
