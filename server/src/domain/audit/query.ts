/**
 * The realtime audit query (`POST /api/v2/audits/query/realtime`): one page of the records of a service
 * over an interval within the realtime window, filtered (criteria.ts) and sorted by time, with the total.
 * docs/audit.md ("Query semantics") is the contract.
 *
 * Every shape of query is answered from an index of `audits` (schema.sql), never a table scan:
 * - an `EntityId` filter (a group's History tab): audits_by_entity (entity_id, event_time, seq), which
 *   also gives the order, so a page reads only its own rows however long the history;
 * - a `UserId` filter: audits_by_user;
 * - `Action` filters (with or without `EntityType`; Recently deleted): audits_by_service;
 * - otherwise (no filter, `EntityType` or `ClientId` alone): audits_by_time, read in order.
 * server/test/audit/audit-query.test.ts checks these plans with EXPLAIN QUERY PLAN, so a lost index fails a test.
 */
import type Database from 'better-sqlite3';
import { badRequest } from '../../contract/errors.js';
import { AUDIT_LIMITS } from '../../contract/limits.js';
import { cached } from '../../db/statements.js';
import { auditCriteria, criteriaSql, type AuditCriteria } from './criteria.js';
import type { AuditNames } from './names.js';
import { rowToMessage, type AuditRow } from './record.js';
import {
  AUDIT_ENTITY_TYPES,
  AUDIT_SERVICE,
  type AuditRealtimeQueryRequest,
  type AuditRealtimeQueryResultsResponse,
} from './types.js';

/** The realtime query's paging bounds (as openapi/groups.yaml has them). */
export const REALTIME_PAGE_SIZE = { min: 1, max: AUDIT_LIMITS.realtimePageSize, default: 25 } as const;

export interface RealtimeQueryOptions {
  /** `expand=user`: records name their user. */
  expandUser: boolean;
  /** Epoch milliseconds (default: now); the realtime window ends here. */
  now?: number;
  /** The names the API answers under (names.ts). Default the stored ones. */
  names?: AuditNames;
}

/** The SQL of a query: its conditions (with parameters) and the statements that count and page. */
export interface AuditQuerySql {
  params: unknown[];
  /** `SELECT COUNT(*)` of the matching records. */
  count: string;
  /** The matching records in order; takes `LIMIT ? OFFSET ?` after `params`. */
  page: string;
}

/** The entity types whose records can carry these actions: users' records are grant changes only. */
function entityTypesOf(actions: readonly string[]): string[] {
  return actions.some((a) => a === 'GrantAdd' || a === 'GrantRemove') ? [...AUDIT_ENTITY_TYPES] : ['Group'];
}

/** The index that answers the criteria (see above). */
export function auditIndexFor(criteria: AuditCriteria): string {
  if (criteria.entityIds.length) return 'audits_by_entity';
  if (criteria.userIds.length) return 'audits_by_user';
  if (criteria.actions.length) return 'audits_by_service';
  return 'audits_by_time';
}

/**
 * The SQL for the criteria: criteria.ts's conditions, on the index auditIndexFor names (`INDEXED BY`:
 * the plan does not hang on the table's statistics, and a lost index is an error, not a slow scan).
 * When actions choose audits_by_service and no entity type is given, all entity types are spelled out
 * (every record of the service has one of them, so the answer is the same) to bind the index's columns;
 * the service condition is only kept for that index (queryAuditsRealtime answers other services empty before: AUDIT_SERVICE is the only
 * service record.ts writes).
 */
export function auditQuerySql(criteria: AuditCriteria): AuditQuerySql {
  const index = auditIndexFor(criteria);
  const byService = index === 'audits_by_service';
  const { where, params } = criteriaSql(
    byService && criteria.entityTypes.length === 0
      ? { ...criteria, entityTypes: entityTypesOf(criteria.actions) }
      : criteria,
    // The other indexes do not hold the service (the only one there is): without the condition a count reads
    // the index alone, not each record (a 90-day count of one busy group: 32 ms → well under 1 ms).
    { service: byService },
  );
  const dir = criteria.order === 'ascending' ? 'ASC' : 'DESC';
  const from = `FROM audits INDEXED BY ${index} WHERE ${where}`;
  return {
    params,
    count: `SELECT COUNT(*) ${from}`,
    page: `SELECT id, event_time, service, entity_type, action, body_json ${from}
       ORDER BY event_time ${dir}, seq ${dir} LIMIT ? OFFSET ?`,
  };
}

function pageBound(value: unknown, name: 'pageSize' | 'pageNumber', fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
    throw badRequest(`${name} must be a whole number from 1 to ${max}.`, [
      { errorCode: 'bad.request', fieldName: name },
    ]);
  return value;
}

export function queryAuditsRealtime(
  db: Database.Database,
  request: AuditRealtimeQueryRequest,
  options: RealtimeQueryOptions,
): AuditRealtimeQueryResultsResponse {
  const criteria = auditCriteria(request, { realtime: true, now: options.now ?? Date.now(), names: options.names });
  const pageSize = pageBound(request.pageSize, 'pageSize', REALTIME_PAGE_SIZE.default, REALTIME_PAGE_SIZE.max);
  const pageNumber = pageBound(request.pageNumber, 'pageNumber', 1, Number.MAX_SAFE_INTEGER);
  // A service this server writes no records for (every record is AUDIT_SERVICE's): an empty page.
  if (criteria.service !== AUDIT_SERVICE) return { entities: [], pageSize, pageNumber, total: 0, pageCount: 0 };
  const sql = auditQuerySql(criteria);
  const total = cached(db, sql.count)
    .pluck()
    .get(...sql.params) as number;
  const offset = (pageNumber - 1) * pageSize;
  // A page past the end reads nothing.
  const rows = offset >= total ? [] : (cached(db, sql.page).all(...sql.params, pageSize, offset) as AuditRow[]);
  return {
    entities: rows.map((row) => rowToMessage(row, options.expandUser, options.names)),
    pageSize,
    pageNumber,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}
