/**
 * The change history's API scenarios (the Audit API, docs/audit.md) on one busy group of the large seed
 * (server/src/db/seed/history.ts gives the 500-member group tens of thousands of records):
 * - "history query, one group over 90 days": a page of the asynchronous query's results (past the
 *   realtime query's 14 days, the history of 90 days is read this way), started once beforehand;
 * - starting that query (`POST /api/v2/audits/query`);
 * - the realtime query of the same group over its 14 days (the History tab's first page).
 * Each reads the first page of 25 with `expand=user`, as the console asks for it.
 */
import { expectOk, type Api } from './api-client';
import type { Scenario } from './scenario';

const DAY = 24 * 60 * 60 * 1000;
export const HISTORY_PAGE_SIZE = 25;

export async function historyScenarios(
  api: Api,
  groupId: string,
  log: (line: string) => void,
  now = Date.now(),
): Promise<Scenario[]> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const filters = [{ property: 'EntityId', value: groupId }];
  const ninetyDays = { interval: `${iso(now - 90 * DAY)}/${iso(now)}`, serviceName: 'Directory', filters };
  const execution = await expectOk<{ id: string }>(api, 'POST', '/api/v2/audits/query', ninetyDays);
  const first = await expectOk<{ entities?: unknown[] }>(
    api,
    'GET',
    `/api/v2/audits/query/${execution.id}/results?pageSize=${HISTORY_PAGE_SIZE}&expand=user`,
  );
  if ((first.entities?.length ?? 0) < HISTORY_PAGE_SIZE)
    throw new Error(`The group ${groupId} has too little history for the history scenarios (seed it again).`);
  // The realtime window moves on while the bench runs: each request asks for the 14 days before it.
  const realtime = () =>
    JSON.stringify({
      interval: `${iso(Date.now() - 14 * DAY + 60_000)}/${iso(Date.now() + 60_000)}`,
      serviceName: 'Directory',
      filters,
      pageSize: HISTORY_PAGE_SIZE,
      pageNumber: 1,
    });
  const recent = await expectOk<{ total?: number }>(
    api,
    'POST',
    '/api/v2/audits/query/realtime',
    JSON.parse(realtime()),
  );
  log(`  history of group ${groupId}: ${recent.total ?? 0} records in the realtime window`);
  const scenarios: Scenario[] = [
    {
      name: 'history query, one group over 90 days',
      method: 'GET',
      path: `/api/v2/audits/query/${execution.id}/results?pageSize=${HISTORY_PAGE_SIZE}&expand=user`,
      read: true,
    },
    {
      name: 'history query start, one group over 90 days',
      method: 'POST',
      path: '/api/v2/audits/query',
      body: JSON.stringify(ninetyDays),
      read: true,
    },
    {
      name: 'history realtime, one group over 14 days',
      method: 'POST',
      path: '/api/v2/audits/query/realtime?expand=user',
      setup: () => ({ path: '/api/v2/audits/query/realtime?expand=user', body: realtime() }),
      read: true,
    },
  ];
  // The seeded history is dated from the seeding: a data dir kept for weeks has nothing recent left.
  if ((recent.total ?? 0) >= HISTORY_PAGE_SIZE) return scenarios;
  log('  the realtime window holds less than a page (the large seed is old): the realtime scenario is left out');
  return scenarios.slice(0, 2);
}
