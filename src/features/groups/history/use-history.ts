import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryAuditsRealtime } from '@/api/generated/endpoints/audits/audits';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { AuditQueryFilter } from '@/api/generated/model/auditQueryFilter';
import type { AuditRealtimeQueryRequest } from '@/api/generated/model/auditRealtimeQueryRequest';
import { auditKeys } from '@/api/keys/audit-keys';
import type { HistoryAction } from './audit-format';

/** How far back the realtime query reaches (docs/audit.md); older history needs the asynchronous query. */
export const REALTIME_DAYS = 14;
const PAGE_SIZE = 50;

/**
 * The realtime window ending a minute from now (so a change made just now is inside it) and starting
 * a minute inside the 14 days (so the server's own clock still finds it within the window).
 */
export const realtimeInterval = (now: Date = new Date()): string => {
  const end = new Date(now.getTime() + 60_000);
  const start = new Date(now.getTime() - REALTIME_DAYS * 24 * 3600_000 + 60_000);
  return `${start.toISOString()}/${end.toISOString()}`;
};

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
export const historyRequest = ({
  groupId,
  actions = [],
  userId,
  pageSize = PAGE_SIZE,
}: HistoryQuery): Omit<AuditRealtimeQueryRequest, 'interval' | 'pageNumber'> => {
  const filters: AuditQueryFilter[] = [{ property: 'EntityType', value: 'Group' }];
  if (groupId) filters.push({ property: 'EntityId', value: groupId });
  if (userId) filters.push({ property: 'UserId', value: userId });
  for (const action of actions) filters.push({ property: 'Action', value: action });
  return {
    serviceName: 'Directory',
    filters,
    sort: [{ name: 'Timestamp', sortOrder: 'descending' }],
    pageSize,
  };
};

/**
 * Change history, newest first, a page at a time (POST /api/v2/audits/query/realtime, with user names).
 * `records` is every page loaded so far.
 */
export const useHistory = (query: HistoryQuery, options: { enabled?: boolean } = {}) => {
  const request = historyRequest(query);
  const result = useInfiniteQuery({
    queryKey: auditKeys.realtime(request),
    queryFn: ({ pageParam, signal }) =>
      queryAuditsRealtime(
        { ...request, interval: realtimeInterval(), pageNumber: pageParam },
        { expand: ['user'] },
        signal,
      ),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length < (last.pageCount ?? 0) ? pages.length + 1 : undefined),
    enabled: options.enabled ?? true,
    staleTime: 0,
  });
  const records = useMemo<AuditLogMessage[]>(
    () => result.data?.pages.flatMap((p) => p.entities ?? []) ?? [],
    [result.data],
  );
  const total = result.data?.pages[0]?.total;
  return { ...result, records, total };
};
