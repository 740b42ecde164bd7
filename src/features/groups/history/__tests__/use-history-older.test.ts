import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { AuditQueryRequest } from '@/api/generated/model/auditQueryRequest';
import {
  fetchHistoryPage,
  historyRequest,
  olderSpan,
  olderWindow,
  OLDER_DAYS,
  type HistoryCursor,
  type HistoryPage,
  type HistoryProgress,
} from '../use-history';

/** An org's audit log, answered by the asynchronous query as the API does: the interval, newest first, a cursor per page. */
const audit = {
  records: [] as Array<{ id: string; eventDate: string }>,
  queries: new Map<string, { from: number; to: number }>(),
  intervals: [] as string[],
  polls: 0,
};

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const answer = async (input: string, init?: RequestInit): Promise<Response> => {
  const url = new URL(input, 'http://localhost');
  const path = url.pathname;
  if (path === '/api/v2/audits/query/realtime') return json({ entities: [], total: 0, pageCount: 0 });
  if (path === '/api/v2/audits/query' && init?.method === 'POST') {
    const body = JSON.parse(String(init.body)) as AuditQueryRequest;
    const [from, to] = body.interval.split('/').map((t) => Date.parse(t));
    const id = `q${audit.queries.size + 1}`;
    audit.queries.set(id, { from: from!, to: to! });
    audit.intervals.push(body.interval);
    return json({ id, state: 'Queued' });
  }
  const results = /^\/api\/v2\/audits\/query\/([^/]+)\/results$/.exec(path);
  if (results) {
    const id = results[1]!;
    const { from, to } = audit.queries.get(id)!;
    const size = Number(url.searchParams.get('pageSize') ?? 25);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const matching = audit.records
      .filter((r) => Date.parse(r.eventDate) >= from && Date.parse(r.eventDate) < to)
      .sort((a, b) => b.eventDate.localeCompare(a.eventDate));
    return json({
      id,
      pageSize: size,
      entities: matching.slice(start, start + size),
      ...(start + size < matching.length ? { cursor: String(start + size) } : {}),
    });
  }
  const status = /^\/api\/v2\/audits\/query\/([^/]+)$/.exec(path);
  if (status) {
    audit.polls++;
    return json({ id: status[1], state: 'Succeeded' });
  }
  return new Response('{}', { status: 404 });
};

const DAY = 24 * 3600_000;
const NOW = new Date('2026-12-10T12:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** Every page from the realtime window to the end, and the progress reported on the way. */
const readAll = async (pageSize: number) => {
  const request = historyRequest({ groupId: 'g1', pageSize });
  const pages: HistoryPage[] = [];
  const progress: HistoryProgress[] = [];
  let cursor: HistoryCursor | undefined = { kind: 'realtime', page: 1 };
  while (cursor && pages.length < 50) {
    const page: HistoryPage = await fetchHistoryPage(request, cursor, new AbortController().signal, (p) =>
      progress.push(p),
    );
    pages.push(page);
    cursor = page.next;
  }
  return { pages, progress, entities: pages.flatMap((p) => p.entities as AuditLogMessage[]) };
};

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  vi.stubGlobal('fetch', vi.fn(answer));
  audit.records = [];
  audit.queries.clear();
  audit.intervals = [];
  audit.polls = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('older history, a year deep', () => {
  it('reaches a record of 200 days ago, a month at a time, newest first, paging each month by cursor', async () => {
    audit.records = [
      { id: 'r20', eventDate: ago(20) },
      { id: 'r40a', eventDate: ago(40) },
      { id: 'r40b', eventDate: ago(40.5) },
      { id: 'r40c', eventDate: ago(41) },
      { id: 'r200', eventDate: ago(200) },
      // Past the year: never asked for.
      { id: 'r400', eventDate: ago(400) },
    ];
    const { pages, entities, progress } = await readAll(2);
    expect(entities.map((e) => e.id)).toEqual(['r20', 'r40a', 'r40b', 'r40c', 'r200']);
    // No empty page but the last: months without a record are passed over within one page.
    expect(pages.slice(1, -1).every((p) => p.entities.length > 0)).toBe(true);
    expect(pages.at(-1)?.next).toBeUndefined();

    // The months asked for join up, newest first, each within one calendar month, down to a year back.
    const windows = audit.intervals.map((i) => i.split('/').map((t) => Date.parse(t)) as [number, number]);
    for (const [i, [from, to]] of windows.entries()) {
      expect(to - from).toBeLessThanOrEqual(31 * DAY);
      expect(new Date(from).getUTCMonth()).toBe(new Date(to - 1).getUTCMonth());
      if (i > 0) expect(to).toBe(windows[i - 1]![0]);
    }
    expect(windows[0]![1]).toBe(Date.parse(ago(14)) + 60_000);
    expect(windows.at(-1)![0]).toBe(NOW.getTime() - OLDER_DAYS * DAY + 60_000);
    expect(OLDER_DAYS).toBe(365);
    expect(audit.polls).toBe(windows.length);

    // Each month is reported as its search starts, the share searched growing to the whole year.
    expect(progress.map((p) => p.from)).toEqual(windows.map(([from]) => new Date(from).toISOString()));
    expect(progress.map((p) => p.share)).toEqual([...progress.map((p) => p.share)].sort((a, b) => a - b));
    expect(progress.at(-1)?.share).toBe(1);
  });

  it('ends with an empty page when nothing older was recorded', async () => {
    const { pages, entities } = await readAll(50);
    expect(entities).toEqual([]);
    expect(pages).toHaveLength(2);
    expect(audit.intervals.length).toBeGreaterThanOrEqual(12);
  });
});

describe('older windows', () => {
  const span = olderSpan('2026-11-26T12:01:00.000Z', NOW);

  it('run back to the start of the calendar month, and the month before from its first instant', () => {
    expect(olderWindow('2026-11-26T12:01:00.000Z', span)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-26T12:01:00.000Z',
    });
    expect(olderWindow('2026-11-01T00:00:00.000Z', span)).toEqual({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
  });

  it('stop at the floor, a year back', () => {
    expect(span.floor).toBe('2025-12-10T12:01:00.000Z');
    expect(olderWindow('2026-01-01T00:00:00.000Z', span)).toEqual({
      from: span.floor,
      to: '2026-01-01T00:00:00.000Z',
    });
  });
});
