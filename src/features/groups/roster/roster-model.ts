import { PAGE_SIZE_MAXIMA } from '@/api/generated/contract';
import { compareNames } from '@/lib/locale';

/**
 * The live roster's logic, free of React and of the API client (the bench uses it too): reading the
 * whole group's presence and routing status in the members endpoint's largest pages, counting it,
 * what changed between two readings, and how often a roster of a given size may refresh.
 *
 * Why the members endpoint and not the analytics user activity query: see docs/roster.md.
 */

/** The members endpoint's largest page (pageSize 1 to 500, the listings convention in openapi/groups.yaml). */
export const ROSTER_PAGE_SIZE: number = PAGE_SIZE_MAXIMA.listGroupMembers;
/** The API's rate limit per token. */
export const RATE_LIMIT_PER_MINUTE = 300;
/** What one open roster may spend: a tenth of the rate limit. */
export const ROSTER_BUDGET_PER_MINUTE = RATE_LIMIT_PER_MINUTE / 10;
/** The visible page refreshes this often (one request each time). */
export const VISIBLE_PAGE_REFRESH_MS = 5_000;
/** Whole-group counts never refresh more often than this, however small the group. */
export const MIN_COUNTS_REFRESH_MS = 15_000;
/** Pages of the whole-group reading fetched at once. */
export const READ_CONCURRENCY = 4;

export type RosterKind = 'presence' | 'routingStatus';

/** One member's status as the roster knows it. */
export interface RosterEntry {
  id: string;
  name: string;
  /** System presence ("Available", "On Queue"), '' when unknown. */
  presence: string;
  /** The org presence definition's id, '' when unknown. */
  definitionId: string;
  /** Routing status ("IDLE", "OFF_QUEUE"), '' when unknown. */
  routingStatus: string;
  /** For finding a member by email (members/member-search.ts), '' when unknown. */
  email: string;
}

export interface RosterCount {
  kind: RosterKind;
  value: string;
  count: number;
}

export interface RosterReading {
  /** Members in the group's name order (the order of the pages read). */
  entries: RosterEntry[];
  /** Requests made to read it. */
  requests: number;
  /** The total the members endpoint reported. */
  total: number;
}

/** What a members page must carry for the roster (a subset of the User model). */
export interface RosterUser {
  id?: string;
  name?: string;
  email?: string;
  presence?: { presenceDefinition?: { id?: string; systemPresence?: string } };
  routingStatus?: { status?: string };
}

export interface RosterPage {
  entities?: RosterUser[];
  total?: number;
  pageCount?: number;
}

export const toRosterEntry = (user: RosterUser): RosterEntry => ({
  id: user.id ?? '',
  name: user.name ?? '',
  presence: user.presence?.presenceDefinition?.systemPresence ?? '',
  definitionId: user.presence?.presenceDefinition?.id ?? '',
  routingStatus: user.routingStatus?.status ?? '',
  email: user.email ?? '',
});

/**
 * Reads every member: page 1 (which tells the page count), then the other pages `concurrency` at a
 * time. `fetchPage(n)` asks for page n of ROSTER_PAGE_SIZE with expand presence and routingStatus.
 * A member seen twice (the list moved under the paging) is kept once.
 */
export const readWholeGroup = (
  fetchPage: (pageNumber: number) => Promise<RosterPage>,
  concurrency = READ_CONCURRENCY,
  /** Called after each page with the pages read and the page count. */
  onProgress?: (read: number, of: number) => void,
): Promise<RosterReading> => readAllPages(fetchPage, toRosterEntry, concurrency, onProgress);

/**
 * Reads every page of a paged member listing, page 1 first (it tells the page count), then the rest
 * `concurrency` at a time, keeping `toEntry` of each member in page order; a member seen twice (the list
 * moved under the paging) is kept once. The roster and the members tab's reasons read groups with it.
 */
export async function readAllPages<U, E extends { id: string }>(
  fetchPage: (pageNumber: number) => Promise<{ entities?: U[]; total?: number; pageCount?: number }>,
  toEntry: (user: U) => E,
  concurrency = READ_CONCURRENCY,
  onProgress?: (read: number, of: number) => void,
): Promise<{ entries: E[]; requests: number; total: number }> {
  // Each page is turned into entries as it arrives, so no more than `concurrency` pages of full User
  // models are held at once (50,000 of them would be some 70 MB of JSON).
  const byPage: E[][] = [];
  let read = 0;
  let pageCount = 1;
  const keep = (n: number, page: { entities?: U[] }) => {
    byPage[n - 1] = (page.entities ?? []).map(toEntry);
    onProgress?.(++read, pageCount);
  };
  const first = await fetchPage(1);
  pageCount = Math.max(1, first.pageCount ?? 1);
  keep(1, first);
  let next = 2;
  const worker = async () => {
    while (next <= pageCount) {
      const n = next++;
      keep(n, await fetchPage(n));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pageCount - 1) }, worker));
  const seen = new Set<string>();
  const entries: E[] = [];
  for (const entry of byPage.flat()) {
    if (!entry.id || seen.has(entry.id)) continue;
    seen.add(entry.id);
    entries.push(entry);
  }
  return { entries, requests: pageCount, total: first.total ?? entries.length };
}

/** How many ids `idSetInSlices` takes in per task: a few milliseconds of a phone's main thread. */
export const ID_SET_SLICE = 5_000;

/**
 * A Set of `ids`, built a slice at a time with a turn of the event loop between slices: for a group of
 * 100,000 members, one `new Set(ids)` is a task of about 80 ms on the page's thread (300 ms on a phone).
 */
export async function idSetInSlices(ids: readonly string[], slice = ID_SET_SLICE): Promise<ReadonlySet<string>> {
  const set = new Set<string>();
  for (let start = 0; start < ids.length; start += slice) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = start; i < Math.min(start + slice, ids.length); i++) set.add(ids[i]!);
  }
  return set;
}

/** How many members have each value of `kind`, largest first (ties by name); unknown values left out. */
export function countRoster(entries: readonly RosterEntry[], kind: RosterKind): RosterCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const value = entry[kind];
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ kind, value, count }))
    .sort((a, b) => b.count - a.count || compareNames(a.value, b.value));
}

/** A reading's counts by presence and by routing status. */
export interface RosterCounts {
  presence: RosterCount[];
  routingStatus: RosterCount[];
}

export const rosterCounts = (entries: readonly RosterEntry[]): RosterCounts => ({
  presence: countRoster(entries, 'presence'),
  routingStatus: countRoster(entries, 'routingStatus'),
});

/** Counts taken where the reading was made (a Web Worker), by the entries they were taken of. */
const countedElsewhere = new WeakMap<readonly RosterEntry[], RosterCounts>();

/** Records the counts of these very entries, taken off the page's thread. */
export const rememberCounts = (entries: readonly RosterEntry[], counts: RosterCounts): void => {
  countedElsewhere.set(entries, counts);
};

/**
 * The counts of these entries: those taken with the reading when it was made in a worker (counting
 * 100,000 members twice was a long task on a phone's main thread), else counted here. Entries changed
 * since (a push event makes a new array) are counted again.
 */
export const countsOf = (entries: readonly RosterEntry[]): RosterCounts =>
  countedElsewhere.get(entries) ?? rosterCounts(entries);

/** The ids of the members whose `kind` is `value`, in the reading's order. */
export const idsWith = (entries: readonly RosterEntry[], kind: RosterKind, value: string): string[] =>
  entries.filter((e) => e[kind] === value).map((e) => e.id);

export interface RosterChange {
  id: string;
  name: string;
  kind: RosterKind;
  from: string;
  to: string;
}

/**
 * What changed between two readings of the same members: one change per member and kind whose value
 * differs (members who joined or left are not changes of status).
 */
export function diffRoster(before: readonly RosterEntry[], after: readonly RosterEntry[]): RosterChange[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const changes: RosterChange[] = [];
  for (const entry of after) {
    const was = old.get(entry.id);
    if (!was) continue;
    for (const kind of ['presence', 'routingStatus'] as const) {
      if (was[kind] !== entry[kind])
        changes.push({ id: entry.id, name: entry.name, kind, from: was[kind], to: entry[kind] });
    }
  }
  return changes;
}

/** Pages one whole-group reading takes. */
export const pagesFor = (memberCount: number): number => Math.max(1, Math.ceil(memberCount / ROSTER_PAGE_SIZE));

/**
 * How often the whole-group counts may refresh: the roster's budget, less what the visible page
 * spends, pays for one reading per interval; rounded up to 5 s, and never below MIN_COUNTS_REFRESH_MS.
 * 2,321 members (5 requests): every 20 s. 50,000 members (100 requests): every 5 min 35 s.
 */
export function countsRefreshMs(memberCount: number): number {
  const pageRequestsPerMinute = 60_000 / VISIBLE_PAGE_REFRESH_MS;
  const forCounts = ROSTER_BUDGET_PER_MINUTE - pageRequestsPerMinute;
  const ms = (pagesFor(memberCount) / forCounts) * 60_000;
  return Math.max(MIN_COUNTS_REFRESH_MS, Math.ceil(ms / 5_000) * 5_000);
}

/** Requests a minute a roster of that size spends at most: the visible page plus the counts. */
export const requestsPerMinute = (memberCount: number): number =>
  60_000 / VISIBLE_PAGE_REFRESH_MS + (pagesFor(memberCount) * 60_000) / countsRefreshMs(memberCount);

/** An interval in whole minutes and the seconds over: 335,000 ms → 5 min 35 s, 20,000 ms → 0 min 20 s. */
export function intervalParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.round(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/**
 * "20 s", "5 min 35 s", in English: the bench's report (bench/lib/roster.ts). The page words an interval
 * in its language with intervalInWords (roster-panel.tsx); this module stays free of the catalogue, as
 * the Web Worker and the bench load it.
 */
export function formatInterval(ms: number): string {
  const { minutes, seconds } = intervalParts(ms);
  if (minutes === 0) return `${seconds} s`;
  // eslint-disable-next-line lingui/no-unlocalized-strings -- the bench's English report, never shown on the page (intervalInWords is)
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
