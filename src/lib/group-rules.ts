import { OPERATION_PERMISSIONS, SEE_ALL_GROUPS_PERMISSIONS } from '@/api/generated/contract';
import { holdsAny } from './permission-match';

/**
 * The two group rules the contract states only in part, as the server applies them (the parity test
 * in __tests__/group-rules.parity.test.ts holds these to the server's copy). Pure: permissions in,
 * yes or no out.
 */

const edit = OPERATION_PERMISSIONS.updateGroup;
const readRules = OPERATION_PERMISSIONS.getGroupDynamicSettings;

/** Who may edit a group (and change its members): `directory:group:edit`, or an owner of the group. */
export const mayEditGroup = (permissions: readonly string[], isOwner: boolean): boolean =>
  holdsAny(permissions, edit.permissions) || (edit.groupOwnerAllowed && isOwner);

/**
 * Who may read a group's dynamic rules: those who may edit it, and holders of `directory:group:view`;
 * when the group hides its rules (`rulesVisible: false`), viewers only with `directory:privateGroup:view`.
 */
export const mayReadRules = (permissions: readonly string[], isOwner: boolean, rulesVisible: boolean): boolean => {
  if (mayEditGroup(permissions, isOwner)) return true;
  if (!holdsAny(permissions, readRules.permissions)) return false;
  return rulesVisible || holdsAny(permissions, SEE_ALL_GROUPS_PERMISSIONS);
};
