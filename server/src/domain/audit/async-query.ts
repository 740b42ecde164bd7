/**
 * The asynchronous audit query (`POST /api/v2/audits/query`, `GET …/{transactionId}`, `…/results`):
 * history of any age. An execution stores the checked request and the last record that existed when it
 * was made; its results are that fixed set, read page by page with a keyset cursor (time, seq), so
 * records written later never shift or repeat a page.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { badRequest, notFound } from '../../contract/errors.js';
import { cached } from '../../db/statements.js';
import { auditCriteria, criteriaSql } from './criteria.js';
import type { AuditNames } from './names.js';
import { rowToMessage, type AuditRow } from './record.js';
import type { AuditLogMessage, AuditQueryFilter, AuditQueryRequest, AuditQuerySort } from './types.js';

const KEEP_MS = 24 * 60 * 60 * 1000;

export interface AuditQueryExecutionStatus {
  id: string;
  state: 'Running' | 'Succeeded';
  startDate: string;
  interval: string;
  serviceName?: string;
  filters?: AuditQueryFilter[];
  sort?: AuditQuerySort[];
}

export interface AuditQueryExecutionResults {
  id: string;
  pageSize: number;
  cursor?: string;
  entities: AuditLogMessage[];
}

interface ExecutionRow {
  id: string;
  created: number;
  request_json: string;
  max_seq: number;
}

function status(row: ExecutionRow, state: AuditQueryExecutionStatus['state']): AuditQueryExecutionStatus {
  const request = JSON.parse(row.request_json) as AuditQueryRequest;
  return {
    id: row.id,
    state,
    startDate: new Date(row.created).toISOString(),
    interval: request.interval,
    ...(request.serviceName === undefined ? {} : { serviceName: request.serviceName }),
    ...(request.filters === undefined ? {} : { filters: request.filters }),
    ...(request.sort === undefined ? {} : { sort: request.sort }),
  };
}

/** Checks the request (400 as the realtime query, without its window) and starts an execution. */
export function createAuditQuery(
  db: Database.Database,
  request: AuditQueryRequest,
  now = Date.now(),
  names?: AuditNames,
): AuditQueryExecutionStatus {
  auditCriteria(request, { realtime: false, now, names });
  const stored: AuditQueryRequest = {
    interval: request.interval,
    serviceName: request.serviceName,
    ...(request.filters ? { filters: request.filters } : {}),
    ...(request.sort ? { sort: request.sort } : {}),
  };
  return db
    .transaction(() => {
      cached(db, 'DELETE FROM audit_queries WHERE created < ?').run(now - KEEP_MS);
      const row: ExecutionRow = {
        id: randomUUID(),
        created: now,
        request_json: JSON.stringify(stored),
        max_seq: (cached(db, 'SELECT COALESCE(MAX(seq), 0) FROM audits').pluck().get() as number) ?? 0,
      };
      cached(
        db,
        'INSERT INTO audit_queries (id, created, request_json, max_seq) VALUES (@id, @created, @request_json, @max_seq)',
      ).run(row);
      // The results are computed as they are read; the execution is reported running until then.
      return status(row, 'Running');
    })
    .immediate();
}

function execution(db: Database.Database, id: string, now: number): ExecutionRow {
  const row = cached(db, 'SELECT id, created, request_json, max_seq FROM audit_queries WHERE id = ?').get(id) as
    ExecutionRow | undefined;
  if (!row || row.created < now - KEEP_MS) throw notFound(`No audit query with transaction id ${id}.`, id);
  return row;
}

/** The state of an execution (404 when unknown or expired). Its results are ready as soon as it exists. */
export const auditQueryStatus = (db: Database.Database, id: string, now = Date.now()): AuditQueryExecutionStatus =>
  status(execution(db, id, now), 'Succeeded');

interface Cursor {
  t: number;
  s: number;
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (Number.isSafeInteger(c.t) && Number.isSafeInteger(c.s)) return { t: c.t!, s: c.s! };
  } catch {
    // answered below
  }
  throw badRequest('The cursor is not valid; pass the cursor of a previous page of this query.', [
    { errorCode: 'bad.request', fieldName: 'cursor' },
  ]);
}

/** A page of an execution's results, after `cursor` when given. */
export function auditQueryResults(
  db: Database.Database,
  id: string,
  options: { cursor?: string; pageSize?: number; expandUser: boolean; now?: number; names?: AuditNames },
): AuditQueryExecutionResults {
  const row = execution(db, id, options.now ?? Date.now());
  const request = JSON.parse(row.request_json) as AuditQueryRequest;
  const criteria = auditCriteria(request, { realtime: false, now: row.created, names: options.names });
  const pageSize = options.pageSize ?? 25;
  const { where, params } = criteriaSql(criteria);
  const descending = criteria.order === 'descending';
  const dir = descending ? 'DESC' : 'ASC';
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const keyset = after ? ` AND (event_time, seq) ${descending ? '<' : '>'} (?, ?)` : '';
  const rows = db
    .prepare(
      `SELECT seq, id, event_time, service, entity_type, action, body_json FROM audits
       WHERE ${where} AND seq <= ?${keyset} ORDER BY event_time ${dir}, seq ${dir} LIMIT ?`,
    )
    .all(...params, row.max_seq, ...(after ? [after.t, after.s] : []), pageSize + 1) as Array<
    AuditRow & { seq: number }
  >;
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    id: row.id,
    pageSize,
    ...(rows.length > pageSize && last ? { cursor: encodeCursor({ t: last.event_time, s: last.seq }) } : {}),
    entities: page.map((r) => rowToMessage(r, options.expandUser, options.names)),
  };
}
