/**
 * The realtime audit query (`POST /api/v2/audits/query/realtime`): one page of the records of a service
 * over an interval within the realtime window, filtered (criteria.ts) and sorted by time.
 */
import type Database from 'better-sqlite3';
import { auditCriteria, criteriaSql } from './criteria.js';
import { rowToMessage, type AuditRow } from './record.js';
import type { AuditRealtimeQueryRequest, AuditRealtimeQueryResultsResponse } from './types.js';

export interface RealtimeQueryOptions {
  /** `expand=user`: records name their user. */
  expandUser: boolean;
  /** Epoch milliseconds (default: now); the realtime window ends here. */
  now?: number;
}

export function queryAuditsRealtime(
  db: Database.Database,
  request: AuditRealtimeQueryRequest,
  options: RealtimeQueryOptions,
): AuditRealtimeQueryResultsResponse {
  const criteria = auditCriteria(request, { realtime: true, now: options.now ?? Date.now() });
  const pageSize = request.pageSize ?? 25;
  const pageNumber = request.pageNumber ?? 1;
  const { where, params } = criteriaSql(criteria);
  const dir = criteria.order === 'ascending' ? 'ASC' : 'DESC';
  const total = db
    .prepare(`SELECT COUNT(*) FROM audits WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(
      `SELECT id, event_time, service, entity_type, action, body_json FROM audits WHERE ${where}
       ORDER BY event_time ${dir}, seq ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...params, pageSize, (pageNumber - 1) * pageSize) as AuditRow[];
  return {
    entities: rows.map((row) => rowToMessage(row, options.expandUser)),
    pageSize,
    pageNumber,
    total,
    pageCount: Math.ceil(total / pageSize),
  };
}
