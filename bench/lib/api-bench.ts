/**
 * API latency and throughput with autocannon over loopback: listing, search, members pages of the
 * 500- and 50,000-member groups (first and middle page, with and without the six expands), and
 * membership writes on a scratch group. Every response time is kept, so p95 is exact.
 * Reads go without `Accept-Encoding` (the answer as the server builds it); the first pages of the
 * listing, the search and the 50,000-member group are measured again the way the console's browser
 * asks for them, with Brotli, so the cost of compression shows.
 */
import autocannon from 'autocannon';
import { createScratchGroup, deleteGroup, expectOk, groupNameTerms, memberIds, type Api } from './api-client';
import { figure, percentile, round, type Figure } from './report';
import { historyScenarios } from './history-bench';
import type { Scenario } from './scenario';

export const EXPAND = 'presence,routingStatus,station,outOfOffice,skills,languages';
export const MEMBERS_PAGE_SIZE = 25;
/** Terms of the varied search, at most: with both orders, more searches than the 1,024 results the server remembers. */
const VARIED_SEARCH_TERMS = 1500;
/** Chromium's Accept-Encoding. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export type { Scenario } from './scenario';

export interface ScenarioResult {
  name: string;
  method: string;
  path: string;
  requests: number;
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function runScenario(
  api: Api,
  scenario: Scenario,
  options: { connections: number; durationSeconds: number },
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const headers: Record<string, string> = {
    authorization: `Bearer ${api.token}`,
    accept: 'application/json',
    ...(scenario.method === 'GET' ? {} : { 'content-type': 'application/json' }),
    ...(scenario.acceptEncoding ? { 'accept-encoding': scenario.acceptEncoding } : {}),
  };
  const request = scenario.setup
    ? {
        method: scenario.method,
        headers,
        setupRequest: (req: object) => ({ ...req, ...scenario.setup!() }),
      }
    : { method: scenario.method, path: scenario.path, headers, body: scenario.body };
  // Warm-up (not measured): the first requests of a route pay for JIT compilation and cold caches.
  await autocannon({ url: api.url, connections: 2, amount: 20, timeout: 10, requests: [request] });
  const instance = autocannon({
    url: api.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: [request],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  const ms = (p: number) => round(percentile(latencies, p), 2);
  return {
    name: scenario.name,
    method: scenario.method,
    path: scenario.path,
    requests: latencies.length,
    rps: Math.round(latencies.length / Math.max(1, result.duration)),
    p50: ms(50),
    p95: ms(95),
    p99: ms(99),
    max: ms(100),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

interface Listing {
  total?: number;
  pageCount?: number;
}

/** The read scenarios: list, search, and the members pages of both large groups. */
export async function readScenarios(api: Api, groups: { fiveHundred: string; huge: string }): Promise<Scenario[]> {
  const scenarios: Scenario[] = [
    { name: 'GET /groups', method: 'GET', path: '/api/v2/groups?pageSize=25&pageNumber=1', read: true },
    {
      name: 'POST /groups/search CONTAINS',
      method: 'POST',
      path: '/api/v2/groups/search',
      body: JSON.stringify({
        pageSize: 25,
        pageNumber: 1,
        sortBy: 'name',
        sortOrder: 'ASC',
        query: [{ type: 'CONTAINS', fields: ['name'], value: 'support' }],
      }),
      read: true,
    },
  ];
  // The same search with a different term (and order) each time: more distinct requests than the
  // server remembers counts or page links for, so every answer is worked out afresh.
  const terms = await groupNameTerms(api, VARIED_SEARCH_TERMS);
  let searches = 0;
  scenarios.push({
    name: 'POST /groups/search CONTAINS (varied)',
    method: 'POST',
    path: `/api/v2/groups/search (${terms.length} terms, ascending and descending)`,
    setup: () => {
      const n = searches++;
      return {
        path: '/api/v2/groups/search',
        body: JSON.stringify({
          pageSize: 25,
          pageNumber: 1,
          sortBy: 'name',
          sortOrder: Math.floor(n / terms.length) % 2 ? 'DESC' : 'ASC',
          query: [{ type: 'CONTAINS', fields: ['name'], value: terms[n % terms.length] }],
        }),
      };
    },
    read: true,
  });
  for (const [label, id] of [
    ['500', groups.fiveHundred],
    ['50k', groups.huge],
  ] as const) {
    const first = await expectOk<Listing>(api, 'GET', `/api/v2/groups/${id}/members?pageSize=${MEMBERS_PAGE_SIZE}`);
    const middle = Math.max(1, Math.ceil((first.pageCount ?? 1) / 2));
    for (const [pageLabel, page] of [
      ['p1', 1],
      [`p${middle}`, middle],
    ] as const) {
      for (const expand of [false, true]) {
        scenarios.push({
          name: `members ${label} ${pageLabel}${expand ? ' +expand' : ''}`,
          method: 'GET',
          path: `/api/v2/groups/${id}/members?pageSize=${MEMBERS_PAGE_SIZE}&pageNumber=${page}${expand ? `&expand=${EXPAND}` : ''}`,
          read: true,
        });
      }
    }
  }
  // What a browser sends: the console's pages, compressed.
  const compressed = ['GET /groups', 'POST /groups/search CONTAINS', 'members 50k p1', 'members 50k p1 +expand'];
  for (const name of compressed) {
    const plain = scenarios.find((s) => s.name === name);
    if (plain) scenarios.push({ ...plain, name: `${name} (br)`, acceptEncoding: BROWSER_ACCEPT_ENCODING });
  }
  return scenarios;
}

/** POST then DELETE members on a new scratch group, one user per request from a rotating set. */
export function writeScenarios(groupId: string, users: readonly string[]): Scenario[] {
  let added = 0;
  let removed = 0;
  return [
    {
      name: 'POST members (1 user)',
      method: 'POST',
      path: `/api/v2/groups/${groupId}/members`,
      setup: () => ({
        path: `/api/v2/groups/${groupId}/members`,
        body: JSON.stringify({ memberIds: [users[added++ % users.length]] }),
      }),
      read: false,
    },
    {
      name: 'DELETE members (1 user)',
      method: 'DELETE',
      path: `/api/v2/groups/${groupId}/members?ids=<rotating user>`,
      setup: () => ({ path: `/api/v2/groups/${groupId}/members?ids=${users[removed++ % users.length]}` }),
      read: false,
    },
  ];
}

export interface ApiBenchOutput {
  results: ScenarioResult[];
  figures: Figure[];
}

export async function runApiBench(
  api: Api,
  groups: { fiveHundred: string; huge: string },
  options: { connections: number; durationSeconds: number; runId: string; log: (line: string) => void },
): Promise<ApiBenchOutput> {
  const reads = [
    ...(await readScenarios(api, groups)),
    ...(await historyScenarios(api, groups.fiveHundred, options.log)),
  ];
  const users = await memberIds(api, groups.fiveHundred, 500);
  const scratch = await createScratchGroup(api, `Bench scratch ${options.runId} api`);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of [...reads, ...writeScenarios(scratch.id, users)]) {
      const result = await runScenario(api, scenario, options);
      options.log(
        `  ${result.name.padEnd(32)} p50 ${String(result.p50)} ms · p95 ${String(result.p95)} ms · ${result.rps} req/s · ${JSON.stringify(result.statuses)}`,
      );
      results.push(result);
    }
  } finally {
    await deleteGroup(api, scratch.id);
  }

  const figures: Figure[] = [];
  const section = 'api';
  for (const r of results) {
    const isRead = reads.some((s) => s.name === r.name);
    const okStatus = isRead ? '200' : '202';
    const unexpected = Object.entries(r.statuses)
      .filter(([status]) => status !== okStatus)
      .reduce((n, [, count]) => n + count, 0);
    const note = [
      `p50 ${String(r.p50)} ms, p99 ${String(r.p99)} ms, ${r.rps} req/s`,
      unexpected || r.errors || r.timeouts
        ? `${unexpected} non-${okStatus}, ${r.errors} errors, ${r.timeouts} timeouts`
        : undefined,
    ]
      .filter(Boolean)
      .join('; ');
    figures.push(figure(section, `${r.name} p95`, r.p95, 'ms', isRead ? { op: '<', limit: 20 } : undefined, note));
  }
  // The 50,000-member pages against the matching 500-member pages (median latency).
  const uncompressed = results.filter((r) => !r.name.endsWith(' (br)'));
  for (const small of uncompressed.filter((r) => r.name.startsWith('members 500 '))) {
    const suffix = small.name.slice('members 500 '.length);
    const sameKind = uncompressed.find(
      (r) =>
        r.name.startsWith('members 50k ') &&
        r.name.includes('+expand') === suffix.includes('+expand') &&
        (r.name.split(' ')[2] === 'p1') === (suffix.split(' ')[0] === 'p1'),
    );
    if (!sameKind || !small.p50 || !sameKind.p50) continue;
    const ratio = round(sameKind.p50 / small.p50, 2);
    figures.push(
      figure(
        section,
        `${sameKind.name} / ${small.name} (p50)`,
        ratio,
        '×',
        { op: '<=', limit: 1.5, label: '≤ 1.5×' },
        `p95 ratio ${String(round((sameKind.p95 ?? 0) / (small.p95 ?? 1), 2))}`,
      ),
    );
  }
  return { results, figures };
}
