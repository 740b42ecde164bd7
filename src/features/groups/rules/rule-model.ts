import type { MessageDescriptor } from '@lingui/core';
import { msg, plural, select, t } from '@lingui/core/macro';
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

/** The comparators as the editor offers them, messages: `i18n._(COMPARATOR_LABELS.EqualTo)`. */
export const COMPARATOR_LABELS: Record<DynamicGroupSkillComparator, MessageDescriptor> = {
  EqualTo: msg({ message: 'equal to', comment: 'skill rule comparator: proficiency equal to 3' }),
  NotEqualTo: msg({ message: 'not equal to', comment: 'skill rule comparator: proficiency not equal to 3' }),
  LessThan: msg({ message: 'less than', comment: 'skill rule comparator: proficiency less than 3' }),
  GreaterThan: msg({ message: 'greater than', comment: 'skill rule comparator: proficiency greater than 3' }),
  GreaterThanOrEqualTo: msg({ message: 'at least', comment: 'skill rule comparator: proficiency at least 3' }),
  LessThanOrEqualTo: msg({ message: 'at most', comment: 'skill rule comparator: proficiency at most 3' }),
};

/** A condition's operation in words, messages (the API's And, Or, Not). */
export const OPERATION_LABELS: Record<DynamicGroupSkillConditionOperation, MessageDescriptor> = {
  And: msg({ message: 'And', comment: 'skill rule operation: all of the skills' }),
  Or: msg({ message: 'Or', comment: 'skill rule operation: any of the skills' }),
  Not: msg({ message: 'Not', comment: 'skill rule operation: none of the skills' }),
};

export const OPERATIONS: readonly DynamicGroupSkillConditionOperation[] = Object.keys(
  OPERATION_LABELS,
) as DynamicGroupSkillConditionOperation[];

export const emptyRow = (): SkillRow => ({
  kind: 'routing',
  skill: '',
  // eslint-disable-next-line lingui/no-unlocalized-strings -- an API value (DynamicGroupSkillComparator)
  comparator: 'GreaterThanOrEqualTo',
  proficiency: 3,
});
// eslint-disable-next-line lingui/no-unlocalized-strings -- an API value (DynamicGroupSkillConditionOperation)
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
  return n ? plural(n, { one: '# nested condition', other: '# nested conditions' }) : '';
};

/** The proficiency range of a skill condition (the same for routing and language skills in the contract). */
export const PROFICIENCY = SCHEMA_LIMITS.DynamicGroupRoutingSkillCondition.proficiency;

/** Why the blocks cannot be saved, or null when they can. */
export const validateBlocks = (blocks: readonly ConditionBlock[]): string | null => {
  if (blocks.length === 0) return t`Add at least one condition.`;
  for (const [i, b] of blocks.entries()) {
    const n = i + 1;
    if (b.rows.length === 0) return t`Condition ${n} has no skills.`;
    for (const r of b.rows) {
      if (!r.skill.trim()) return t`Condition ${n}: every skill needs a name.`;
      if (
        !Number.isInteger(r.proficiency) ||
        r.proficiency < PROFICIENCY.minimum ||
        r.proficiency > PROFICIENCY.maximum
      ) {
        const minimum = PROFICIENCY.minimum;
        const maximum = PROFICIENCY.maximum;
        return t`Condition ${n}: proficiency must be a whole number from ${minimum} to ${maximum}.`;
      }
    }
  }
  return null;
};

/** "Language Spanish at least 3 AND Routing Billing equal to 2". */
export const describeBlock = (block: ConditionBlock): string => {
  const texts = block.rows.map((r) => {
    const text = describeRow(r);
    const n = countNestedConditions(r.childConditions);
    return n
      ? plural(n, { one: `${text} (with # nested condition)`, other: `${text} (with # nested conditions)` })
      : text;
  });
  if (texts.length === 0) return '';
  return texts.reduce((conditions, condition) =>
    t({ message: `${conditions} and ${condition}`, comment: 'the skills of one condition: "A and B"' }),
  );
};

/** "Routing skill Billing at least 3", "Language Spanish equal to 2". */
const describeRow = (r: SkillRow): string => {
  const skill = r.skill;
  const proficiency = r.proficiency;
  const comparator = r.comparator;
  return r.kind === 'routing'
    ? select(comparator, {
        EqualTo: `Routing skill ${skill} equal to ${proficiency}`,
        NotEqualTo: `Routing skill ${skill} not equal to ${proficiency}`,
        LessThan: `Routing skill ${skill} less than ${proficiency}`,
        GreaterThan: `Routing skill ${skill} greater than ${proficiency}`,
        GreaterThanOrEqualTo: `Routing skill ${skill} at least ${proficiency}`,
        LessThanOrEqualTo: `Routing skill ${skill} at most ${proficiency}`,
        other: `Routing skill ${skill} ${comparator} ${proficiency}`,
      })
    : select(comparator, {
        EqualTo: `Language ${skill} equal to ${proficiency}`,
        NotEqualTo: `Language ${skill} not equal to ${proficiency}`,
        LessThan: `Language ${skill} less than ${proficiency}`,
        GreaterThan: `Language ${skill} greater than ${proficiency}`,
        GreaterThanOrEqualTo: `Language ${skill} at least ${proficiency}`,
        LessThanOrEqualTo: `Language ${skill} at most ${proficiency}`,
        other: `Language ${skill} ${comparator} ${proficiency}`,
      });
};
