import { t } from '@lingui/core/macro';
import type { UserMe } from '@/api/generated/model/userMe';
import type { Permission } from '@/lib/permission-names';
import { canEditGroup } from '@/lib/permissions';

/**
 * What a change of a group's owners means for the signed-in user, asked before it is saved (the edit
 * form's owners, a revert that restores an older owner list). Who may edit a group is the console's one
 * rule (src/lib/group-rules.ts): `directory:group:edit`, or being one of its owners. Pure: no React.
 */
export interface OwnerChangeWarning {
  /** The change takes away the signed-in user's only way to edit the group: a destructive confirmation. */
  losesAccess: boolean;
  title: string;
  message: string;
}

export interface OwnerChange {
  groupName: string | undefined;
  /** Owner ids before the change and after it. */
  before: readonly string[];
  after: readonly string[];
  me: UserMe | undefined;
  /** The permissions divisionspermitted granted `me` beyond its `users/me` list. */
  permitted?: readonly Permission[];
}

const asOwners = (ids: readonly string[]) => ({ owners: ids.map((id) => ({ id, name: '', version: 0 })) });

/**
 * The warning a change of owners needs, or null when it needs none:
 *   - the signed-in user removes themselves and can then no longer edit the group (the last owner, or
 *     an owner without `directory:group:edit`): they lose access;
 *   - the group is left without owners: only people with permission to edit groups can change it.
 */
export const ownerChangeWarning = ({
  groupName,
  before,
  after,
  me,
  permitted = [],
}: OwnerChange): OwnerChangeWarning | null => {
  const removesMe = !!me?.id && before.includes(me.id) && !after.includes(me.id);
  const leavesNone = before.length > 0 && after.length === 0;
  const losesAccess =
    removesMe && canEditGroup(me, asOwners(before), permitted) && !canEditGroup(me, asOwners(after), permitted);

  if (losesAccess && leavesNone) {
    return {
      losesAccess,
      title: t`Remove yourself as the last owner?`,
      message: groupName
        ? t`You are the last owner of ${groupName}. Removing yourself leaves it without an owner and you will no longer be able to edit it.`
        : t`You are the last owner of this group. Removing yourself leaves it without an owner and you will no longer be able to edit it.`,
    };
  }
  if (losesAccess) {
    return {
      losesAccess,
      title: t`Remove yourself as an owner?`,
      message: groupName
        ? t`Removing yourself from the owners of ${groupName} means you will no longer be able to edit it. Only its other owners and people with permission to edit groups will be able to change it.`
        : t`Removing yourself from the owners of this group means you will no longer be able to edit it. Only its other owners and people with permission to edit groups will be able to change it.`,
    };
  }
  if (leavesNone && removesMe) {
    return {
      losesAccess,
      title: t`Remove the last owner?`,
      message: groupName
        ? t`You are the last owner of ${groupName}. Removing yourself leaves it without an owner; you can still edit it with your permission to edit groups.`
        : t`You are the last owner of this group. Removing yourself leaves it without an owner; you can still edit it with your permission to edit groups.`,
    };
  }
  if (leavesNone) {
    return {
      losesAccess,
      title: t`Remove the last owner?`,
      message: groupName
        ? t`${groupName} will have no owners. Only people with permission to edit groups will be able to change it.`
        : t`This group will have no owners. Only people with permission to edit groups will be able to change it.`,
    };
  }
  return null;
};
