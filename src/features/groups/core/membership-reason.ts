import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { DynamicGroupSkillCondition } from '@/api/generated/model/dynamicGroupSkillCondition';
import type { Group } from '@/api/generated/model/group';

/** Why a person is in the group: added directly, an owner (counted when includeOwners), or matched by rules. */
export type MembershipReason = 'individual' | 'owner' | 'rule';
export const MEMBERSHIP_REASONS: readonly MembershipReason[] = ['individual', 'owner', 'rule'];

/** Each reason's badge, a message: shown with `i18n._(REASON_LABELS[reason])`. */
export const REASON_LABELS: Record<MembershipReason, MessageDescriptor> = {
  individual: msg({ message: 'Individual', comment: 'why a person is a member: added as an individual' }),
  owner: msg({ message: 'Owner', comment: 'why a person is a member: an owner of the group' }),
  rule: msg({ message: 'Rule', comment: "why a person is a member: matched by the group's rules" }),
};

/** How a list of members with the reason is described: "12 members added as individuals" (messages). */
export const REASON_PHRASES: Record<MembershipReason, MessageDescriptor> = {
  individual: msg({
    message: 'added as individuals',
    comment: 'describes a list of members: "12 members added as individuals"',
  }),
  owner: msg({ message: 'in as owners', comment: 'describes a list of members: "12 members in as owners"' }),
  rule: msg({ message: 'in by rule', comment: 'describes a list of members: "12 members in by rule"' }),
};

export const parseReason = (value: string | null): MembershipReason | null =>
  MEMBERSHIP_REASONS.includes(value as MembershipReason) ? (value as MembershipReason) : null;

/** Where each reason comes from. */
export interface ReasonSources {
  /** `GET /groups/{id}/individuals`. */
  individualIds: ReadonlySet<string>;
  /** The group's `owners`, only when `includeOwners` is on (otherwise owning a group is no membership). */
  ownerIds: ReadonlySet<string>;
  /**
   * The members the group's dynamic settings select, evaluated on each member's skills and languages; null
   * where the rules cannot be read (then a member with no other reason is taken to be in by rule, the only
   * way left, and whether an individual or owner also matches the rules is not known).
   */
  ruleIds: ReadonlySet<string> | null;
}

/** The reasons for one member, in the order individual, owner, rule; [] when none is known. */
export const membershipReasons = (userId: string | undefined, sources: ReasonSources): MembershipReason[] => {
  if (!userId) return [];
  const reasons: MembershipReason[] = [];
  if (sources.individualIds.has(userId)) reasons.push('individual');
  if (sources.ownerIds.has(userId)) reasons.push('owner');
  if (sources.ruleIds ? sources.ruleIds.has(userId) : reasons.length === 0) reasons.push('rule');
  return reasons;
};

/** The owners who are members because they own the group: all of them with includeOwners, else none. */
export const memberOwnerIds = (group: {
  owners?: readonly { id?: string }[];
  includeOwners?: Group['includeOwners'];
}): Set<string> =>
  group.includeOwners ? new Set((group.owners ?? []).flatMap((u) => (u.id ? [u.id] : []))) : new Set();

/** A skill or language with a proficiency, as a member's `skills` / `languages` expand carries it. */
export interface Proficiency {
  name?: string;
  proficiency?: number;
}

export interface SkillsOfMember {
  skills?: readonly Proficiency[];
  languages?: readonly Proficiency[];
}

type Comparator = 'EqualTo' | 'NotEqualTo' | 'LessThan' | 'GreaterThan' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo';
const COMPARE: Record<Comparator, (a: number, b: number) => boolean> = {
  EqualTo: (a, b) => a === b,
  NotEqualTo: (a, b) => a !== b,
  LessThan: (a, b) => a < b,
  GreaterThan: (a, b) => a > b,
  GreaterThanOrEqualTo: (a, b) => a >= b,
  LessThanOrEqualTo: (a, b) => a <= b,
};

/**
 * Whether a member's skills and languages satisfy a group's DynamicGroupQuery, read as the embedded server
 * applies it (docs/embedded-server.md): a routing or language condition holds when the member has that
 * skill (name ignoring case) at a proficiency meeting the comparator, and all its childConditions hold; a
 * skill condition combines its conditions by its operation (And: all, Or: any, Not: none); every skill
 * condition of the query must hold; an empty query matches nobody. An unknown comparator or operation
 * matches nothing.
 */
export function matchesDynamicQuery(query: DynamicGroupQuery, member: SkillsOfMember): boolean {
  const has = (list: readonly Proficiency[] | undefined, name: string, comparator: string, level: number) => {
    const compare = COMPARE[comparator as Comparator];
    const wanted = name.toLowerCase();
    return (
      !!compare &&
      (list ?? []).some((s) => (s.name ?? '').toLowerCase() === wanted && compare(s.proficiency ?? NaN, level))
    );
  };
  const holds = (sc: DynamicGroupSkillCondition): boolean => {
    const parts = [
      ...(sc.routingSkillConditions ?? []).map(
        (c) =>
          has(member.skills, c.routingSkill, c.comparator, c.proficiency) && (c.childConditions ?? []).every(holds),
      ),
      ...(sc.languageSkillConditions ?? []).map(
        (c) =>
          has(member.languages, c.languageSkill, c.comparator, c.proficiency) && (c.childConditions ?? []).every(holds),
      ),
    ];
    switch (sc.operation as string) {
      case 'And':
        return parts.every(Boolean);
      case 'Or':
        return parts.some(Boolean);
      case 'Not':
        return !parts.some(Boolean);
      default:
        return false;
    }
  };
  const conditions = query.skillConditions ?? [];
  return conditions.length > 0 && conditions.every(holds);
}
