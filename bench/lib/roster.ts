/**
 * The cost of one whole-group count of the live roster (src/features/groups/roster/roster-model.ts):
 * the same requests the console makes (members pages of 500 with expand presence and routingStatus,
 * four at a time), for the 500- and the 50,000-member groups. Reports the requests made and the time
 * until the counts are ready (median of `runs`, after one warm-up), and how often the console refreshes
 * such a group's counts within a tenth of the rate limit.
 */
import {
  countRoster,
  countsRefreshMs,
  formatInterval,
  readWholeGroup,
  ROSTER_PAGE_SIZE,
  type RosterPage,
} from '../../src/features/groups/roster/roster-model';
import { expectOk, type Api } from './api-client';
import { figure, type Figure } from './report';

export interface RosterBenchOptions {
  runs?: number;
  log?: (line: string) => void;
}

export interface RosterBenchResult {
  group: string;
  members: number;
  requests: number;
  medianMs: number;
  runsMs: number[];
  refreshEvery: string;
  presences: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** One whole-group count: every page read and the counts computed, as the console does. */
export async function countOnce(api: Api, groupId: string) {
  let requests = 0;
  const started = performance.now();
  const reading = await readWholeGroup((pageNumber) => {
    requests++;
    return expectOk<RosterPage>(
      api,
      'GET',
      `/api/v2/groups/${groupId}/members?pageSize=${ROSTER_PAGE_SIZE}&pageNumber=${pageNumber}&sortOrder=ASC&expand=presence,routingStatus`,
    );
  });
  const presence = countRoster(reading.entries, 'presence');
  countRoster(reading.entries, 'routingStatus');
  return { ms: performance.now() - started, requests, members: reading.entries.length, presences: presence.length };
}

export async function runRosterBench(
  api: Api,
  groups: { fiveHundred: string; huge: string },
  options: RosterBenchOptions = {},
): Promise<{ results: RosterBenchResult[]; figures: Figure[] }> {
  const runs = options.runs ?? 3;
  const results: RosterBenchResult[] = [];
  const figures: Figure[] = [];
  for (const [name, groupId] of [
    ['500-member group', groups.fiveHundred],
    ['50k-member group', groups.huge],
  ] as const) {
    await countOnce(api, groupId); // warm-up
    const measured = [];
    for (let i = 0; i < runs; i++) measured.push(await countOnce(api, groupId));
    const last = measured[measured.length - 1]!;
    const result: RosterBenchResult = {
      group: name,
      members: last.members,
      requests: last.requests,
      medianMs: Math.round(median(measured.map((m) => m.ms))),
      runsMs: measured.map((m) => Math.round(m.ms)),
      refreshEvery: formatInterval(countsRefreshMs(last.members)),
      presences: last.presences,
    };
    results.push(result);
    options.log?.(
      `  ${name}: ${result.members} members in ${result.requests} requests, ${result.medianMs} ms (runs ${result.runsMs.join(', ')} ms); counts refresh every ${result.refreshEvery}`,
    );
    figures.push(
      figure(
        'roster',
        `whole-group count, ${name}: requests`,
        result.requests,
        'requests',
        undefined,
        `${result.members} members, pages of ${ROSTER_PAGE_SIZE}`,
      ),
      figure(
        'roster',
        `whole-group count, ${name}: time until counts are ready`,
        result.medianMs,
        'ms',
        name.startsWith('50k') ? { op: '<', limit: 1000 } : undefined,
        `median of ${runs}; the console refreshes these counts every ${result.refreshEvery}`,
      ),
    );
  }
  return { results, figures };
}
