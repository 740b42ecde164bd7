/**
 * Load test: N concurrent keep-alive connections for a fixed time over a mix of reads (group list,
 * search, members pages) and membership writes on a few scratch groups. Each connection owns its own
 * users, so the writes of any (group, user) pair are sequential on one connection; afterwards the
 * final membership of every scratch group is checked against the acknowledged writes. The connections
 * open over the first second (RAMP_UP_MS), as clients arrive, rather than all in the same instant.
 */
import { Agent, request } from 'node:http';
import { allMemberIdsOf, createScratchGroup, deleteGroup, expectOk, memberIds, type Api } from './api-client';
import { checkLedger, type LedgerCheck, type WriteRecord } from './membership-ledger';
import { EXPAND } from './api-bench';
import { figure, percentile, round, type Figure } from './report';

type Kind = 'list' | 'search' | 'members500' | 'members50k' | 'add' | 'remove';

interface Sent {
  kind: Kind;
  status: number | 'error' | 'timeout';
  ms: number;
  deliberateConflict: boolean;
}

export interface LoadTestOptions {
  connections: number;
  durationSeconds: number;
  scratchGroups: number;
  usersPerConnection: number;
  /** Share of requests that are membership writes (0–1). */
  writeShare: number;
  /** Share of writes sent with a stale version on purpose (answered 409). */
  staleVersionShare: number;
  runId: string;
  log: (line: string) => void;
}

const SEARCH_WORDS = ['support', 'sales', 'team', 'project', 'london', 'ops', 'an', 'club', 'eng', 'desk'];

/** Time over which the connections open. */
const RAMP_UP_MS = 1000;

/** A tiny deterministic PRNG, so two runs send the same mix. */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

function send(
  url: URL,
  agent: Agent,
  token: string,
  method: string,
  path: string,
  body: string | undefined,
): Promise<{ status: number | 'error' | 'timeout'; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number | 'error' | 'timeout') => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - started });
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        timeout: 10_000,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => done(res.statusCode ?? 'error'));
        res.on('error', () => done('error'));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      done('timeout');
    });
    req.on('error', () => done('error'));
    req.end(body);
  });
}

interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface LoadTestOutput {
  totals: { requests: number; rps: number; reads: number; writes: number };
  statuses: Record<string, number>;
  errors: Record<string, number>;
  deliberate: { conflicts409: number; rateLimited429: number };
  latency: { reads: Percentiles; writes: Percentiles };
  ledger: LedgerCheck & { acknowledged: number; writes: number };
  figures: Figure[];
}

export async function runLoadTest(
  api: Api,
  groups: { fiveHundred: string; huge: string },
  options: LoadTestOptions,
): Promise<LoadTestOutput> {
  const url = new URL(api.url);
  const pool = await memberIds(api, groups.huge, options.connections * options.usersPerConnection, 3);
  if (pool.length < options.connections * options.usersPerConnection)
    throw new Error(`Only ${pool.length} users found for the load test's writes.`);
  const hugePages =
    (await expectOk<{ pageCount?: number }>(api, 'GET', `/api/v2/groups/${groups.huge}/members?pageSize=25`))
      .pageCount ?? 1;
  const scratch: string[] = [];
  for (let i = 0; i < options.scratchGroups; i++)
    scratch.push((await createScratchGroup(api, `Bench scratch ${options.runId} load ${i + 1}`)).id);

  const sent: Sent[] = [];
  const writes: WriteRecord[] = [];
  const agents: Agent[] = [];
  const deadline = performance.now() + options.durationSeconds * 1000;
  const started = performance.now();

  const virtualUser = async (index: number) => {
    await new Promise((resolve) => setTimeout(resolve, (index * RAMP_UP_MS) / options.connections));
    const random = mulberry32(1000 + index);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    const group = scratch[index % scratch.length]!;
    const users = pool.slice(index * options.usersPerConnection, (index + 1) * options.usersPerConnection);
    const present = new Set<string>();
    while (performance.now() < deadline) {
      const write = random() < options.writeShare;
      if (write) {
        const user = pick(users);
        const kind = present.has(user) ? 'remove' : 'add';
        const deliberateConflict = random() < options.staleVersionShare;
        const path = kind === 'add' ? `/api/v2/groups/${group}/members` : `/api/v2/groups/${group}/members?ids=${user}`;
        // DELETE takes no version; a stale one goes with adds only.
        const stale = deliberateConflict && kind === 'add';
        const body =
          kind === 'add' ? JSON.stringify({ memberIds: [user], ...(stale ? { version: 1 } : {}) }) : undefined;
        const result = await send(url, agent, api.token, kind === 'add' ? 'POST' : 'DELETE', path, body);
        const outcome =
          result.status === 202
            ? 'acked'
            : typeof result.status === 'number' && result.status >= 400 && result.status < 500
              ? 'rejected'
              : 'unknown';
        writes.push({ group, user, kind, outcome });
        if (outcome === 'acked') {
          if (kind === 'add') present.add(user);
          else present.delete(user);
        }
        sent.push({ kind, status: result.status, ms: result.ms, deliberateConflict: stale });
      } else {
        const r = random();
        let kind: Kind;
        let method = 'GET';
        let path: string;
        let body: string | undefined;
        const expand = random() < 0.3 ? `&expand=${EXPAND}` : '';
        if (r < 0.25) {
          kind = 'list';
          path = `/api/v2/groups?pageSize=25&pageNumber=${1 + Math.floor(random() * 20)}`;
        } else if (r < 0.5) {
          kind = 'search';
          method = 'POST';
          path = '/api/v2/groups/search';
          body = JSON.stringify({
            pageSize: 25,
            pageNumber: 1,
            query: [{ type: 'CONTAINS', fields: ['name'], value: pick(SEARCH_WORDS) }],
          });
        } else if (r < 0.75) {
          kind = 'members500';
          path = `/api/v2/groups/${groups.fiveHundred}/members?pageSize=25&pageNumber=${1 + Math.floor(random() * 20)}${expand}`;
        } else {
          kind = 'members50k';
          path = `/api/v2/groups/${groups.huge}/members?pageSize=25&pageNumber=${1 + Math.floor(random() * hugePages)}${expand}`;
        }
        const result = await send(url, agent, api.token, method, path, body);
        sent.push({ kind, status: result.status, ms: result.ms, deliberateConflict: false });
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.connections }, (_, i) => virtualUser(i)));
    const elapsed = (performance.now() - started) / 1000;
    for (const agent of agents) agent.destroy();

    const finalMembers = new Map<string, Set<string>>();
    for (const id of scratch) finalMembers.set(id, await allMemberIdsOf(api, id));
    const ledger = checkLedger(writes, finalMembers);

    const statuses: Record<string, number> = {};
    const errors: Record<string, number> = {};
    let conflicts409 = 0;
    let rateLimited429 = 0;
    for (const s of sent) {
      const status = String(s.status);
      statuses[status] = (statuses[status] ?? 0) + 1;
      const isWrite = s.kind === 'add' || s.kind === 'remove';
      const expected = isWrite ? 202 : 200;
      if (s.status === expected) continue;
      if (s.status === 409 && s.deliberateConflict) conflicts409++;
      else if (s.status === 429) rateLimited429++;
      else errors[`${s.kind} ${status}`] = (errors[`${s.kind} ${status}`] ?? 0) + 1;
    }
    const readMs = sent.filter((s) => s.kind !== 'add' && s.kind !== 'remove').map((s) => s.ms);
    const writeMs = sent.filter((s) => s.kind === 'add' || s.kind === 'remove').map((s) => s.ms);
    const pct = (values: number[]) => ({
      p50: round(percentile(values, 50), 1),
      p95: round(percentile(values, 95), 1),
      p99: round(percentile(values, 99), 1),
      max: round(percentile(values, 100), 1),
    });
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    const acknowledged = writes.filter((w) => w.outcome === 'acked').length;
    const output: Omit<LoadTestOutput, 'figures'> = {
      totals: {
        requests: sent.length,
        rps: Math.round(sent.length / elapsed),
        reads: readMs.length,
        writes: writeMs.length,
      },
      statuses,
      errors,
      deliberate: { conflicts409, rateLimited429 },
      latency: { reads: pct(readMs), writes: pct(writeMs) },
      ledger: { ...ledger, acknowledged, writes: writes.length },
    };
    const section = 'load';
    const c = `${options.connections} conns × ${options.durationSeconds} s`;
    const figures: Figure[] = [
      figure(
        section,
        `requests (${c})`,
        sent.length,
        '',
        undefined,
        `${output.totals.rps} req/s; ${readMs.length} reads, ${writeMs.length} writes`,
      ),
      figure(
        section,
        'errors (not 200/202, deliberate 409, 429)',
        errorCount,
        '',
        { op: '=', limit: 0, label: '0' },
        Object.keys(errors).length ? JSON.stringify(errors) : undefined,
      ),
      figure(section, 'deliberate 409 (stale version)', conflicts409, ''),
      figure(section, '429 rate limited', rateLimited429, ''),
      figure(
        section,
        'read p95',
        output.latency.reads.p95,
        'ms',
        undefined,
        `p50 ${String(output.latency.reads.p50)}, p99 ${String(output.latency.reads.p99)}, max ${String(output.latency.reads.max)}`,
      ),
      figure(
        section,
        'write p95',
        output.latency.writes.p95,
        'ms',
        undefined,
        `p50 ${String(output.latency.writes.p50)}, p99 ${String(output.latency.writes.p99)}, max ${String(output.latency.writes.max)}`,
      ),
      figure(
        section,
        'acknowledged writes lost',
        ledger.lost.length + ledger.unexpected.length,
        '',
        { op: '=', limit: 0, label: '0' },
        `${acknowledged} of ${writes.length} writes acknowledged over ${ledger.pairs} (group, user) pairs in ${scratch.length} groups; ${ledger.indeterminate} indeterminate`,
      ),
    ];
    return { ...output, figures };
  } finally {
    for (const agent of agents) agent.destroy();
    for (const id of scratch) await deleteGroup(api, id).catch(() => undefined);
  }
}
