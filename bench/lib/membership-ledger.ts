/**
 * Checks that no acknowledged membership write was lost. Every (group, user) pair is written by one
 * connection only, one request at a time, so its writes have a well-defined order; replaying them
 * gives the states the group may end in:
 *   acknowledged (202)         → the user is now exactly in the written state
 *   rejected (a definite 4xx)  → nothing changed
 *   unknown (no answer, 5xx)   → either state may hold from here on
 */

export type MembershipState = 'present' | 'absent';

export interface WriteRecord {
  group: string;
  user: string;
  kind: 'add' | 'remove';
  outcome: 'acked' | 'rejected' | 'unknown';
}

export interface LedgerCheck {
  /** (group, user) pairs written during the run. */
  pairs: number;
  /** Pairs whose final state contradicts their last acknowledged write. */
  lost: { group: string; user: string; expected: MembershipState; actual: MembershipState }[];
  /** Members found in a scratch group that no write ever added. */
  unexpected: { group: string; user: string }[];
  /** Pairs whose final state could not be predicted (a write without a definite answer came last). */
  indeterminate: number;
}

const key = (group: string, user: string) => `${group}\u0000${user}`;

/** The allowed final states of each pair, replaying `writes` in order (groups start empty). */
export function allowedStates(writes: readonly WriteRecord[]): Map<string, Set<MembershipState>> {
  const allowed = new Map<string, Set<MembershipState>>();
  for (const w of writes) {
    const k = key(w.group, w.user);
    const current = allowed.get(k) ?? new Set<MembershipState>(['absent']);
    const target: MembershipState = w.kind === 'add' ? 'present' : 'absent';
    if (w.outcome === 'acked') allowed.set(k, new Set([target]));
    else if (w.outcome === 'unknown') allowed.set(k, new Set([...current, target]));
    else allowed.set(k, current);
  }
  return allowed;
}

/** Compares the final membership of each scratch group with the replay of the writes. */
export function checkLedger(
  writes: readonly WriteRecord[],
  finalMembers: ReadonlyMap<string, ReadonlySet<string>>,
): LedgerCheck {
  const allowed = allowedStates(writes);
  const result: LedgerCheck = { pairs: allowed.size, lost: [], unexpected: [], indeterminate: 0 };
  for (const [k, states] of allowed) {
    const [group, user] = k.split('\u0000') as [string, string];
    const actual: MembershipState = finalMembers.get(group)?.has(user) ? 'present' : 'absent';
    if (states.size > 1) {
      result.indeterminate++;
      continue;
    }
    const expected = [...states][0]!;
    if (expected !== actual) result.lost.push({ group, user, expected, actual });
  }
  for (const [group, members] of finalMembers) {
    for (const user of members) if (!allowed.has(key(group, user))) result.unexpected.push({ group, user });
  }
  return result;
}
