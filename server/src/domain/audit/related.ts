/**
 * The related audit query (`POST /api/v2/audits/query/realtime/related`): every record written by the
 * same action (request) as a given record, that record included. The records of one action share the
 * entity, the instant and `initiatingAction.transactionId` (record.ts), so the entity's index
 * (audits_by_entity: entity_id, event_time) finds them without a scan. docs/audit.md, "Related records".
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../contract/errors.js';
import { AUDIT_LIMITS } from '../../contract/limits.js';
import { cached } from '../../db/statements.js';
import type { AuditNames } from './names.js';
import { rowToMessage, type AuditRow } from './record.js';
import type { AuditRealtimeRelatedRequest, AuditRealtimeRelatedResultsResponse } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const REALTIME_WINDOW_DAYS = AUDIT_LIMITS.realtimeWindowDays;

const ROW = 'SELECT id, event_time, service, entity_type, action, body_json, entity_id, seq FROM audits';

interface RelatedRow extends AuditRow {
  entity_id: string;
  seq: number;
}

const transactionOf = (row: AuditRow): string | undefined =>
  (JSON.parse(row.body_json) as { initiatingAction?: { transactionId?: string } }).initiatingAction?.transactionId;

export function queryAuditsRealtimeRelated(
  db: Database.Database,
  request: AuditRealtimeRelatedRequest,
  /** `names`: the service and entity names the API answers under (names.ts); default the stored ones. */
  options: { expandUser: boolean; now?: number; names?: AuditNames },
): AuditRealtimeRelatedResultsResponse {
  const now = options.now ?? Date.now();
  const found = cached(db, `${ROW} WHERE id = ?`).get(request.auditId) as RelatedRow | undefined;
  if (!found || found.event_time < now - REALTIME_WINDOW_DAYS * DAY_MS)
    throw new ApiError(
      404,
      'not.found',
      `No audit record ${request.auditId} in the last ${REALTIME_WINDOW_DAYS} days.`,
      { entityId: request.auditId, entityName: 'audit' },
    );
  const transactionId = transactionOf(found);
  const rows = transactionId
    ? (
        cached(db, `${ROW} WHERE entity_id = ? AND event_time = ? ORDER BY seq`).all(
          found.entity_id,
          found.event_time,
        ) as RelatedRow[]
      ).filter((row) => transactionOf(row) === transactionId)
    : [found];
  if (request.sort?.[0]?.sortOrder === 'descending') rows.reverse();
  return { entities: rows.map((row) => rowToMessage(row, options.expandUser, options.names)) };
}
