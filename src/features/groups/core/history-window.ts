import { t } from '@lingui/core/macro';
import { OPERATION_LIMITS, SCHEMA_LIMITS } from '@/api/generated/contract';

/** How far back the realtime history query reaches (`x-realtime-window-days`); older history needs the asynchronous query. */
export const REALTIME_DAYS: number = OPERATION_LIMITS.queryAuditsRealtime.realtimeWindowDays;

/**
 * How far back "older changes" reach, through the asynchronous query: the longest interval it takes,
 * a year, as long as Genesys Cloud keeps audit data (openapi/groups.yaml, `x-max-days`).
 */
export const OLDER_DAYS: number = SCHEMA_LIMITS.AuditQueryRequest.interval.maxDays;

/**
 * What deleting groups means for getting them back, said by every delete confirmation: Recently
 * deleted restores a group from its Delete record as a new group (history/recently-deleted-page.tsx).
 */
export const restoreNote = (many: boolean): string => {
  const realtimeDays = REALTIME_DAYS;
  const olderDays = OLDER_DAYS;
  return many
    ? t`Deleted groups can be restored from Recently deleted, which lists the last ${realtimeDays} days (older ones, up to ${olderDays} days, on request). Each comes back as a new group with its settings, owners, individual members and rules; not restored: its id (links and integrations that use it break), its change history (it stays with the deleted group) and an inactive state (it comes back active).`
    : t`Deleted groups can be restored from Recently deleted, which lists the last ${realtimeDays} days (older ones, up to ${olderDays} days, on request). It comes back as a new group with its settings, owners, individual members and rules; not restored: its id (links and integrations that use it break), its change history (it stays with the deleted group) and an inactive state (it comes back active).`;
};
