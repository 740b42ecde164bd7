import type { QueryKey } from '@tanstack/react-query';
import type { AuditRealtimeQueryRequest } from '@/api/generated/model/auditRealtimeQueryRequest';

/**
 * Query keys of the change history (the Audit API). The realtime query is a POST, so orval makes it a
 * mutation; the console reads it as a query under the operation's path, keyed by what it asks for.
 */
const REALTIME = '/api/v2/audits/query/realtime';

export const auditKeys = {
  /** Every cached history query (a write to any group may add records to any of them). */
  all: (): QueryKey => [REALTIME],
  /** One query: the request without its page number (the pages of an infinite query share the key). */
  realtime: (request: Omit<AuditRealtimeQueryRequest, 'pageNumber' | 'interval'>): QueryKey => [REALTIME, request],
};
