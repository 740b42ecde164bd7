/**
 * Keeps `group_members` and `groups.member_count` consistent with a group's individuals, owners
 * (when include_owners) and dynamic settings. Every write that changes any of those calls
 * rebuildGroupMembers for the group it touched.
 */
import type Database from 'better-sqlite3';

type Comparator = 'EqualTo' | 'NotEqualTo' | 'LessThan' | 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo';

interface SkillConditionBase {
  comparator: Comparator;
  proficiency: number;
  childConditions?: DynamicGroupSkillCondition[];
}
export interface DynamicGroupRoutingSkillCondition extends SkillConditionBase {
  routingSkill: string;
}
export interface DynamicGroupLanguageSkillCondition extends SkillConditionBase {
  languageSkill: string;
}
export interface DynamicGroupSkillCondition {
  routingSkillConditions: DynamicGroupRoutingSkillCondition[];
  languageSkillConditions: DynamicGroupLanguageSkillCondition[];
  operation: 'And' | 'Or' | 'Not';
}
export interface DynamicGroupQuery {
  skillConditions: DynamicGroupSkillCondition[];
}

const COMPARATORS: Record<Comparator, string> = {
  EqualTo: '=',
  NotEqualTo: '<>',
  LessThan: '<',
  GreaterThan: '>',
  GreaterThanOrEqualTo: '>=',
  LessThanOrEqualTo: '<=',
};

/**
 * Compiles a DynamicGroupQuery into an SQL condition on a `users` row aliased `u`, with bound parameters.
 * Semantics:
 * - one routing/language condition holds when the user has that skill (name compared ignoring case)
 *   with a proficiency satisfying the comparator, and all its childConditions hold;
 * - a skill condition combines its routing and language conditions with its operation:
 *   And = all hold, Or = at least one holds, Not = none holds;
 * - the query's skillConditions must all hold. An empty query matches nobody.
 * Input is assumed validated (comparators and operations from their enums); unknown values throw.
 */
export function dynamicQueryToSql(query: DynamicGroupQuery): { sql: string; params: Array<string | number> } {
  const params: Array<string | number> = [];

  const leaf = (kind: 'routing' | 'language', name: string, c: SkillConditionBase): string => {
    const op = COMPARATORS[c.comparator];
    if (!op) throw new Error(`Unknown comparator ${String(c.comparator)}`);
    params.push(kind, name, c.proficiency);
    const own = `EXISTS (SELECT 1 FROM user_skills s WHERE s.user_id = u.id AND s.kind = ? AND s.skill_name = ? COLLATE NOCASE AND s.proficiency ${op} ?)`;
    const children = (c.childConditions ?? []).map(skillCondition);
    return children.length ? `(${[own, ...children].join(' AND ')})` : own;
  };

  const skillCondition = (sc: DynamicGroupSkillCondition): string => {
    const parts = [
      ...(sc.routingSkillConditions ?? []).map((c) => leaf('routing', c.routingSkill, c)),
      ...(sc.languageSkillConditions ?? []).map((c) => leaf('language', c.languageSkill, c)),
    ];
    switch (sc.operation) {
      case 'And':
        return parts.length ? `(${parts.join(' AND ')})` : '1';
      case 'Or':
        return parts.length ? `(${parts.join(' OR ')})` : '0';
      case 'Not':
        return parts.length ? `NOT (${parts.join(' OR ')})` : '1';
      default:
        throw new Error(`Unknown operation ${String(sc.operation)}`);
    }
  };

  const conditions = (query.skillConditions ?? []).map(skillCondition);
  return { sql: conditions.length ? conditions.join(' AND ') : '0', params };
}

/** Ids of the active users a dynamic query matches, as an SQL statement's parts (SELECT u.id ...). */
export function dynamicQueryUsersSql(query: DynamicGroupQuery): { sql: string; params: Array<string | number> } {
  const where = dynamicQueryToSql(query);
  return { sql: `SELECT u.id FROM users u WHERE u.state = 'active' AND (${where.sql})`, params: where.params };
}

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
