/** Why a person is in the group: added directly, an owner (counted when includeOwners), or matched by rules. */
export type MembershipReason = 'individual' | 'owner' | 'rule';

export const REASON_LABELS: Record<MembershipReason, string> = {
  individual: 'Individual',
  owner: 'Owner',
  rule: 'Rule',
};

/**
 * The reasons for one member. "rule" is derived: a member who is neither an individual nor an owner
 * can only be there through the group's dynamic rules.
 */
export const membershipReasons = (
  userId: string | undefined,
  individualIds: ReadonlySet<string>,
  ownerIds: ReadonlySet<string>,
): MembershipReason[] => {
  if (!userId) return [];
  const reasons: MembershipReason[] = [];
  if (individualIds.has(userId)) reasons.push('individual');
  if (ownerIds.has(userId)) reasons.push('owner');
  return reasons.length ? reasons : ['rule'];
};
