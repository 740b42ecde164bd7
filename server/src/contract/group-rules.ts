/**
 * The rules about groups that openapi/groups.yaml cannot express, as pure functions of the caller's
 * permissions and facts about the group. The server applies them (domain/groups, domain/membership);
 * the console holds a copy that a parity test compares with this one. No database, no HTTP.
 *
 * The permission names used here are the document's (server/test/groups/contract-rules.test.ts holds them to it).
 */
import { hasAnyPermission } from './permissions.js';

export const GROUP_VIEW = 'directory:group:view';
export const GROUP_EDIT = 'directory:group:edit';
/** Lets its holders see every group, whatever its visibility (docs/embedded-server.md). */
export const PRIVATE_GROUP_VIEW = 'directory:privateGroup:view';

/** Owners may edit a group and its members; so may holders of `directory:group:edit`. */
export function mayEditGroup(permissions: Iterable<string>, isOwner: boolean): boolean {
  return isOwner || hasAnyPermission(permissions, [GROUP_EDIT]);
}

/** Whether the caller sees every group, whatever its visibility. */
export function maySeeEveryGroup(permissions: Iterable<string>): boolean {
  return hasAnyPermission(permissions, [PRIVATE_GROUP_VIEW]);
}

export interface RulesFacts {
  /** The caller owns the group. */
  isOwner: boolean;
  /** The group's `rulesVisible`. */
  rulesVisible: boolean;
}

/**
 * Who may read a group's dynamic membership rules: those who may edit the group; otherwise holders of
 * `directory:group:view`, and when the group's rulesVisible is false only those who also hold
 * `directory:privateGroup:view`.
 */
export function mayReadRules(permissions: Iterable<string>, facts: RulesFacts): boolean {
  const granted = [...permissions];
  if (mayEditGroup(granted, facts.isOwner)) return true;
  if (!hasAnyPermission(granted, [GROUP_VIEW])) return false;
  return facts.rulesVisible || maySeeEveryGroup(granted);
}

/** The permissions a caller refused by mayReadRules lacks (for the 403's message). */
export function rulesPermissionsMissing(permissions: Iterable<string>): string[] {
  return hasAnyPermission(permissions, [GROUP_VIEW]) ? [GROUP_EDIT, PRIVATE_GROUP_VIEW] : [GROUP_VIEW];
}
