import { describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import {
  checkPasteList,
  chooseCandidate,
  classifyPasteLines,
  parsePasteList,
  pasteReport,
  resolvePasteList,
  usersToAdd,
} from '../paste-list';

const GROUP = 'g1';
const people: User[] = [
  {
    id: 'a',
    name: 'Ann Smith',
    email: 'ann@example.com',
    username: 'ann@example.com',
    state: 'active',
    version: 1,
    groups: [],
  },
  { id: 'b1', name: 'Bob Lee', email: 'bob.lee@example.com', state: 'active', version: 1 },
  { id: 'b2', name: 'Bob Lee', email: 'bob.lee2@example.com', state: 'active', version: 1 },
  { id: 'c', name: 'Cara Diaz', email: 'cara@example.com', state: 'inactive', version: 1 },
  {
    id: 'd',
    name: 'Dan Wu',
    email: 'dan@example.com',
    state: 'active',
    version: 1,
    groups: [{ id: GROUP, name: 'G' } as never],
  },
  { id: 'e', name: 'Eve Ho', email: 'eve@example.com', state: 'active', version: 1 },
];

/** A fake search that honours TERMS on email/username/name and pages 100 at a time. */
const fakeSearch = vi.fn(async (request: UserSearchRequest): Promise<UsersSearchResponse> => {
  const terms = request.query?.[0];
  const values = new Set((terms?.values ?? []).map((v) => v.toLowerCase()));
  const results = people.filter((p) =>
    (terms?.fields ?? []).some((f) =>
      values.has(String((p as unknown as Record<string, unknown>)[f] ?? '').toLowerCase()),
    ),
  );
  return { results, total: results.length, pageCount: 1, pageSize: 100, pageNumber: 1, types: ['users'] };
});

describe('parsePasteList', () => {
  it('splits lines, trims, drops blanks and repeats, and tells emails from names', async () => {
    expect(
      (
        await parsePasteList(' ann@example.com \n\nBob  Lee\nANN@example.com\r\n<eve@example.com>, dan@example.com\n')
      ).map(({ text, kind }) => ({ text, kind })),
    ).toEqual([
      { text: 'ann@example.com', kind: 'email' },
      { text: 'Bob Lee', kind: 'name' },
      { text: 'eve@example.com', kind: 'email' },
      { text: 'dan@example.com', kind: 'email' },
    ]);
  });
});

describe('resolvePasteList', () => {
  it('classifies matched, ambiguous, not found, already a member and inactive', async () => {
    const text = ['ann@example.com', 'bob lee', 'nobody@example.com', 'cara@example.com', 'Dan Wu', 'Eve Ho'].join(
      '\n',
    );
    const result = await resolvePasteList(text, fakeSearch, GROUP, new Set(['e']));
    expect(result.map((r) => [r.line.text, r.status])).toEqual([
      ['ann@example.com', 'matched'],
      ['bob lee', 'ambiguous'],
      ['nobody@example.com', 'notFound'],
      ['cara@example.com', 'inactive'],
      ['Dan Wu', 'alreadyMember'],
      ['Eve Ho', 'alreadyMember'],
    ]);
    expect(result[1]?.candidates.map((u) => u.id)).toEqual(['b1', 'b2']);
    expect(usersToAdd(result).map((u) => u.id)).toEqual(['a']);
  });

  it('batches the searches: one per kind per 50 values, asking for inactive users and groups', async () => {
    fakeSearch.mockClear();
    const emails = Array.from({ length: 120 }, (_, i) => `p${i}@example.com`).join('\n');
    await resolvePasteList(`${emails}\nAnn Smith`, fakeSearch, GROUP);
    expect(fakeSearch).toHaveBeenCalledTimes(4);
    const first = fakeSearch.mock.calls[0]?.[0];
    expect(first?.query?.[0]?.values).toHaveLength(50);
    expect(first?.query?.[1]).toMatchObject({ fields: ['state'], values: ['active', 'inactive'] });
    expect(first?.expand).toEqual(['groups']);
  });

  it('sends nothing for an empty paste', async () => {
    fakeSearch.mockClear();
    expect(await resolvePasteList(' \n ', fakeSearch, GROUP)).toEqual([]);
    expect(fakeSearch).not.toHaveBeenCalled();
  });
});

describe('classifyPasteLines', () => {
  it('matches emails against username too', () => {
    const [r] = classifyPasteLines(
      [{ text: 'ANN@EXAMPLE.COM', kind: 'email' }],
      [{ ...people[0]!, email: 'x@y' }],
      GROUP,
    );
    expect(r?.status).toBe('matched');
  });
});

describe('ambiguous lines and the report of every line', () => {
  const pasted = [
    'Ann Smith <ann@example.com>',
    'Bob Lee',
    'nobody@example.com',
    'ANN@example.com',
    'Dan Wu',
    'cara@example.com',
    'Bob Lee',
  ].join('\n');

  it('adds the person chosen for an ambiguous name, and nobody while the line is skipped', async () => {
    const check = await checkPasteList(pasted, fakeSearch, GROUP);
    const bob = check.resolutions.findIndex((r) => r.status === 'ambiguous');
    expect(check.resolutions[bob]?.candidateStatuses).toEqual({ b1: 'matched', b2: 'matched' });
    expect(usersToAdd(check.resolutions).map((u) => u.id)).toEqual(['a']);
    const chosen = chooseCandidate(check.resolutions, bob, 'b2');
    expect(usersToAdd(chosen).map((u) => u.id)).toEqual(['a', 'b2']);
    expect(usersToAdd(chooseCandidate(chosen, bob, undefined)).map((u) => u.id)).toEqual(['a']);
  });

  it('lists every pasted line as pasted, with its outcome', async () => {
    const check = await checkPasteList(pasted, fakeSearch, GROUP);
    const bob = check.resolutions.findIndex((r) => r.status === 'ambiguous');
    const chosen = { ...check, resolutions: chooseCandidate(check.resolutions, bob, 'b1') };
    expect(check.duplicates).toHaveLength(2);
    expect(
      pasteReport(chosen, { doneIds: ['a'], failedIds: ['b1'], conflicts: 0 }).map((l) => [l.pasted, l.outcome]),
    ).toEqual([
      ['Ann Smith <ann@example.com>', 'added'],
      ['Bob Lee', 'notAdded'],
      ['nobody@example.com', 'notFound'],
      ['Dan Wu', 'alreadyMember'],
      ['cara@example.com', 'inactive'],
      ['ANN@example.com', 'duplicate'],
      ['Bob Lee', 'duplicate'],
    ]);
    expect(pasteReport(check, { doneIds: ['a'], failedIds: [], conflicts: 0 })[1]).toMatchObject({
      outcome: 'skipped',
    });
  });
});
