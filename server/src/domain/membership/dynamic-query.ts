/**
 * Dynamic (skill-based) group queries: their types, and their compilation to SQL over `users` and
 * `user_skills`. Seeded and API-written rules select the same users through it (upkeep.ts).
 */
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
function dynamicQueryToSql(query: DynamicGroupQuery): { sql: string; params: Array<string | number> } {
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
