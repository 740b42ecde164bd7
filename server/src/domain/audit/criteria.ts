/**
 * Checks an Audit API query (realtime or asynchronous) and turns it into the criteria the queries run
 * on. Bad input answers the real API's ErrorBody (400 `bad.request` / `invalid.value`), never a 500.
 */
import { badRequest, invalidValue } from '../../contract/errors.js';
import { AUDIT_LIMITS, AUDIT_QUERY_MAX_DAYS } from '../../contract/limits.js';
import { STORED_AUDIT_NAMES, storedEntityType, storedService, type AuditNames } from './names.js';
import { AUDIT_ACTIONS, AUDIT_SERVICE, type AuditQueryFilter, type AuditQueryRequest } from './types.js';

/** The realtime query reads only this far back (`x-realtime-window-days`); older history takes the asynchronous query. */
const REALTIME_WINDOW_DAYS = AUDIT_LIMITS.realtimeWindowDays;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a query selects: records of `service` with from <= event time < to, matching every filter. */
export interface AuditCriteria {
  service: string;
  /** Epoch milliseconds, inclusive. */
  from: number;
  /** Epoch milliseconds, exclusive. */
  to: number;
  /** Per filter property, the values any one of which matches (filters on one property are ORed). */
  entityTypes: string[];
  entityIds: string[];
  userIds: string[];
  clientIds: string[];
  actions: string[];
  order: 'ascending' | 'descending';
}

// An ISO-8601 instant with a date, a time and a zone (Z or ±hh:mm), as the real API asks for.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function instant(text: string): number | undefined {
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Parses `start/end` (two ISO-8601 instants); 400 when malformed or empty. */
export function parseInterval(interval: string): { from: number; to: number } {
  const parts = interval.split('/');
  const from = parts.length === 2 ? instant(parts[0]!.trim()) : undefined;
  const to = parts.length === 2 ? instant(parts[1]!.trim()) : undefined;
  if (from === undefined || to === undefined)
    throw badRequest(
      `The interval "${interval}" is not valid: expected two ISO-8601 date-times joined by "/", e.g. 2026-11-01T00:00:00.000Z/2026-11-28T00:00:00.000Z.`,
      [{ errorCode: 'bad.request', fieldName: 'interval' }],
    );
  if (from >= to)
    throw badRequest('The interval is not valid: its start must be before its end.', [
      { errorCode: 'bad.request', fieldName: 'interval' },
    ]);
  return { from, to };
}

const FILTER_KEYS: Record<AuditQueryFilter['property'], keyof AuditCriteria> = {
  EntityType: 'entityTypes',
  EntityId: 'entityIds',
  UserId: 'userIds',
  ClientId: 'clientIds',
  Action: 'actions',
};

/**
 * The criteria of a query (already validated against its schema). `realtime` queries must lie within
 * the last REALTIME_WINDOW_DAYS days of `now`; asynchronous ones span at most AUDIT_QUERY_MAX_DAYS days. Any service name and entity type is accepted, as the real
 * API's SDK types them (free strings): one this server writes no records for selects none. `names` are the
 * names the API answers under (names.ts), translated here to the stored ones.
 */
export function auditCriteria(
  request: AuditQueryRequest,
  options: { realtime: boolean; now: number; names?: AuditNames },
): AuditCriteria {
  const names = options.names ?? STORED_AUDIT_NAMES;
  if (!request.serviceName)
    throw badRequest('serviceName is required.', [{ errorCode: 'bad.request', fieldName: 'serviceName' }]);
  const { from, to } = parseInterval(request.interval);
  if (options.realtime && from < options.now - REALTIME_WINDOW_DAYS * DAY_MS)
    throw badRequest(
      `The realtime query covers the last ${REALTIME_WINDOW_DAYS} days only; the interval starts before that. Use the asynchronous query (POST /api/v2/audits/query) for older history.`,
      [{ errorCode: 'bad.request', fieldName: 'interval' }],
    );
  if (!options.realtime && to - from > AUDIT_QUERY_MAX_DAYS * DAY_MS)
    throw badRequest(
      `The interval is too long: an audit query covers at most ${AUDIT_QUERY_MAX_DAYS} days (audit data is kept a year). Split it into shorter intervals.`,
      [{ errorCode: 'bad.request', fieldName: 'interval' }],
    );
  const criteria: AuditCriteria = {
    service: storedService(names, request.serviceName),
    from,
    to,
    entityTypes: [],
    entityIds: [],
    userIds: [],
    clientIds: [],
    actions: [],
    order: request.sort?.[0]?.sortOrder ?? 'descending',
  };
  for (const [i, filter] of (request.filters ?? []).entries()) {
    if (filter.property === 'Action' && !(AUDIT_ACTIONS as readonly string[]).includes(filter.value))
      throw invalidValue(`Unknown action "${filter.value}" for service ${AUDIT_SERVICE}.`, `filters[${i}].value`);
    (criteria[FILTER_KEYS[filter.property]] as string[]).push(
      filter.property === 'EntityType' ? storedEntityType(names, filter.value) : filter.value,
    );
  }
  return criteria;
}

/**
 * SQL conditions (on table `audits`) and their parameters for the criteria. `service: false` leaves the
 * service out (every record is of AUDIT_SERVICE): an index without the column then answers alone.
 */
export function criteriaSql(
  criteria: AuditCriteria,
  options: { service?: boolean } = {},
): { where: string; params: unknown[] } {
  const where = ['event_time >= ?', 'event_time < ?'];
  const params: unknown[] = [criteria.from, criteria.to];
  if (options.service !== false) {
    where.unshift('service = ?');
    params.unshift(criteria.service);
  }
  const anyOf = (column: string, values: string[]) => {
    if (values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('entity_type', criteria.entityTypes);
  anyOf('entity_id', criteria.entityIds);
  anyOf('user_id', criteria.userIds);
  anyOf('client_id', criteria.clientIds);
  anyOf('action', criteria.actions);
  return { where: where.join(' AND '), params };
}
