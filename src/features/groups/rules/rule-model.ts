import { SCHEMA_LIMITS } from '@/api/generated/contract';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { DynamicGroupSkillCondition } from '@/api/generated/model/dynamicGroupSkillCondition';
import type { DynamicGroupSkillComparator } from '@/api/generated/model/dynamicGroupSkillComparator';
import type { DynamicGroupSkillConditionOperation } from '@/api/generated/model/dynamicGroupSkillConditionOperation';

/** The editor's flat model of a dynamic group query: condition blocks of skill conditions. */
export type SkillKind = 'routing' | 'language';

export interface SkillRow {
  kind: SkillKind;
  skill: string;
  comparator: DynamicGroupSkillComparator;
  proficiency: number;
  /**
   * Conditions nested under this skill. The editor does not edit them: they are shown as a count and
   * sent back exactly as they were read.
   */
  childConditions?: DynamicGroupSkillCondition[];
}

export interface ConditionBlock {
  operation: DynamicGroupSkillConditionOperation;
  rows: SkillRow[];
}

export const COMPARATOR_LABELS: Record<DynamicGroupSkillComparator, string> = {
  EqualTo: 'equal to',
  NotEqualTo: 'not equal to',
  LessThan: 'less than',
  GreaterThan: 'greater than',
  GreaterThanOrEqualTo: 'at least',
  LessThanOrEqualTo: 'at most',
};

export const OPERATIONS: readonly DynamicGroupSkillConditionOperation[] = ['And', 'Or', 'Not'];

export const emptyRow = (): SkillRow => ({
  kind: 'routing',
  skill: '',
  comparator: 'GreaterThanOrEqualTo',
  proficiency: 3,
});
export const emptyBlock = (): ConditionBlock => ({ operation: 'And', rows: [emptyRow()] });

const nested = (children: DynamicGroupSkillCondition[] | undefined) =>
  children?.length ? { childConditions: children } : {};

/** API query → editor blocks (nested child conditions ride along unchanged on their skill row). */
export const toBlocks = (query: DynamicGroupQuery | undefined): ConditionBlock[] =>
  (query?.skillConditions ?? []).map((sc) => ({
    operation: sc.operation,
    rows: [
      ...(sc.routingSkillConditions ?? []).map((c) => ({
        kind: 'routing' as const,
        skill: c.routingSkill,
        comparator: c.comparator,
        proficiency: c.proficiency,
        ...nested(c.childConditions),
      })),
      ...(sc.languageSkillConditions ?? []).map((c) => ({
        kind: 'language' as const,
        skill: c.languageSkill,
        comparator: c.comparator,
        proficiency: c.proficiency,
        ...nested(c.childConditions),
      })),
    ],
  }));

/** Editor blocks → API query (skill names trimmed; nested child conditions sent back as they were read). */
export const toQuery = (blocks: readonly ConditionBlock[]): DynamicGroupQuery => ({
  skillConditions: blocks.map((b) => ({
    operation: b.operation,
    routingSkillConditions: b.rows
      .filter((r) => r.kind === 'routing')
      .map((r) => ({
        routingSkill: r.skill.trim(),
        comparator: r.comparator,
        proficiency: r.proficiency,
        ...nested(r.childConditions),
      })),
    languageSkillConditions: b.rows
      .filter((r) => r.kind === 'language')
      .map((r) => ({
        languageSkill: r.skill.trim(),
        comparator: r.comparator,
        proficiency: r.proficiency,
        ...nested(r.childConditions),
      })),
  })),
});

/** How many skill conditions are nested (at any depth) under the given conditions. */
export const countNestedConditions = (conditions: readonly DynamicGroupSkillCondition[] | undefined): number =>
  (conditions ?? []).reduce(
    (sum, sc) =>
      sum +
      1 +
      [...(sc.routingSkillConditions ?? []), ...(sc.languageSkillConditions ?? [])].reduce(
        (inner, leaf) => inner + countNestedConditions(leaf.childConditions),
        0,
      ),
    0,
  );

/** "2 nested conditions" for a row that has any, else ''. */
export const describeNested = (row: SkillRow): string => {
  const n = countNestedConditions(row.childConditions);
  return n ? `${n} nested ${n === 1 ? 'condition' : 'conditions'}` : '';
};

/** The proficiency range of a skill condition (the same for routing and language skills in the contract). */
export const PROFICIENCY = SCHEMA_LIMITS.DynamicGroupRoutingSkillCondition.proficiency;

/** Why the blocks cannot be saved, or null when they can. */
export const validateBlocks = (blocks: readonly ConditionBlock[]): string | null => {
  if (blocks.length === 0) return 'Add at least one condition.';
  for (const [i, b] of blocks.entries()) {
    if (b.rows.length === 0) return `Condition ${i + 1} has no skills.`;
    for (const r of b.rows) {
      if (!r.skill.trim()) return `Condition ${i + 1}: every skill needs a name.`;
      if (
        !Number.isInteger(r.proficiency) ||
        r.proficiency < PROFICIENCY.minimum ||
        r.proficiency > PROFICIENCY.maximum
      ) {
        return `Condition ${i + 1}: proficiency must be a whole number from ${PROFICIENCY.minimum} to ${PROFICIENCY.maximum}.`;
      }
    }
  }
  return null;
};

/** "Language Spanish at least 3 AND Routing Billing equal to 2". */
export const describeBlock = (block: ConditionBlock): string =>
  block.rows
    .map((r) => {
      const text = `${r.kind === 'routing' ? 'Routing skill' : 'Language'} ${r.skill} ${COMPARATOR_LABELS[r.comparator]} ${r.proficiency}`;
      const more = describeNested(r);
      return more ? `${text} (with ${more})` : text;
    })
    .join(' and ');
