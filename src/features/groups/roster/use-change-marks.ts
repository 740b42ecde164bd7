import { t } from '@lingui/core/macro';
import { useCallback, useEffect, useState } from 'react';
import type { User } from '@/api/generated/model/user';
import { statusInSentence, statusLabel } from '../core/status-counts';
import { toRosterEntry, type RosterEntry, type RosterKind } from './roster-model';

/** How long a change stays marked. */
export const CHANGE_MARK_MS = 8_000;

/** "now Available", "now off queue". */
export const describeChange = (kind: RosterKind, to: string): string => {
  const status = kind === 'presence' ? statusLabel(to) : statusInSentence(to);
  return t({ message: `now ${status}`, comment: 'a member\'s new status, marked on their row: "now Available"' });
};

/** The marks for the members of `users` whose shown status differs from what `last` held for them. */
export function changeMarks(last: ReadonlyMap<string, RosterEntry>, users: readonly User[]): Map<string, string> {
  const marks = new Map<string, string>();
  for (const user of users) {
    const now = toRosterEntry(user);
    const was = last.get(now.id);
    if (!was) continue;
    const parts: string[] = [];
    for (const kind of ['presence', 'routingStatus'] as const) {
      // Both known: a column just added is not a change.
      if (was[kind] && now[kind] && was[kind] !== now[kind]) parts.push(describeChange(kind, now[kind]));
    }
    if (parts.length) marks.set(now.id, parts.join(', '));
  }
  return marks;
}

interface Tracked {
  users: readonly User[] | undefined;
  last: Map<string, RosterEntry>;
  marks: Map<string, string>;
}

/**
 * Marks the rows whose presence or routing status changed since the previous refresh of the page, for
 * CHANGE_MARK_MS: `markFor(id)` is the change ("now Available") or undefined. Rows keep their place;
 * only their mark appears.
 */
export function useChangeMarks(users: readonly User[] | undefined): (id: string | undefined) => string | undefined {
  const [tracked, setTracked] = useState<Tracked>({ users: undefined, last: new Map(), marks: new Map() });
  if (users !== tracked.users) {
    const fresh = users ? changeMarks(tracked.last, users) : new Map<string, string>();
    const last = new Map(tracked.last);
    for (const user of users ?? []) {
      const entry = toRosterEntry(user);
      if (entry.id) last.set(entry.id, entry);
    }
    setTracked({ users, last, marks: fresh.size ? fresh : tracked.marks });
  }
  const { marks } = tracked;
  useEffect(() => {
    if (marks.size === 0) return;
    const timer = setTimeout(
      () => setTracked((t) => (t.marks === marks ? { ...t, marks: new Map() } : t)),
      CHANGE_MARK_MS,
    );
    return () => clearTimeout(timer);
  }, [marks]);
  return useCallback((id) => (id ? marks.get(id) : undefined), [marks]);
}
