import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { configureHttp } from '@/api/http';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import {
  readIndividualIdsInWorker,
  readRuleEntriesInWorker,
  readWholeGroupInWorker,
  type RosterWorker,
} from '../read-in-worker';
import { countsOf, rosterCounts, ROSTER_PAGE_SIZE, type RosterReading, type RosterUser } from '../roster-model';
import { createRosterReadService } from '../roster-read-service';
import { ENTRIES_PER_MESSAGE, type FromRosterWorker } from '../roster-worker-protocol';

const member = (i: number): RosterUser => ({
  id: `u${String(i).padStart(5, '0')}`,
  name: `Name ${i}`,
  email: `user${i}@example.com`,
  presence: { presenceDefinition: { id: `def-${i % 3}`, systemPresence: ['Available', 'Busy', 'Away'][i % 3] } },
  routingStatus: { status: i % 2 ? 'IDLE' : 'OFF_QUEUE' },
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The members endpoint over `count` members, as fetch sees it. */
const membersEndpoint = (count: number) => (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://console.test');
  const pageNumber = Number(url.searchParams.get('pageNumber'));
  const pageSize = Number(url.searchParams.get('pageSize'));
  const all = Array.from({ length: count }, (_, i) => member(i));
  return json(200, {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    total: count,
    pageCount: Math.max(1, Math.ceil(count / pageSize)),
  });
};

/**
 * A worker in the same thread: the read service behind structured-cloned messages, delivered a task
 * later, as a real worker delivers them. It records what it sent to the page. The service configures
 * the HTTP layer as a worker's own copy; here that copy is the page's, so it starts only once the page
 * has taken its settings (in `createWorker`).
 */
const inThreadWorker = () => {
  const sent: FromRosterWorker[] = [];
  let handle: ReturnType<typeof createRosterReadService> = () => {};
  const worker: RosterWorker & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage: (message) => setTimeout(() => worker.terminated || handle(structuredClone(message)), 0),
    terminate: () => {
      worker.terminated = true;
    },
  };
  const createWorker = () => {
    handle = createRosterReadService((message) => {
      if (worker.terminated) return;
      sent.push(message);
      const data = structuredClone(message);
      setTimeout(() => worker.onmessage?.({ data } as MessageEvent<FromRosterWorker>), 0);
    });
    return worker;
  };
  return { worker, sent, createWorker };
};

let fetchMock: ReturnType<typeof vi.fn>;
const onUnauthorized = vi.fn<() => Promise<boolean>>();
let pageToken = 'page-token';

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  pageToken = 'page-token';
  onUnauthorized.mockReset().mockResolvedValue(false);
  configureHttp({ baseUrl: () => 'https://api.test', getToken: () => pageToken, onUnauthorized });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const noFallback = () => Promise.reject(new Error('read on the page'));

describe('readWholeGroupInWorker', () => {
  it('reads every page in the worker and hands over the same reading, in slices', async () => {
    const count = 5 * ENTRIES_PER_MESSAGE + 7;
    fetchMock.mockImplementation(membersEndpoint(count));
    const { worker, sent, createWorker } = inThreadWorker();
    const progress: Array<[number, number]> = [];
    const reading = await readWholeGroupInWorker('g1', {
      onProgress: (read, of) => progress.push([read, of]),
      fallback: noFallback,
      createWorker,
    });

    const pages = Math.ceil(count / ROSTER_PAGE_SIZE);
    expect(reading.requests).toBe(pages);
    expect(reading.total).toBe(count);
    expect(reading.entries).toHaveLength(count);
    expect(reading.entries[1]).toEqual({
      id: 'u00001',
      name: 'Name 1',
      presence: 'Busy',
      definitionId: 'def-1',
      routingStatus: 'IDLE',
      email: 'user1@example.com',
    });
    expect(reading.entries.map((e) => e.id)).toEqual(Array.from({ length: count }, (_, i) => member(i).id));
    // The first page's progress and the last one's (the others come within PROGRESS_EVERY_MS of the first).
    expect(progress[0]).toEqual([1, pages]);
    expect(progress.at(-1)).toEqual([pages, pages]);
    expect(progress.length).toBeLessThanOrEqual(pages);
    // No message carries more than a slice of entries.
    const slices = sent.flatMap((m) => (m.type === 'entries' ? [m.entries.length] : []));
    expect(slices).toEqual([...Array<number>(5).fill(ENTRIES_PER_MESSAGE), 7]);
    expect(worker.terminated).toBe(true);
    // The counts come taken in the worker, and are the reading's own (not counted again on the page).
    expect(countsOf(reading.entries)).toEqual(rosterCounts(reading.entries));
    expect(countsOf(reading.entries)).toBe(countsOf(reading.entries));
    expect(countsOf([...reading.entries])).not.toBe(countsOf(reading.entries));

    // The requests carry the page's base URL and token, with the roster's expands.
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(
      `https://api.test/api/v2/groups/g1/members?pageSize=${ROSTER_PAGE_SIZE}&pageNumber=1&sortOrder=ASC&expand=presence,routingStatus`,
    );
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer page-token');
  });

  it('asks the page to sign in again on a 401 and goes on with the new token', async () => {
    fetchMock.mockImplementation((input: RequestInfo | URL, init?: RequestInit) =>
      (init?.headers as Record<string, string>).Authorization === 'Bearer page-token'
        ? json(401, { status: 401, code: 'bad.credentials', message: 'Expired.' })
        : membersEndpoint(3)(input),
    );
    onUnauthorized.mockImplementation(async () => {
      pageToken = 'new-token';
      return true;
    });
    const { createWorker } = inThreadWorker();
    const reading = await readWholeGroupInWorker('g1', { fallback: noFallback, createWorker });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(reading.entries).toHaveLength(3);
    const last = fetchMock.mock.calls.at(-1) as [string, RequestInit];
    expect((last[1].headers as Record<string, string>).Authorization).toBe('Bearer new-token');
  });

  it('waits out a 429 once, as every request of the console does', async () => {
    fetchMock
      .mockResolvedValueOnce(json(429, { status: 429, message: 'Slow down.' }, { 'Retry-After': '0' }))
      .mockImplementation(membersEndpoint(2));
    const { createWorker } = inThreadWorker();
    const reading = await readWholeGroupInWorker('g1', { fallback: noFallback, createWorker });
    expect(reading.entries).toHaveLength(2);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('rejects with the API error, its status and correlation id intact', async () => {
    fetchMock.mockResolvedValue(
      json(403, { status: 403, code: 'missing.permissions', message: 'No.' }, { 'ININ-Correlation-Id': 'corr-1' }),
    );
    const { worker, createWorker } = inThreadWorker();
    const error: unknown = await readWholeGroupInWorker('g1', {
      fallback: noFallback,
      createWorker,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'missing.permissions', correlationId: 'corr-1' });
    expect(worker.terminated).toBe(true);
  });

  it('ends the worker when the reading is cancelled', async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    const { worker, createWorker } = inThreadWorker();
    const controller = new AbortController();
    const reading = readWholeGroupInWorker('g1', {
      signal: controller.signal,
      fallback: noFallback,
      createWorker,
    });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });

  it('reads who the rules take in, with skills and languages, in the worker', async () => {
    const query: DynamicGroupQuery = {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
          languageSkillConditions: [],
          operation: 'And',
        },
      ],
    } as DynamicGroupQuery;
    const users = [
      { id: 'a', name: 'A', skills: [{ name: 'Billing', proficiency: 4 }] },
      { id: 'b', name: 'B', skills: [{ name: 'Billing', proficiency: 1 }] },
      { id: 'c', name: 'C', state: 'inactive', skills: [{ name: 'Billing', proficiency: 5 }] },
    ];
    fetchMock.mockImplementation(() => json(200, { entities: users, total: 3, pageCount: 1 }));
    const { createWorker } = inThreadWorker();
    const reading = await readRuleEntriesInWorker('g1', query, { fallback: () => Promise.reject(), createWorker });
    expect(reading.entries).toEqual([
      { id: 'a', rule: true },
      { id: 'b', rule: false },
      { id: 'c', rule: false },
    ]);
    expect(String(fetchMock.mock.calls[0]![0])).toContain('&expand=skills,languages');
  });

  it('reads the members added by hand in one request and hands over their ids in name order', async () => {
    const users = [
      { id: 'z', name: 'zoë' },
      { id: 'a', name: 'Ángel' },
      { id: 'b', name: 'bob' },
    ];
    fetchMock.mockImplementation(() => json(200, { entities: users, total: 3, pageCount: 1 }));
    const { createWorker } = inThreadWorker();
    const reading = await readIndividualIdsInWorker('g1', { fallback: () => Promise.reject(), createWorker });
    expect(reading.entries.map((e) => e.id)).toEqual(['a', 'b', 'z']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('https://api.test/api/v2/groups/g1/individuals');
  });

  it('reads on the page when the worker cannot start', async () => {
    const worker: RosterWorker = { onmessage: null, onerror: null, postMessage: () => {}, terminate: vi.fn() };
    const onPage: RosterReading = { entries: [], requests: 1, total: 0 };
    const reading = readWholeGroupInWorker('g1', {
      fallback: () => Promise.resolve(onPage),
      createWorker: () => worker,
    });
    worker.onerror?.(new Event('error'));
    await expect(reading).resolves.toBe(onPage);
    expect(worker.terminate).toHaveBeenCalled();
  });
});
