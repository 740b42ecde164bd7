import { t } from '@lingui/core/macro';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  createAuditQuery,
  getAuditQueryResults,
  getAuditQueryStatus,
  queryAuditsRealtime,
} from '@/api/generated/endpoints/audits/audits';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { AuditQueryFilter } from '@/api/generated/model/auditQueryFilter';
import { AuditQueryFilterProperty } from '@/api/generated/model/auditQueryFilterProperty';
import { AuditQuerySortName } from '@/api/generated/model/auditQuerySortName';
import type { AuditQueryRequest } from '@/api/generated/model/auditQueryRequest';
import type { AuditRealtimeQueryRequest } from '@/api/generated/model/auditRealtimeQueryRequest';
import { auditKeys, HISTORY_PARAMS } from '@/api/keys/audit-keys';
import { DIRECTORY_GROUP_NAMES, useGroupAuditNames, type GroupAuditNames } from '../core/audit-names';
import { OLDER_DAYS, REALTIME_DAYS } from '../core/history-window';
import type { HistoryAction } from './audit-format';
import { PAGE_SIZE_MAXIMA } from '@/api/generated/contract';

export { OLDER_DAYS, REALTIME_DAYS };
const PAGE_SIZE = 50;
/** The largest page of the realtime query (its `pageSize` maximum). */
export const LARGEST_HISTORY_PAGE: number = PAGE_SIZE_MAXIMA.queryAuditsRealtime;

/**
 * The realtime window ending a minute from now (so a change made just now is inside it) and starting
 * a minute inside the REALTIME_DAYS days (so the server's own clock still finds it within the window).
 */
export const realtimeInterval = (now: Date = new Date()): string => {
  const end = new Date(now.getTime() + 60_000);
  const start = new Date(now.getTime() - REALTIME_DAYS * 24 * 3600_000 + 60_000);
  return `${start.toISOString()}/${end.toISOString()}`;
};

/** Whether an audit record is a change that happened (`SUCCESS`, or no status), not a failed attempt. */
export const isChange = (record: AuditLogMessage): boolean =>
  record.status === undefined || record.status === 'SUCCESS';

export interface HistoryQuery {
  /** One group's history, or every group's. */
  groupId?: string;
  /** Any of these actions (all when empty). */
  actions?: readonly HistoryAction[];
  /** Changes made by this user. */
  userId?: string | null;
  /** Records per page (default 50). */
  pageSize?: number;
}

/** The request body (without interval and page) for a history query. */
export const historyRequest = (
  { groupId, actions = [], userId, pageSize = PAGE_SIZE }: HistoryQuery,
  names: GroupAuditNames = DIRECTORY_GROUP_NAMES,
): Omit<AuditRealtimeQueryRequest, 'interval' | 'pageNumber'> => {
  const filters: AuditQueryFilter[] = [{ property: AuditQueryFilterProperty.EntityType, value: names.entityType }];
  if (groupId) filters.push({ property: AuditQueryFilterProperty.EntityId, value: groupId });
  if (userId) filters.push({ property: AuditQueryFilterProperty.UserId, value: userId });
  for (const action of actions) filters.push({ property: AuditQueryFilterProperty.Action, value: action });
  return {
    serviceName: names.serviceName,
    filters,
    sort: [{ name: AuditQuerySortName.Timestamp, sortOrder: 'descending' }],
    pageSize,
  };
};

/** The older history still to search: from `top` (where the realtime window starts) back to `floor`. */
export interface OlderSpan {
  top: string;
  floor: string;
}

/** Where the next page comes from: the realtime window, then the asynchronous query for older records. */
export type HistoryCursor =
  | { kind: 'realtime'; page: number; interval?: string }
  | { kind: 'older'; before: string; span: OlderSpan }
  | { kind: 'older-page'; transactionId: string; cursor: string; windowStart: string; span: OlderSpan };

export interface HistoryPage {
  entities: AuditLogMessage[];
  /** Records in the realtime window (its first page says). */
  total?: number;
  next?: HistoryCursor;
}

/** Which stretch of older history a query is searching, and how much of the way back it has come. */
export interface HistoryProgress {
  /** Start and end of the window searched (ISO instants). */
  from: string;
  to: string;
  /** Share of the older history (realtime window start back to OLDER_DAYS) searched once this window is done, 0–1. */
  share: number;
}

const DAY_MS = 24 * 3600_000;

/** The older history below the realtime window starting at `top`: back to OLDER_DAYS before `now`, a minute inside. */
export const olderSpan = (top: string, now: Date = new Date()): OlderSpan => ({
  top,
  floor: new Date(now.getTime() - OLDER_DAYS * DAY_MS + 60_000).toISOString(),
});

/**
 * The window of older history that ends at `before`: back to the start of its calendar month (UTC; the
 * month before when `before` is the first instant of one), never past the span's floor. One asynchronous
 * query per month keeps each query small, and says where the search has got to.
 */
export const olderWindow = (before: string, span: OlderSpan): { from: string; to: string } => {
  const end = new Date(before);
  let start = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1);
  if (start === end.getTime()) start = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1);
  return { from: new Date(Math.max(start, Date.parse(span.floor))).toISOString(), to: before };
};

const shareOf = (span: OlderSpan, from: string): number => {
  const whole = Date.parse(span.top) - Date.parse(span.floor);
  return whole > 0 ? Math.min(1, Math.max(0, (Date.parse(span.top) - Date.parse(from)) / whole)) : 1;
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      // The AbortError an abort without a reason gives (a developer's error, never shown).
      reject(AbortSignal.abort().reason);
    });
  });

/** Starts the asynchronous query and waits until its results can be read. */
const runOlderQuery = async (request: Omit<AuditQueryRequest, 'interval'>, interval: string, signal: AbortSignal) => {
  let status = await createAuditQuery({ ...request, interval }, signal);
  for (let wait = 100; status.state === 'Queued' || status.state === 'Running'; wait = Math.min(wait * 2, 2000)) {
    await sleep(wait, signal);
    status = await getAuditQueryStatus(status.id ?? '', signal);
  }
  if (status.state !== 'Succeeded') {
    // Shown to the user (QueryErrorAlert): the query's state as the API names it ("Failed", "Expired").
    const state = status.state ?? t({ message: 'unknown', comment: "an audit query's state, when none was given" });
    throw new Error(t`The query of older changes ended as ${state}.`);
  }
  return status.id ?? '';
};

/**
 * One page of history, from wherever `cursor` points. Older history is searched a month at a time, newest
 * first, each month's results paged by the query's cursor; months without a record are passed over within
 * the same call (each reported to `onProgress` as it starts), so a page is empty only at the span's end.
 */
export const fetchHistoryPage = async (
  request: Omit<AuditRealtimeQueryRequest, 'interval' | 'pageNumber'>,
  cursor: HistoryCursor,
  signal: AbortSignal,
  onProgress?: (progress: HistoryProgress) => void,
): Promise<HistoryPage> => {
  const { pageSize, ...olderRequest } = request;
  if (cursor.kind === 'realtime') {
    // Every page of the window asks for the same interval, so pages neither overlap nor skip.
    const interval = cursor.interval ?? realtimeInterval();
    const page = await queryAuditsRealtime({ ...request, interval, pageNumber: cursor.page }, HISTORY_PARAMS, signal);
    const more = cursor.page < (page.pageCount ?? 0);
    const top = interval.split('/')[0] ?? new Date().toISOString();
    return {
      entities: page.entities ?? [],
      total: page.total,
      next: more
        ? { kind: 'realtime', page: cursor.page + 1, interval }
        : { kind: 'older', before: top, span: olderSpan(top) },
    };
  }
  const { span } = cursor;
  const resultsOf = (transactionId: string, after?: string) =>
    getAuditQueryResults(transactionId, { pageSize, ...HISTORY_PARAMS, ...(after ? { cursor: after } : {}) }, signal);
  if (cursor.kind === 'older-page') {
    const results = await resultsOf(cursor.transactionId, cursor.cursor);
    return {
      entities: results.entities ?? [],
      next: results.cursor
        ? { ...cursor, cursor: results.cursor }
        : cursor.windowStart > span.floor
          ? { kind: 'older', before: cursor.windowStart, span }
          : undefined,
    };
  }
  let before = cursor.before;
  for (;;) {
    const window = olderWindow(before, span);
    onProgress?.({ ...window, share: shareOf(span, window.from) });
    const transactionId = await runOlderQuery(olderRequest, `${window.from}/${window.to}`, signal);
    const results = await resultsOf(transactionId);
    const entities = results.entities ?? [];
    if (results.cursor)
      return {
        entities,
        next: { kind: 'older-page', transactionId, cursor: results.cursor, windowStart: window.from, span },
      };
    const further = window.from > span.floor;
    if (entities.length > 0 || !further)
      return { entities, next: further ? { kind: 'older', before: window.from, span } : undefined };
    before = window.from;
  }
};

/**
 * Change history, newest first, a page at a time: the realtime window (POST /api/v2/audits/query/realtime),
 * then older records up to OLDER_DAYS back through the asynchronous query, a month at a time. `records` is
 * every page loaded so far that records a change (failed attempts are counted in `failedAttempts`, not
 * listed); `olderNext` says whether the next page is past the realtime window; `progress` says which month
 * an older page is searching while it loads.
 */
export const useHistory = (query: HistoryQuery, options: { enabled?: boolean } = {}) => {
  const enabled = options.enabled ?? true;
  const auditNames = useGroupAuditNames(enabled);
  const request = historyRequest(query, auditNames.names);
  const [progress, setProgress] = useState<HistoryProgress | null>(null);
  const result = useInfiniteQuery({
    queryKey: auditKeys.history(request),
    queryFn: async ({ pageParam, signal }) => {
      try {
        return await fetchHistoryPage(request, pageParam, signal, setProgress);
      } finally {
        setProgress(null);
      }
    },
    initialPageParam: { kind: 'realtime', page: 1 } as HistoryCursor,
    getNextPageParam: (last: HistoryPage) => last.next,
    enabled: enabled && auditNames.ready,
    staleTime: 0,
  });
  const loaded = useMemo<AuditLogMessage[]>(() => result.data?.pages.flatMap((p) => p.entities) ?? [], [result.data]);
  // A record whose status is not SUCCESS is a failed attempt: never shown as a change.
  const records = useMemo(() => loaded.filter(isChange), [loaded]);
  const failedAttempts = loaded.length - records.length;
  const total = result.data?.pages[0]?.total;
  const nextKind = result.data?.pages.at(-1)?.next?.kind;
  return {
    ...result,
    records,
    failedAttempts,
    total,
    olderNext: nextKind === 'older' || nextKind === 'older-page',
    progress: result.isFetchingNextPage ? progress : null,
  };
};
