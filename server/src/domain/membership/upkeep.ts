/**
 * The one writer of `group_members` and `groups.member_count`: seeds and API writes alike keep them with
 * these functions, inside the write's own transaction (none opens one).
 *
 * A `group_members` row exists for each member: individuals (group_individuals), owners (group_owners)
 * when the group's include_owners is on, and users matched by its dynamic settings. is_individual /
 * is_rule say why; is_owner marks a member who owns the group, whatever brought them in.
 * `groups.member_count` equals the group's row count.
 */
import type Database from 'better-sqlite3';
import { cached } from '../../db/statements.js';
import { dynamicQueryUsersSql, type DynamicGroupQuery } from './dynamic-query.js';

const PRUNE = `DELETE FROM group_members WHERE group_id = @g AND is_individual = 0 AND is_rule = 0
  AND NOT (is_owner = 1 AND (SELECT include_owners FROM groups WHERE id = @g) = 1)`;

/** Brings is_owner flags and owner rows in line with group_owners and include_owners. */
export function syncOwnerMembers(db: Database.Database, groupId: string): void {
  cached(
    db,
    `UPDATE group_members SET is_owner = EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = group_members.group_id AND o.user_id = group_members.user_id)
     WHERE group_id = ?`,
  ).run(groupId);
  cached(
    db,
    `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
     SELECT o.group_id, o.user_id, u.sort_name, 0, 1, 0
     FROM group_owners o JOIN users u ON u.id = o.user_id JOIN groups g ON g.id = o.group_id AND g.include_owners = 1
     WHERE o.group_id = ?
     ON CONFLICT (group_id, user_id) DO UPDATE SET is_owner = 1`,
  ).run(groupId);
  cached(db, PRUNE).run({ g: groupId });
}

/** Removes member rows that no longer have a reason to exist. */
const pruneMembers = (db: Database.Database, groupId: string): void => void cached(db, PRUNE).run({ g: groupId });

/** Sets groups.member_count to the group's row count (an index range count). */
export function recountMembers(db: Database.Database, groupId: string): void {
  cached(
    db,
    'UPDATE groups SET member_count = (SELECT COUNT(*) FROM group_members WHERE group_id = @g) WHERE id = @g',
  ).run({ g: groupId });
}

/** Makes the users individuals' member rows (they must also be in group_individuals). */
export function addIndividualMembers(db: Database.Database, groupId: string, userIds: readonly string[]): void {
  const upsertMember = cached(
    db,
    `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
     SELECT @g, u.id, u.sort_name, 1, EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = @g AND o.user_id = u.id), 0
     FROM users u WHERE u.id = @u
     ON CONFLICT (group_id, user_id) DO UPDATE SET is_individual = 1`,
  );
  for (const id of userIds) upsertMember.run({ g: groupId, u: id });
  recountMembers(db, groupId);
}

/** The users are no longer individuals of the group: their rows go unless an owner or a rule keeps them. */
export function removeIndividualMembers(db: Database.Database, groupId: string, userIds: readonly string[]): void {
  const unflag = cached(db, 'UPDATE group_members SET is_individual = 0 WHERE group_id = ? AND user_id = ?');
  for (const id of userIds) unflag.run(groupId, id);
  pruneMembers(db, groupId);
  recountMembers(db, groupId);
}

/** Re-materialises the rule members of a group from its stored query (none when it has no settings). */
export function applyDynamicMembers(db: Database.Database, groupId: string, query: DynamicGroupQuery | null): void {
  cached(db, 'UPDATE group_members SET is_rule = 0 WHERE group_id = ? AND is_rule = 1').run(groupId);
  if (query) {
    const users = dynamicQueryUsersSql(query);
    // The SQL varies with the query, so it is prepared here rather than cached.
    db.prepare(
      `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
       SELECT ?, u.id, u.sort_name, 0, EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = ? AND o.user_id = u.id), 1
       FROM users u WHERE u.id IN (${users.sql})
       ON CONFLICT (group_id, user_id) DO UPDATE SET is_rule = 1`,
    ).run(groupId, groupId, ...users.params);
  }
  pruneMembers(db, groupId);
  recountMembers(db, groupId);
}

/** Removes every member row of a group (it is being deleted). */
export const forgetGroupMembers = (db: Database.Database, groupId: string): void =>
  void cached(db, 'DELETE FROM group_members WHERE group_id = ?').run(groupId);

/**
 * Recomputes the member rows and member_count of one group, or of every group when groupId is omitted.
 * Members = individuals ∪ owners (when include_owners) ∪ users matched by the dynamic settings.
 * is_owner marks a member who owns the group, whatever brought them in. Call it inside the caller's
 * transaction (it opens none itself, so it can be part of a larger write).
 */
export function rebuildGroupMembers(db: Database.Database, groupId?: string): void {
  const one = groupId !== undefined;
  const filter = (col: string) => (one ? `WHERE ${col} = @groupId` : '');
  const args = one ? { groupId } : {};

  db.prepare(`DELETE FROM group_members ${filter('group_id')}`).run(args);

  db.prepare(
    `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
     SELECT m.group_id, m.user_id, u.sort_name, MAX(m.ind),
            EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = m.group_id AND o.user_id = m.user_id), 0
     FROM (
       SELECT group_id, user_id, 1 AS ind FROM group_individuals ${filter('group_id')}
       UNION ALL
       SELECT o.group_id, o.user_id, 0 AS ind FROM group_owners o
         JOIN groups g ON g.id = o.group_id AND g.include_owners = 1 ${filter('o.group_id')}
     ) m
     JOIN users u ON u.id = m.user_id
     GROUP BY m.group_id, m.user_id`,
  ).run(args);

  const dynamicRows = db
    .prepare(`SELECT group_id AS groupId, query_json AS queryJson FROM group_dynamic_settings ${filter('group_id')}`)
    .all(args) as Array<{ groupId: string; queryJson: string }>;
  for (const { groupId: gid, queryJson } of dynamicRows) {
    const users = dynamicQueryUsersSql(JSON.parse(queryJson) as DynamicGroupQuery);
    db.prepare(
      `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
       SELECT ?, u.id, u.sort_name, 0,
              EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = ? AND o.user_id = u.id), 1
       FROM users u WHERE u.id IN (${users.sql})
       ON CONFLICT (group_id, user_id) DO UPDATE SET is_rule = 1`,
    ).run(gid, gid, ...users.params);
  }

  db.prepare(
    `UPDATE groups SET member_count = (SELECT COUNT(*) FROM group_members gm WHERE gm.group_id = groups.id)
     ${one ? 'WHERE id = @groupId' : ''}`,
  ).run(args);
}
