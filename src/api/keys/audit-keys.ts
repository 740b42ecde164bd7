import type { QueryKey } from '@tanstack/react-query';
import {
  getQueryAuditsRealtimeQueryKey,
  getQueryAuditsRealtimeRelatedMutationKey,
} from '@/api/generated/endpoints/audits/audits';
import type { AuditRealtimeQueryRequest } from '@/api/generated/model/auditRealtimeQueryRequest';
import type { QueryAuditsRealtimeParams } from '@/api/generated/model/queryAuditsRealtimeParams';

/** The history always asks for the acting user's name. */
export const HISTORY_PARAMS: QueryAuditsRealtimeParams = { expand: ['user'] };

/**
 * Query keys of the change history (the Audit API), from the generated key builder of the realtime
 * query (`['POST', path, params, body]`).
 */
export const auditKeys = {
  /** Every cached history query, paged or not (a write to any group may add records to any of them). */
  all: (): QueryKey => getQueryAuditsRealtimeQueryKey().slice(0, 2),
  /**
   * A history read page by page (an infinite query: the realtime window, then older records): keyed
   * by the request without its interval and page number, which each page sets.
   */
  history: (request: Omit<AuditRealtimeQueryRequest, 'pageNumber' | 'interval'>): QueryKey => [
    ...getQueryAuditsRealtimeQueryKey(undefined, HISTORY_PARAMS).slice(0, 3),
    { pages: request },
  ],
  /** The records written by the same action as one record (the related audit query). */
  related: (auditId: string): QueryKey => [...getQueryAuditsRealtimeRelatedMutationKey(), auditId],
};
