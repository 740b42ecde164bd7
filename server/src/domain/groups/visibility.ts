/**
 * Who sees which group (docs/embedded-server.md, "Authorization"), as one SQL condition so that gets, lists, counts,
 * paging and searches all apply the same rule:
 *   - public groups: everyone;
 *   - members-only groups: their members and owners;
 *   - owners-only groups: their owners;
 *   - every group: callers holding `directory:privateGroup:view`.
 * Deleted groups are never visible. A client-credentials caller (no user) sees public groups only,
 * unless its permissions include `directory:privateGroup:view`.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { notFound } from '../../contract/errors.js';
import { maySeeEveryGroup } from '../../contract/group-rules.js';
import { cached } from '../../db/statements.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** The visibility condition on a `groups` row aliased `alias`. */
export function groupVisibilityCondition(caller: Caller, alias = 'g'): SqlCondition {
  const notDeleted = `${alias}.state <> 'deleted'`;
  if (maySeeEveryGroup(caller.permissions)) return { sql: `(${notDeleted})`, params: [] };
  if (!caller.userId) return { sql: `(${notDeleted} AND ${alias}.visibility = 'public')`, params: [] };
  const owner = `EXISTS (SELECT 1 FROM group_owners vo WHERE vo.group_id = ${alias}.id AND vo.user_id = ?)`;
  const member = `EXISTS (SELECT 1 FROM group_members vm WHERE vm.group_id = ${alias}.id AND vm.user_id = ?)`;
  return {
    sql: `(${notDeleted} AND (${alias}.visibility = 'public' OR (${alias}.visibility = 'members' AND (${member} OR ${owner})) OR (${alias}.visibility = 'owners' AND ${owner})))`,
    params: [caller.userId, caller.userId, caller.userId],
  };
}

/** Whether `userId` owns `groupId`. */
export function isGroupOwner(db: Database.Database, groupId: string, userId: string | null): boolean {
  if (!userId) return false;
  return cached(db, 'SELECT 1 FROM group_owners WHERE group_id = ? AND user_id = ?').get(groupId, userId) !== undefined;
}

/** Whether the caller may see the group (false also when it does not exist or is deleted). */
function canSeeGroup(db: Database.Database, caller: Caller, groupId: string): boolean {
  const v = groupVisibilityCondition(caller);
  return cached(db, `SELECT 1 FROM groups g WHERE g.id = ? AND ${v.sql}`).get(groupId, ...v.params) !== undefined;
}

/** Throws 404 not.found unless the caller may see the group. */
export function assertGroupVisible(db: Database.Database, caller: Caller, groupId: string): void {
  if (!canSeeGroup(db, caller, groupId)) throw groupNotFound(groupId);
}

export const groupNotFound = (groupId: string) => notFound(`Group ${groupId} was not found.`, groupId);
