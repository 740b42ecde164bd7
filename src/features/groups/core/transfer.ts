import { isApiError } from '@/api/errors';
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, plural, t } from '@lingui/core/macro';
import { runMembershipBatches, type BatchProgress, type BatchRunResult, type MembershipApi } from './batch-membership';
import { waitOutRateLimit } from '@/api/rate-limit';
import { REASON_LABELS, membershipReasons, type MembershipReason, type ReasonSources } from './membership-reason';

/**
 * Copy or move members from one group to another, and add or remove one person in many groups: the
 * same batches of 50 (runMembershipBatches: the group's version, a 409 re-read and retried once) with
 * a sifting `send` that takes out, and reports, the ids the API refuses one by one (unknown user, at
 * the group limit) and sends the rest, and a 429 that waits (Retry-After) and resumes.
 * The API functions are parameters: the logic is tested without a server.
 */

export type Outcome =
  'added' | 'removed' | 'alreadyMember' | 'notMember' | 'notFound' | 'limit' | 'permission' | 'failed' | 'cancelled';

/** Each outcome's label (report badges and the report CSV), a message: `i18n._(OUTCOME_LABELS.added)`. */
export const OUTCOME_LABELS: Record<Outcome, MessageDescriptor> = {
  added: msg({ message: 'Added', comment: 'outcome of adding a person to a group' }),
  removed: msg({ message: 'Removed', comment: 'outcome of removing a person from a group' }),
  alreadyMember: msg`Already a member`,
  notMember: msg`Not a member`,
  notFound: msg({ message: 'Not found', comment: 'outcome: the person was not found' }),
  limit: msg`At the membership limit`,
  permission: msg`No permission`,
  failed: msg({ message: 'Failed', comment: 'outcome of a membership change' }),
  cancelled: msg({ message: 'Cancelled', comment: 'outcome of a membership change' }),
};

/** The outcomes' labels in the page's language (for outcomeStyles, called at render time). */
export const outcomeLabels = (): Record<Outcome, string> =>
  Object.fromEntries((Object.keys(OUTCOME_LABELS) as Outcome[]).map((o) => [o, i18n._(OUTCOME_LABELS[o])])) as Record<
    Outcome,
    string
  >;

/** How many had an outcome, in words: "2 already members", "1 added", "3 at the membership limit". */
export const outcomeCount = (outcome: Outcome, count: number): string => {
  switch (outcome) {
    case 'added':
      return plural(count, { one: '# added', other: '# added' });
    case 'removed':
      return plural(count, { one: '# removed', other: '# removed' });
    case 'alreadyMember':
      return plural(count, { one: '# already a member', other: '# already members' });
    case 'notMember':
      return plural(count, { one: '# not a member', other: '# not members' });
    case 'notFound':
      return plural(count, { one: '# not found', other: '# not found' });
    case 'limit':
      return plural(count, { one: '# at the membership limit', other: '# at the membership limit' });
    case 'permission':
      return plural(count, { one: '# refused (no permission)', other: '# refused (no permission)' });
    case 'failed':
      return plural(count, { one: '# failed', other: '# failed' });
    case 'cancelled':
      return plural(count, { one: '# cancelled', other: '# cancelled' });
  }
};

/**
 * Fills the "why" of the lines of one group that were done or needed nothing, from the membership
 * reasons (individual, owner, rule): those added are in as individuals; those already in are in for
 * their reasons there; those removed were in as individuals. Lines that already say why keep it.
 */
export const explainLines = (
  lines: readonly ReportLine[],
  groupId: string,
  sources: ReasonSources | null,
): ReportLine[] =>
  lines.map((l) => {
    if (l.reason || l.groupId !== groupId) return l;
    const reasons: MembershipReason[] =
      l.outcome === 'added' || l.outcome === 'removed'
        ? ['individual']
        : l.outcome === 'alreadyMember' && sources
          ? membershipReasons(l.person.id, sources)
          : [];
    return reasons.length ? { ...l, reason: reasons.map((r) => i18n._(REASON_LABELS[r])).join(', ') } : l;
  });

/** Outcomes that mean "done as asked" (nothing left to do). */
export const SETTLED: ReadonlySet<Outcome> = new Set(['added', 'removed', 'alreadyMember', 'notMember']);

export interface Person {
  id: string;
  name?: string;
  email?: string;
}

export interface ReportLine {
  person: Person;
  groupId: string;
  groupName?: string;
  action: 'add' | 'remove';
  outcome: Outcome;
  /** Why, in words, when not done (the server's message). */
  reason?: string;
}

export interface MembershipCalls {
  /** The group's current version (a fresh read). */
  fetchVersion: (groupId: string) => Promise<number>;
  add: (groupId: string, ids: string[], version: number) => Promise<unknown>;
  remove: (groupId: string, ids: string[], version: number) => Promise<unknown>;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Called while a 429 is waited out (seconds), and with null when it resumes. */
  onWait?: (seconds: number | null) => void;
}

const statusOf = (error: unknown) => (isApiError(error) ? error.status : undefined);
const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : t`Unknown error`;

/** The outcome a whole-batch failure gives every id it left undone. */
export const outcomeOfError = (error: unknown): Outcome => {
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError') {
    return 'cancelled';
  }
  const status = statusOf(error);
  if (status === 403) return 'permission';
  if (status === 404) return 'notFound';
  return 'failed';
};

/** The ids a 400 names one by one (`details[].entityId`) and why: unknown users, or users at the limit. */
export const refusedIds = (
  error: unknown,
  batch: readonly string[],
): Map<string, { outcome: Outcome; reason: string }> => {
  const out = new Map<string, { outcome: Outcome; reason: string }>();
  if (!isApiError(error) || error.status !== 400) return out;
  const inBatch = new Set(batch);
  const limit = /at most \d+ .*groups|limit/i.test(error.message);
  for (const d of error.body.details ?? []) {
    if (!d.entityId || !inBatch.has(d.entityId)) continue;
    if (d.errorCode === 'not.found') out.set(d.entityId, { outcome: 'notFound', reason: 'No such user.' });
    else if (limit) out.set(d.entityId, { outcome: 'limit', reason: error.message });
  }
  return out;
};

/**
 * A `send` for runMembershipBatches that sifts: when the API refuses named ids of a batch, those are
 * recorded and the rest is sent again with the same version (a refused request changed nothing). A 429
 * waits and resumes. Resolves with the version after the batch.
 */
const siftingSend =
  (
    call: (ids: string[], version: number) => Promise<unknown>,
    refused: Map<string, { outcome: Outcome; reason: string }>,
    options: RunOptions,
  ): MembershipApi['send'] =>
  async (batch, version) => {
    let remaining = [...batch];
    while (remaining.length > 0) {
      try {
        await waitOutRateLimit(() => call(remaining, version), options);
        return version + 1;
      } catch (error) {
        const named = refusedIds(error, remaining);
        if (named.size === 0) throw error;
        for (const [id, why] of named) refused.set(id, why);
        remaining = remaining.filter((id) => !named.has(id));
      }
    }
    return version;
  };

export interface GroupChange {
  groupId: string;
  groupName?: string;
  action: 'add' | 'remove';
  people: readonly Person[];
  /** Ids already in the group (add) / not in it (remove): reported, not sent. */
  skip?: ReadonlySet<string>;
}

/** Applies one change to one group in batches and returns a report line per person. */
export const changeGroup = async (
  change: GroupChange,
  calls: MembershipCalls,
  options: RunOptions = {},
): Promise<ReportLine[]> => {
  const { groupId, groupName, action } = change;
  const line = (person: Person, outcome: Outcome, reason?: string): ReportLine => ({
    person,
    groupId,
    groupName,
    action,
    outcome,
    ...(reason ? { reason } : {}),
  });
  const skip = change.skip ?? new Set<string>();
  const toSend = change.people.filter((p) => !skip.has(p.id));
  const refused = new Map<string, { outcome: Outcome; reason: string }>();
  let result: BatchRunResult = { doneIds: [], failedIds: [], conflicts: 0 };
  if (toSend.length) {
    const send = action === 'add' ? calls.add : calls.remove;
    result = await runMembershipBatches({
      ids: toSend.map((p) => p.id),
      signal: options.signal,
      onProgress: options.onProgress,
      api: {
        fetchVersion: () => waitOutRateLimit(() => calls.fetchVersion(groupId), options),
        send: siftingSend((ids, version) => send(groupId, ids, version), refused, options),
      },
    }).catch((error: unknown) => ({ doneIds: [], failedIds: toSend.map((p) => p.id), error, conflicts: 0 }));
  }
  const done = new Set(result.doneIds);
  const failed = new Set(result.failedIds);
  return change.people.map((person) => {
    if (skip.has(person.id)) return line(person, action === 'add' ? 'alreadyMember' : 'notMember');
    const why = refused.get(person.id);
    if (why) return line(person, why.outcome, why.reason);
    if (done.has(person.id)) return line(person, action === 'add' ? 'added' : 'removed');
    if (failed.has(person.id)) {
      const outcome = options.signal?.aborted ? 'cancelled' : outcomeOfError(result.error);
      return line(person, outcome, outcome === 'cancelled' ? undefined : messageOf(result.error));
    }
    return line(person, 'failed', t`Not sent.`);
  });
};

export interface TransferPlan {
  mode: 'copy' | 'move';
  source: { id: string; name?: string };
  target: { id: string; name?: string };
  people: readonly Person[];
  /** Current members of the target (read before the run). */
  targetMemberIds: ReadonlySet<string>;
}

export interface TransferReport {
  /** One line per person and group touched: added to the target, then (move) removed from the source. */
  lines: ReportLine[];
}

/**
 * A copy or move's people already in the target: "1 of them is already in Sales and stays as they
 * are.", "2 of them are already in Sales and stay as they are." Empty for none.
 */
export const alreadyInTargetSentence = (already: number, targetName: string): string =>
  already > 0
    ? plural(already, {
        one: `# of them is already in ${targetName} and stays as they are.`,
        other: `# of them are already in ${targetName} and stay as they are.`,
      })
    : '';

/**
 * Copy: adds to the target everyone not already in it. Move: the same, then removes from the source
 * only those the target took (added now); everyone else stays where they were, and the report says why.
 */
export const runTransfer = async (
  plan: TransferPlan,
  calls: MembershipCalls,
  options: RunOptions & { onPhase?: (phase: 'add' | 'remove') => void } = {},
): Promise<TransferReport> => {
  options.onPhase?.('add');
  const adds = await changeGroup(
    {
      groupId: plan.target.id,
      groupName: plan.target.name,
      action: 'add',
      people: plan.people,
      skip: plan.targetMemberIds,
    },
    calls,
    options,
  );
  if (plan.mode === 'copy') return { lines: adds };
  const added = adds.filter((l) => l.outcome === 'added').map((l) => l.person);
  if (added.length === 0 || options.signal?.aborted) return { lines: adds };
  options.onPhase?.('remove');
  const removes = await changeGroup(
    { groupId: plan.source.id, groupName: plan.source.name, action: 'remove', people: added },
    calls,
    options,
  );
  return { lines: [...adds, ...removes] };
};

export interface ReportSummary {
  outcome: Outcome;
  action: 'add' | 'remove';
  groupId: string;
  groupName?: string;
  count: number;
}

/** Counts per group, action and outcome, in the order first met (for the report's headline). */
export const summarise = (lines: readonly ReportLine[]): ReportSummary[] => {
  const out = new Map<string, ReportSummary>();
  for (const l of lines) {
    const key = `${l.groupId}\u0000${l.action}\u0000${l.outcome}`;
    const found = out.get(key);
    if (found) found.count += 1;
    else out.set(key, { outcome: l.outcome, action: l.action, groupId: l.groupId, groupName: l.groupName, count: 1 });
  }
  return [...out.values()];
};

/** Whether everything asked was done (or needed nothing). */
export const allSettled = (lines: readonly ReportLine[]): boolean => lines.every((l) => SETTLED.has(l.outcome));

/** The report as CSV rows (header first), for download: for people to read, in the page's language. */
export const reportRows = (lines: readonly ReportLine[]): string[][] => [
  [
    t({ message: 'Name', comment: "report column: the person's name" }),
    t({ message: 'Email', comment: "report column: the person's email" }),
    t`User id`,
    t({ message: 'Group', comment: 'report column: the group changed' }),
    t`Group id`,
    t({ message: 'Action', comment: 'report column: add or remove' }),
    t({ message: 'Outcome', comment: 'report column' }),
    t({ message: 'Reason', comment: 'report column: why, when not done' }),
  ],
  ...lines.map((l) => [
    l.person.name ?? '',
    l.person.email ?? '',
    l.person.id,
    l.groupName ?? '',
    l.groupId,
    l.action === 'add'
      ? t({ message: 'Add', comment: 'report: the action was adding the person' })
      : t({ message: 'Remove', comment: 'report: the action was removing the person' }),
    i18n._(OUTCOME_LABELS[l.outcome]),
    l.reason ?? '',
  ]),
];
