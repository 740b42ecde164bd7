import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import {
  allSettled,
  alreadyInTargetSentence,
  changeGroup,
  reportRows,
  runTransfer,
  summarise,
  type MembershipCalls,
  type Person,
} from '../transfer';

const people = (n: number, prefix = 'u'): Person[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `Person ${i}` }));

/** An in-memory API with versions, a stale-version 409, unknown ids and a membership limit. */
const fakeApi = (options: { unknown?: string[]; atLimit?: string[]; forbidden?: string[] } = {}) => {
  const groups = new Map<string, { version: number; members: Set<string> }>();
  const group = (id: string) => {
    if (!groups.has(id)) groups.set(id, { version: 1, members: new Set() });
    return groups.get(id)!;
  };
  const calls: MembershipCalls = {
    fetchVersion: vi.fn(async (id: string) => group(id).version),
    add: vi.fn(async (id: string, ids: string[], version: number) => {
      if (options.forbidden?.includes(id))
        throw new ApiError(403, { message: 'Missing permission', code: 'missing.any.permissions' });
      const g = group(id);
      if (version !== g.version) throw new ApiError(409, { message: 'version mismatch', code: 'conflict' });
      const unknown = ids.filter((u) => options.unknown?.includes(u));
      if (unknown.length)
        throw new ApiError(400, {
          message: `Unknown user id(s): ${unknown.join(', ')}.`,
          details: unknown.map((entityId) => ({ errorCode: 'not.found', fieldName: 'memberIds', entityId })),
        });
      const limit = ids.filter((u) => options.atLimit?.includes(u));
      if (limit.length)
        throw new ApiError(400, {
          message: 'A user can be in at most 100 official groups; already at the limit: X.',
          details: limit.map((entityId) => ({ errorCode: 'bad.request', fieldName: 'memberIds', entityId })),
        });
      for (const u of ids) g.members.add(u);
      g.version += 1;
    }),
    remove: vi.fn(async (id: string, ids: string[]) => {
      const g = group(id);
      for (const u of ids) g.members.delete(u);
      g.version += 1;
    }),
  };
  return { calls, group };
};

describe('changeGroup', () => {
  it('adds in batches of 50 and reports each person once', async () => {
    const { calls, group } = fakeApi();
    const lines = await changeGroup({ groupId: 't', groupName: 'T', action: 'add', people: people(120) }, calls);
    expect(lines).toHaveLength(120);
    expect(lines.every((l) => l.outcome === 'added' && l.groupName === 'T')).toBe(true);
    expect(group('t').members.size).toBe(120);
    expect(calls.add).toHaveBeenCalledTimes(3);
  });

  it('retries a batch once after a 409 with the fresh version, losing nobody', async () => {
    const { calls, group } = fakeApi();
    const add = calls.add;
    let injected = false;
    calls.add = vi.fn(async (id: string, ids: string[], version: number) => {
      if (!injected && group(id).members.size === 50) {
        injected = true;
        group(id).version += 1; // someone else edits the group between batches
      }
      return add(id, ids, version);
    });
    const lines = await changeGroup({ groupId: 't', action: 'add', people: people(120) }, calls);
    expect(summarise(lines)).toEqual([
      { outcome: 'added', action: 'add', groupId: 't', groupName: undefined, count: 120 },
    ]);
    expect(group('t').members.size).toBe(120);
    expect(calls.fetchVersion).toHaveBeenCalledTimes(2); // the first read, and the re-read after the 409
  });

  it('takes out unknown users and users at the limit, sends the rest, and says why', async () => {
    const { calls, group } = fakeApi({ unknown: ['u3'], atLimit: ['u7', 'u60'] });
    const lines = await changeGroup({ groupId: 't', action: 'add', people: people(70), skip: new Set(['u1']) }, calls);
    const by = Object.fromEntries(lines.map((l) => [l.person.id, l]));
    expect(by.u1?.outcome).toBe('alreadyMember');
    expect(by.u3).toMatchObject({ outcome: 'notFound', reason: 'No such user.' });
    expect(by.u7?.outcome).toBe('limit');
    expect(by.u7?.reason).toMatch(/at most 100/);
    expect(by.u60?.outcome).toBe('limit');
    expect(lines.filter((l) => l.outcome === 'added')).toHaveLength(66);
    expect(group('t').members.size).toBe(66);
    expect(allSettled(lines)).toBe(false);
  });

  it('reports a refused permission for everyone not sent', async () => {
    const { calls } = fakeApi({ forbidden: ['t'] });
    const lines = await changeGroup({ groupId: 't', action: 'add', people: people(3) }, calls);
    expect(lines.map((l) => l.outcome)).toEqual(['permission', 'permission', 'permission']);
    expect(lines[0]?.reason).toBe('Missing permission');
  });

  it('stops between batches when cancelled and reports the rest as cancelled', async () => {
    const { calls } = fakeApi();
    const controller = new AbortController();
    const lines = await changeGroup({ groupId: 't', action: 'add', people: people(120) }, calls, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(lines.filter((l) => l.outcome === 'added')).toHaveLength(50);
    expect(lines.filter((l) => l.outcome === 'cancelled')).toHaveLength(70);
  });

  it('waits out a 429 and resumes', async () => {
    vi.useFakeTimers();
    try {
      const { calls, group } = fakeApi();
      const add = calls.add;
      let limited = false;
      calls.add = vi.fn(async (id: string, ids: string[], version: number) => {
        if (!limited) {
          limited = true;
          throw new ApiError(429, { message: 'Too many requests' }, 2);
        }
        return add(id, ids, version);
      });
      const waits: (number | null)[] = [];
      const run = changeGroup({ groupId: 't', action: 'add', people: people(10) }, calls, {
        onWait: (s) => waits.push(s),
      });
      await vi.advanceTimersByTimeAsync(2_000);
      const lines = await run;
      expect(lines.every((l) => l.outcome === 'added')).toBe(true);
      expect(group('t').members.size).toBe(10);
      expect(waits).toEqual([2, null]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('runTransfer', () => {
  it('move removes from the source only those the target took', async () => {
    const { calls, group } = fakeApi({ atLimit: ['u2'] });
    for (const p of people(5)) group('s').members.add(p.id);
    const report = await runTransfer(
      {
        mode: 'move',
        source: { id: 's', name: 'S' },
        target: { id: 't', name: 'T' },
        people: people(5),
        targetMemberIds: new Set(['u0']),
      },
      calls,
    );
    expect([...group('s').members].sort()).toEqual(['u0', 'u2']);
    expect([...group('t').members].sort()).toEqual(['u1', 'u3', 'u4']);
    expect(summarise(report.lines).map((s) => [s.groupId, s.action, s.outcome, s.count])).toEqual([
      ['t', 'add', 'alreadyMember', 1],
      ['t', 'add', 'added', 3],
      ['t', 'add', 'limit', 1],
      ['s', 'remove', 'removed', 3],
    ]);
    expect(reportRows(report.lines)[0]).toEqual([
      'Name',
      'Email',
      'User id',
      'Group',
      'Group id',
      'Action',
      'Outcome',
      'Reason',
    ]);
    expect(reportRows(report.lines)).toHaveLength(1 + 5 + 3);
  });

  it('copy leaves the source alone', async () => {
    const { calls, group } = fakeApi();
    for (const p of people(3)) group('s').members.add(p.id);
    const report = await runTransfer(
      { mode: 'copy', source: { id: 's' }, target: { id: 't' }, people: people(3), targetMemberIds: new Set() },
      calls,
    );
    expect(group('s').members.size).toBe(3);
    expect(report.lines.map((l) => l.outcome)).toEqual(['added', 'added', 'added']);
    expect(calls.remove).not.toHaveBeenCalled();
  });
});

describe('alreadyInTargetSentence', () => {
  it('agrees with the count', () => {
    expect(alreadyInTargetSentence(1, 'Sales')).toBe('1 of them is already in Sales and stays as they are.');
    expect(alreadyInTargetSentence(2, 'Sales')).toBe('2 of them are already in Sales and stay as they are.');
    expect(alreadyInTargetSentence(1200, 'Sales')).toBe('1,200 of them are already in Sales and stay as they are.');
    expect(alreadyInTargetSentence(0, 'Sales')).toBe('');
  });
});
