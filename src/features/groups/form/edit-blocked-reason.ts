import { t } from '@lingui/core/macro';
import type { Group } from '@/api/generated/model/group';

/** Why a group's state keeps it from being edited, or null when it can be (in the page's language). */
export const editBlockedReason = (group: Pick<Group, 'state'>): string | null =>
  group.state === 'deleted' ? t`The group is deleted; deleted groups cannot be edited.` : null;
