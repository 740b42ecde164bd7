/**
 * The cost of finding one member of the 50,000-member group by email, as the members tab does it
 * (src/features/groups/members/member-lookup.ts): the users search, then the hits' groups. The member is
 * taken from the last page of the group's list (name order), where a page-by-page reading finds them
 * last. Reports the p95 time over `finds` finds and the requests of one find, beside the requests a
 * whole-group reading would take.
 */
import { lookUpMembers, readingRequests, type LookupFetchers } from '../../src/features/groups/members/member-lookup';
import type { UserSearchRequest } from '../../src/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '../../src/api/generated/model/usersSearchResponse';
import type { User } from '../../src/api/generated/model/user';
import { expectOk, type Api } from './api-client';
import { figure, median, percentile, round, type Figure } from './report';

export interface FindBenchOptions {
  finds?: number;
  log?: (line: string) => void;
}

export interface FindBenchResult {
  group: string;
  members: number;
  query: string;
  found: boolean;
  requests: number;
  readingRequests: number;
  p95Ms: number | null;
  medianMs: number | null;
  runsMs: number[];
}

interface Listing {
  entities?: Array<{ id?: string; name?: string; email?: string }>;
  total?: number;
  pageCount?: number;
}

/** The fetchers of a find, over the bench's API client. */
export const benchFetchers = (api: Api): LookupFetchers => ({
  search: (request: UserSearchRequest) => expectOk<UsersSearchResponse>(api, 'POST', '/api/v2/users/search', request),
  groupsOf: (ids: string[]) =>
    expectOk<{ entities?: User[] }>(
      api,
      'GET',
      `/api/v2/users?${new URLSearchParams({ id: ids.join(','), pageSize: String(ids.length), expand: 'groups', state: 'any' }).toString()}`,
    ),
});

/** The member in the middle of the group's last page (pages of 25, A–Z), and the group's size. */
export async function lateMember(api: Api, groupId: string) {
  const first = await expectOk<Listing>(api, 'GET', `/api/v2/groups/${groupId}/members?pageSize=25&pageNumber=1`);
  const last = await expectOk<Listing>(
    api,
    'GET',
    `/api/v2/groups/${groupId}/members?pageSize=25&pageNumber=${first.pageCount ?? 1}`,
  );
  const entities = last.entities ?? [];
  const member = entities[Math.floor(entities.length / 2)];
  if (!member?.id || !member.email) throw new Error(`The last page of group ${groupId} has no member with an email.`);
  return { member: { id: member.id, email: member.email }, members: first.total ?? 0 };
}

/**
 * One find as the members tab shows it: the search and the check, then the first page of the members
 * found with the tab's default columns (one users request).
 */
export async function findOnce(
  api: Api,
  groupId: string,
  memberCount: number,
  words: readonly string[],
  fetchers: LookupFetchers,
) {
  const started = performance.now();
  const found = await lookUpMembers(groupId, memberCount, words, fetchers);
  let requests = found.requests;
  const page = (found.ids ?? []).slice(0, 25);
  if (page.length) {
    await expectOk(
      api,
      'GET',
      `/api/v2/users?${new URLSearchParams({ id: page.join(','), pageSize: String(page.length), state: 'any', expand: 'presence,routingStatus' }).toString()}`,
    );
    requests++;
  }
  return { ms: performance.now() - started, requests, ids: found.ids };
}

/** The result of `finds` timed finds (after one warm-up), as figures. */
export function findFigures(result: FindBenchResult): Figure[] {
  const note = `${result.members} members; member from the last page, found by email; a whole-group reading takes ${result.readingRequests} requests`;
  return [
    figure(
      'find',
      `find a member, ${result.group}: requests`,
      result.requests,
      'requests',
      { op: '<=', limit: 3 },
      note,
    ),
    figure(
      'find',
      `find a member, ${result.group}: p95 time`,
      result.p95Ms,
      'ms',
      { op: '<', limit: 1000 },
      `p95 of ${result.runsMs.length} finds (median ${result.medianMs ?? '—'} ms)${result.found ? '' : '; the member was NOT found'}`,
    ),
  ];
}

export async function runFindBench(
  api: Api,
  groups: { huge: string },
  options: FindBenchOptions = {},
): Promise<{ results: FindBenchResult[]; figures: Figure[] }> {
  const finds = options.finds ?? 20;
  const { member, members } = await lateMember(api, groups.huge);
  const words = [member.email.toLowerCase()];
  const fetchers = benchFetchers(api);
  await findOnce(api, groups.huge, members, words, fetchers); // warm-up
  const runsMs: number[] = [];
  let last: Awaited<ReturnType<typeof findOnce>> | undefined;
  for (let i = 0; i < finds; i++) {
    last = await findOnce(api, groups.huge, members, words, fetchers);
    runsMs.push(Math.round(last.ms));
  }
  const result: FindBenchResult = {
    group: '50k-member group',
    members,
    query: member.email,
    found: !!last?.ids?.includes(member.id),
    requests: last?.requests ?? 0,
    readingRequests: readingRequests(members),
    p95Ms: round(percentile(runsMs, 95), 0),
    medianMs: round(median(runsMs), 0),
    runsMs,
  };
  options.log?.(
    `  ${result.group}: found ${result.found ? 'yes' : 'NO'} in ${result.requests} requests (reading: ${result.readingRequests}); p95 ${result.p95Ms} ms, median ${result.medianMs} ms over ${finds} finds`,
  );
  return { results: [result], figures: findFigures(result) };
}
