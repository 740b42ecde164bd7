import { describe, expect, it } from 'vitest';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import { matchesDynamicQuery, memberOwnerIds, membershipReasons, parseReason } from '../membership-reason';

describe('membershipReasons', () => {
  const individualIds = new Set(['a', 'b', 'r2']);
  const ownerIds = new Set(['b', 'c', 'r3']);
  it('gives every reason the sources name, several at once', () => {
    const sources = { individualIds, ownerIds, ruleIds: new Set(['r1', 'r2', 'r3']) };
    expect(membershipReasons('a', sources)).toEqual(['individual']);
    expect(membershipReasons('b', sources)).toEqual(['individual', 'owner']);
    expect(membershipReasons('c', sources)).toEqual(['owner']);
    expect(membershipReasons('r1', sources)).toEqual(['rule']);
    expect(membershipReasons('r2', sources)).toEqual(['individual', 'rule']);
    expect(membershipReasons('r3', sources)).toEqual(['owner', 'rule']);
    // Known rule members: someone with no reason at all is not labelled "rule" by elimination.
    expect(membershipReasons('d', sources)).toEqual([]);
    expect(membershipReasons(undefined, sources)).toEqual([]);
  });
  it('infers "rule" only where the rules cannot be read', () => {
    const sources = { individualIds, ownerIds, ruleIds: null };
    expect(membershipReasons('d', sources)).toEqual(['rule']);
    expect(membershipReasons('b', sources)).toEqual(['individual', 'owner']);
  });
});

describe('memberOwnerIds', () => {
  const owners = [{ id: 'o1' }, { id: 'o2' }, {}];
  it('counts owners as members only with includeOwners', () => {
    expect([...memberOwnerIds({ owners, includeOwners: true })]).toEqual(['o1', 'o2']);
    expect(memberOwnerIds({ owners, includeOwners: false }).size).toBe(0);
    expect(memberOwnerIds({ owners }).size).toBe(0);
  });
});

describe('parseReason', () => {
  it('takes the three reasons and nothing else', () => {
    expect(parseReason('owner')).toBe('owner');
    expect(parseReason('Owner')).toBeNull();
    expect(parseReason(null)).toBeNull();
  });
});

describe('matchesDynamicQuery', () => {
  const spanish3: DynamicGroupQuery = {
    skillConditions: [
      {
        routingSkillConditions: [],
        languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
        operation: 'And',
      },
    ],
  };
  it('compares a language by name ignoring case, at the proficiency the comparator asks', () => {
    expect(matchesDynamicQuery(spanish3, { languages: [{ name: 'spanish', proficiency: 3 }] })).toBe(true);
    expect(matchesDynamicQuery(spanish3, { languages: [{ name: 'Spanish', proficiency: 2 }] })).toBe(false);
    expect(matchesDynamicQuery(spanish3, { skills: [{ name: 'Spanish', proficiency: 5 }] })).toBe(false);
    expect(matchesDynamicQuery(spanish3, {})).toBe(false);
  });
  it('combines with And, Or and Not, and requires every skill condition', () => {
    const billingAndLanguage: DynamicGroupQuery = {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'GreaterThanOrEqualTo', proficiency: 2 }],
          languageSkillConditions: [],
          operation: 'And',
        },
        {
          routingSkillConditions: [],
          languageSkillConditions: [
            { languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 },
            { languageSkill: 'Portuguese', comparator: 'GreaterThanOrEqualTo', proficiency: 3 },
          ],
          operation: 'Or',
        },
      ],
    };
    const billing = [{ name: 'Billing', proficiency: 2 }];
    expect(
      matchesDynamicQuery(billingAndLanguage, { skills: billing, languages: [{ name: 'Portuguese', proficiency: 4 }] }),
    ).toBe(true);
    expect(
      matchesDynamicQuery(billingAndLanguage, { skills: billing, languages: [{ name: 'French', proficiency: 5 }] }),
    ).toBe(false);
    expect(matchesDynamicQuery(billingAndLanguage, { languages: [{ name: 'Spanish', proficiency: 5 }] })).toBe(false);
    const notSales: DynamicGroupQuery = {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Sales', comparator: 'GreaterThan', proficiency: 0 }],
          languageSkillConditions: [],
          operation: 'Not',
        },
      ],
    };
    expect(matchesDynamicQuery(notSales, { skills: [{ name: 'Sales', proficiency: 1 }] })).toBe(false);
    expect(matchesDynamicQuery(notSales, { skills: [{ name: 'Sales', proficiency: 0 }] })).toBe(true);
    expect(matchesDynamicQuery(notSales, {})).toBe(true);
  });
  it('applies child conditions, and matches nobody with an empty query or an unknown comparator', () => {
    const withChild: DynamicGroupQuery = {
      skillConditions: [
        {
          routingSkillConditions: [
            {
              routingSkill: 'Billing',
              comparator: 'EqualTo',
              proficiency: 4,
              childConditions: [
                {
                  routingSkillConditions: [],
                  languageSkillConditions: [
                    { languageSkill: 'German', comparator: 'LessThanOrEqualTo', proficiency: 2 },
                  ],
                  operation: 'And',
                },
              ],
            },
          ],
          languageSkillConditions: [],
          operation: 'And',
        },
      ],
    };
    const billing4 = [{ name: 'Billing', proficiency: 4 }];
    expect(matchesDynamicQuery(withChild, { skills: billing4, languages: [{ name: 'German', proficiency: 2 }] })).toBe(
      true,
    );
    expect(matchesDynamicQuery(withChild, { skills: billing4, languages: [{ name: 'German', proficiency: 3 }] })).toBe(
      false,
    );
    expect(matchesDynamicQuery({ skillConditions: [] }, { skills: billing4 })).toBe(false);
    const odd = {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'Roughly', proficiency: 4 }],
          languageSkillConditions: [],
          operation: 'And',
        },
      ],
    } as unknown as DynamicGroupQuery;
    expect(matchesDynamicQuery(odd, { skills: billing4 })).toBe(false);
  });
});
