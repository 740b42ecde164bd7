import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';

/** The group a deleted group was restored as. */
export interface RestoredCopy {
  id: string;
  name: string;
}

/**
 * Deleted group id → the group it was restored as, from Create records (a restore is a creation that
 * names the deleted group in `context.restoredFromGroupId`). Records come newest first: the newest
 * restore of a group wins.
 */
export const restoredCopies = (creations: readonly AuditLogMessage[]): Map<string, RestoredCopy> => {
  const map = new Map<string, RestoredCopy>();
  for (const record of creations) {
    const from = record.context?.restoredFromGroupId;
    if (from && record.entity?.id && !map.has(from))
      map.set(from, { id: record.entity.id, name: record.entity.name ?? record.entity.id });
  }
  return map;
};
