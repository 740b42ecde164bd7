import { describe, expect, it } from 'vitest';
import { describeBlock, emptyBlock, toBlocks, toQuery, validateBlocks } from '../rule-model';

const query = {
  skillConditions: [
    {
      operation: 'And' as const,
      routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'EqualTo' as const, proficiency: 2 }],
      languageSkillConditions: [
        { languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo' as const, proficiency: 3 },
      ],
    },
  ],
};

describe('rule model', () => {
  it('round-trips a query through the editor blocks', () => {
    expect(toQuery(toBlocks(query))).toEqual(query);
    expect(describeBlock(toBlocks(query)[0]!)).toBe('Routing skill Billing equal to 2 and Language Spanish at least 3');
  });
  it('validates names, proficiency and emptiness', () => {
    expect(validateBlocks([])).toMatch(/at least one/);
    expect(validateBlocks([emptyBlock()])).toMatch(/needs a name/);
    expect(
      validateBlocks([
        { operation: 'Or', rows: [{ kind: 'language', skill: 'French', comparator: 'LessThan', proficiency: 6 }] },
      ]),
    ).toMatch(/0 to 5/);
    expect(validateBlocks(toBlocks(query))).toBeNull();
  });
});
