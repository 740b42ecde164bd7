import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import {
  getGetGroupDynamicSettingsQueryOptions,
  getListGroupMembersQueryKey,
  listGroupMembers,
  getListGroupIndividualsQueryKey,
  listGroupIndividuals,
} from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { memberOwnerIds, membershipReasons, type MembershipReason } from '../core/membership-reason';
import { idSetInSlices, READ_CONCURRENCY, readAllPages, ROSTER_PAGE_SIZE } from '../roster/roster-model';
import { readIndividualIdsInWorker, readRuleEntriesInWorker, workersAvailable } from '../roster/read-in-worker';
import { idsByName, toRuleEntry } from '../roster/roster-read-service';
import { useReadProgressStore, type ReadProgressSource } from '../roster/read-progress';

/**
 * What is known of the group's dynamic rules: still loading, none (404), some, or unknown (not
 * readable by this user, or the read failed).
 */
export type RulesPresence = 'loading' | 'none' | 'some' | 'unknown';

const NO_IDS: ReadonlySet<string> = new Set();
const NO_RULE_IDS: string[] = [];

/** How long a reading of who is in by rule is used before it is read again (membership changes refresh it at once). */
export const RULE_READING_STALE_MS = 5 * 60_000;

export interface MemberReasons {
  /** A member's reasons; [] until every source of them is in. */
  reasonsFor: (userId: string | undefined) => MembershipReason[];
  /** Whole-group count of each reason, where known. */
  counts: Partial<Record<MembershipReason, number>>;
  /** Every member with the reason, A–Z; undefined while it is read. */
  idsWith: (reason: MembershipReason) => string[] | undefined;
  /** The rules cannot be read: "rule" is taken to be the reason of whoever has no other. */
  inferred: boolean;
  /** Pages read of the whole-group reading for the rules, and its page count (useReadProgress). */
  progress: ReadProgressSource;
  error: unknown;
  refetch: () => void;
}

/**
 * Why each member is in the group, from what the API says rather than by elimination: individuals from
 * `GET …/individuals`, owners from the group's `owners` when `includeOwners` is on, and rule members by
 * applying the group's dynamic settings (`GET …/dynamicsettings`) to every member's skills and languages
 * (`GET …/members?expand=skills,languages`, 500 a page, read once and kept for RULE_READING_STALE_MS).
 * The real API lists no "members by rule" (its preview answers only a count): see docs/real-org.md.
 *
 * `wanted`: a reason filter is on, so the lists are needed even where the page's labels are not.
 * `shown`: the members the page shows, where the caller knows them (undefined: any member may be shown).
 * `labelsNow`: what only the labels need may be read now (the members tab waits for its rows to paint);
 * a reason filter reads at once.
 */
export function useMemberReasons(
  group: Group,
  rules: RulesPresence,
  wanted: boolean,
  shown?: readonly { id?: string }[],
  labelsNow = true,
): MemberReasons {
  const groupId = group.id ?? '';
  const ownerIds = useMemo(() => memberOwnerIds(group), [group]);
  // Without rules, whoever is not an owner was added directly: the labels need the list of individuals
  // (12 MB for a group of 100,000) only to tell whether an owner on the page was added too, and not at
  // all when owners are not counted; the filter needs it either way.
  const withoutRules = rules === 'none';
  const everyoneIndividual = withoutRules && group.includeOwners === false;
  const ownerShown = !shown || shown.some((user) => !!user.id && ownerIds.has(user.id));
  const labelsNeedIndividuals = !everyoneIndividual && (!withoutRules || ownerShown);
  // Only the ids in name order are kept (under the individuals key, so what refreshes them refreshes this);
  // a group of more than one members page has them read and sorted in a Web Worker.
  const individuals = useQuery({
    queryKey: [...getListGroupIndividualsQueryKey(groupId), { idsByName: true }],
    queryFn: async ({ signal }) => {
      const onPage = async () => ({
        entries: idsByName((await listGroupIndividuals(groupId, signal)).entities ?? []).map((id) => ({ id })),
        requests: 1,
        total: 0,
      });
      const reading =
        (group.memberCount ?? 0) > ROSTER_PAGE_SIZE && workersAvailable()
          ? await readIndividualIdsInWorker(groupId, { signal, fallback: onPage })
          : await onPage();
      const ids = reading.entries.map((e) => e.id);
      // The lookup set is built here, in slices, not in a render: see idSetInSlices.
      return { ids, set: await idSetInSlices(ids) };
    },
    enabled: !!groupId && rules !== 'loading' && (wanted || (labelsNeedIndividuals && labelsNow)),
  });
  // The same query (and cache entry) as the group page's rules tab.
  const settings = useQuery(
    getGetGroupDynamicSettingsQueryOptions(groupId, {
      query: { enabled: rules === 'some', retry: false, throwOnError: false, meta: { silent: true } },
    }),
  );
  const query = settings.data?.query;
  const progress = useReadProgressStore();
  const reading = useQuery({
    // Under the members key, so a membership change refreshes it; the rules' date, so a rule change does.
    queryKey: [
      ...getListGroupMembersQueryKey(groupId),
      { reasons: query ? 'rules' : 'ids', rulesModified: settings.data?.dateModified ?? null },
    ],
    queryFn: async ({ signal }) => {
      const onProgress = progress.set;
      const onPage = () =>
        readAllPages(
          (pageNumber) =>
            listGroupMembers(
              groupId,
              {
                pageSize: ROSTER_PAGE_SIZE,
                pageNumber,
                sortOrder: 'ASC',
                ...(query ? { expand: ['skills', 'languages'] } : {}),
              },
              signal,
            ),
          toRuleEntry(query ?? null),
          READ_CONCURRENCY,
          onProgress,
        );
      // A group of more than one page is read in a Web Worker, as the roster is (roster/read-in-worker.ts).
      const read =
        (group.memberCount ?? 0) > ROSTER_PAGE_SIZE && workersAvailable()
          ? await readRuleEntriesInWorker(groupId, query ?? null, { signal, onProgress, fallback: onPage })
          : await onPage();
      // Who the rules take in, with its lookup set built here in slices (idSetInSlices), not in a render.
      const ruleIds = read.entries.filter((e) => e.rule).map((e) => e.id);
      return { ...read, ruleIds, ruleSet: await idSetInSlices(ruleIds) };
    },
    enabled: !!groupId && (rules === 'some' ? !!query && (wanted || labelsNow) : rules === 'unknown' && wanted),
    staleTime: RULE_READING_STALE_MS,
  });

  const individualIds = individuals.data?.set ?? NO_IDS;
  const ruleIds = rules === 'none' ? NO_RULE_IDS : rules === 'some' ? reading.data?.ruleIds : null;
  const ruleSet = rules === 'none' ? NO_IDS : rules === 'some' ? reading.data?.ruleSet : null;

  const reasonsFor = useCallback(
    (id: string | undefined): MembershipReason[] => {
      if (!id || rules === 'loading' || ruleSet === undefined) return [];
      if (everyoneIndividual) return ownerIds.has(id) ? ['individual', 'owner'] : ['individual'];
      if (withoutRules && !ownerIds.has(id)) return ['individual'];
      if (!individuals.data) return [];
      return membershipReasons(id, { individualIds, ownerIds, ruleIds: ruleSet });
    },
    [rules, ruleSet, everyoneIndividual, withoutRules, individuals.data, individualIds, ownerIds],
  );

  const lists = useMemo((): Partial<Record<MembershipReason, string[]>> => {
    const owners = idsByName((group.owners ?? []).filter((u) => u.id && ownerIds.has(u.id)));
    const added = individuals.data?.ids;
    let rule = ruleIds ?? undefined;
    if (ruleIds === null && reading.data && added) {
      // The rules cannot be read: whoever is neither added nor an owner is in by rule.
      rule = reading.data.entries.map((e) => e.id).filter((id) => !individualIds.has(id) && !ownerIds.has(id));
    }
    return { individual: added, owner: owners, rule };
  }, [group.owners, ownerIds, individuals.data, individualIds, ruleIds, reading.data]);

  const counts = useMemo(
    (): Partial<Record<MembershipReason, number>> => ({
      individual: everyoneIndividual && !lists.individual ? (group.memberCount ?? undefined) : lists.individual?.length,
      owner: lists.owner?.length,
      rule: lists.rule?.length,
    }),
    [everyoneIndividual, group.memberCount, lists],
  );

  return {
    reasonsFor,
    counts,
    idsWith: (reason) => lists[reason],
    inferred: rules === 'unknown',
    progress,
    error: individuals.error ?? reading.error ?? (rules === 'some' ? settings.error : null),
    refetch: () => {
      if (individuals.isError) void individuals.refetch();
      if (reading.isError) void reading.refetch();
      if (settings.isError) void settings.refetch();
    },
  };
}
