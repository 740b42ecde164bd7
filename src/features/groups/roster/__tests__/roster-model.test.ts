import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import { changeMarks } from '../use-change-marks';
import { summariseChanges } from '../roster-panel';
import {
  countRoster,
  countsRefreshMs,
  diffRoster,
  formatInterval,
  idSetInSlices,
  idsWith,
  pagesFor,
  readWholeGroup,
  requestsPerMinute,
  ROSTER_BUDGET_PER_MINUTE,
  ROSTER_PAGE_SIZE,
  toRosterEntry,
  type RosterPage,
  type RosterUser,
} from '../roster-model';

const member = (id: string, presence?: string, routing?: string): RosterUser => ({
  id,
  name: `Name ${id}`,
  ...(presence ? { presence: { presenceDefinition: { id: `def-${presence}`, systemPresence: presence } } } : {}),
  ...(routing ? { routingStatus: { status: routing } } : {}),
});

/** A fake members endpoint over `all`, paged like the real one; records the pages asked for. */
const endpoint = (all: RosterUser[]) => {
  const asked: number[] = [];
  const fetchPage = async (n: number): Promise<RosterPage> => {
    asked.push(n);
    await Promise.resolve();
    return {
      entities: all.slice((n - 1) * ROSTER_PAGE_SIZE, n * ROSTER_PAGE_SIZE),
      total: all.length,
      pageCount: Math.max(1, Math.ceil(all.length / ROSTER_PAGE_SIZE)),
    };
  };
  return { asked, fetchPage };
};

describe('readWholeGroup', () => {
  it('reads every page once, keeps the members in page order and counts the requests', async () => {
    const all = Array.from({ length: 1234 }, (_, i) => member(`u${String(i).padStart(4, '0')}`, 'Available'));
    const { asked, fetchPage } = endpoint(all);
    const progress: Array<[number, number]> = [];
    const reading = await readWholeGroup(fetchPage, 2, (read, of) => progress.push([read, of]));
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(reading.requests).toBe(3);
    expect([...asked].sort()).toEqual([1, 2, 3]);
    expect(reading.total).toBe(1234);
    expect(reading.entries.map((e) => e.id)).toEqual(all.map((u) => u.id));
  });

  it('reads a group that fits one page in one request, and an empty group too', async () => {
    expect((await readWholeGroup(endpoint([member('a')]).fetchPage)).requests).toBe(1);
    const empty = await readWholeGroup(endpoint([]).fetchPage);
    expect(empty).toEqual({ entries: [], requests: 1, total: 0 });
  });

  it('keeps a member once when the list moved between pages', async () => {
    const pages: RosterPage[] = [
      { entities: [member('a'), member('b')], pageCount: 2, total: 4 },
      { entities: [member('b'), member('c')], pageCount: 2, total: 4 },
    ];
    const reading = await readWholeGroup(async (n) => pages[n - 1]!);
    expect(reading.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('counting and filtering', () => {
  const entries = [
    member('a', 'Available', 'OFF_QUEUE'),
    member('b', 'On Queue', 'IDLE'),
    member('c', 'Available', 'OFF_QUEUE'),
    member('d', 'On Queue', 'INTERACTING'),
    member('e'),
    member('f', 'Busy', 'OFF_QUEUE'),
  ].map(toRosterEntry);

  it('counts each value, largest first, ties by name, unknown left out', () => {
    expect(countRoster(entries, 'presence')).toEqual([
      { kind: 'presence', value: 'Available', count: 2 },
      { kind: 'presence', value: 'On Queue', count: 2 },
      { kind: 'presence', value: 'Busy', count: 1 },
    ]);
    expect(countRoster(entries, 'routingStatus').map((c) => [c.value, c.count])).toEqual([
      ['OFF_QUEUE', 3],
      ['IDLE', 1],
      ['INTERACTING', 1],
    ]);
  });

  it('lists the ids with a value in reading order', () => {
    expect(idsWith(entries, 'presence', 'On Queue')).toEqual(['b', 'd']);
    expect(idsWith(entries, 'routingStatus', 'NOT_RESPONDING')).toEqual([]);
  });

  it('tells what changed between two readings, ignoring members who joined or left', () => {
    const after = [
      member('a', 'Offline', 'OFF_QUEUE'),
      member('b', 'On Queue', 'INTERACTING'),
      member('c', 'Available', 'OFF_QUEUE'),
      member('z', 'Available', 'OFF_QUEUE'),
    ].map(toRosterEntry);
    const changes = diffRoster(entries, after);
    expect(changes).toEqual([
      { id: 'a', name: 'Name a', kind: 'presence', from: 'Available', to: 'Offline' },
      { id: 'b', name: 'Name b', kind: 'routingStatus', from: 'IDLE', to: 'INTERACTING' },
    ]);
    expect(summariseChanges(changes)).toBe('1 now interacting, 1 now Offline');
  });
});

describe('refresh budget', () => {
  it('gives big groups a slower count, and keeps every roster within a tenth of the rate limit', () => {
    expect(pagesFor(2321)).toBe(5);
    expect(pagesFor(50_000)).toBe(100);
    expect(countsRefreshMs(25)).toBe(15_000);
    expect(countsRefreshMs(2321)).toBe(20_000);
    expect(countsRefreshMs(50_000)).toBe(335_000);
    expect(formatInterval(countsRefreshMs(50_000))).toBe('5 min 35 s');
    expect(formatInterval(20_000)).toBe('20 s');
    expect(formatInterval(120_000)).toBe('2 min');
    for (const size of [0, 1, 499, 500, 501, 2321, 10_000, 50_000, 200_000]) {
      expect(requestsPerMinute(size), `${size} members`).toBeLessThanOrEqual(ROSTER_BUDGET_PER_MINUTE);
    }
  });
});

describe('changeMarks', () => {
  const user = (id: string, presence: string, routing?: string) => member(id, presence, routing) as User;
  it('marks the members whose shown status changed, not new rows or newly shown columns', () => {
    const last = new Map(
      [user('a', 'Available', 'OFF_QUEUE'), user('b', 'Busy'), { id: 'c', name: 'c' } as User].map((u) => [
        u.id ?? '',
        toRosterEntry(u),
      ]),
    );
    const marks = changeMarks(last, [
      user('a', 'On Queue', 'IDLE'),
      user('b', 'Busy'),
      user('c', 'Offline'),
      user('d', 'Away'),
    ]);
    expect([...marks]).toEqual([['a', 'now On queue, now idle']]);
  });
});

describe('idSetInSlices', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('builds the set a slice per task, giving the event loop a turn between slices', async () => {
    vi.useFakeTimers();
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    const ids = Array.from({ length: 12 }, (_, i) => `id-${i % 10}`);
    let done = false;
    const building = idSetInSlices(ids, 5).then((set) => {
      done = true;
      return set;
    });
    // Only the first slice runs before a timer has fired.
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.runAllTimersAsync();
    const set = await building;
    // Three slices of at most 5: a turn of the event loop before the second and the third.
    expect(timeout).toHaveBeenCalledTimes(2);
    expect([...set].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `id-${i}`).sort());
  });

  it('answers an empty set for no ids, without waiting', async () => {
    expect((await idSetInSlices([])).size).toBe(0);
  });
});
