import { describe, expect, it } from 'vitest';
import { countNestedConditions, describeBlock, emptyBlock, toBlocks, toQuery, validateBlocks } from '../rule-model';

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
  it('keeps nested child conditions unchanged through an edit of their parent row', () => {
    const child = {
      operation: 'Not' as const,
      routingSkillConditions: [
        {
          routingSkill: 'Fraud',
          comparator: 'GreaterThan' as const,
          proficiency: 1,
          childConditions: [
            {
              operation: 'And' as const,
              routingSkillConditions: [],
              languageSkillConditions: [{ languageSkill: 'German', comparator: 'EqualTo' as const, proficiency: 4 }],
            },
          ],
        },
      ],
      languageSkillConditions: [],
    };
    const nested = {
      skillConditions: [
        {
          operation: 'Or' as const,
          routingSkillConditions: [
            { routingSkill: 'Billing', comparator: 'EqualTo' as const, proficiency: 2, childConditions: [child] },
          ],
          languageSkillConditions: [],
        },
      ],
    };
    expect(toQuery(toBlocks(nested))).toEqual(nested);
    expect(countNestedConditions([child])).toBe(2);
    const blocks = toBlocks(nested);
    expect(describeBlock(blocks[0]!)).toBe('Routing skill Billing equal to 2 (with 2 nested conditions)');
    const edited = [{ ...blocks[0]!, rows: [{ ...blocks[0]!.rows[0]!, skill: ' Collections ', proficiency: 4 }] }];
    expect(toQuery(edited).skillConditions[0]!.routingSkillConditions[0]).toEqual({
      routingSkill: 'Collections',
      comparator: 'EqualTo',
      proficiency: 4,
      childConditions: [child],
    });
    // Rows without children send no childConditions key at all.
    expect(toQuery(toBlocks(query)).skillConditions[0]!.routingSkillConditions[0]).not.toHaveProperty(
      'childConditions',
    );
  });
});
