import type { Group } from '@/api/generated/model/group';

/** Why a group's state keeps it from being edited, or null when it can be. */
export const editBlockedReason = (group: Pick<Group, 'state'>): string | null =>
  group.state === 'deleted' ? 'The group is deleted; deleted groups cannot be edited.' : null;
