import { describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import { classifyPasteLines, parsePasteList, resolvePasteList, usersToAdd } from '../paste-list';

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
      await parsePasteList(' ann@example.com \n\nBob  Lee\nANN@example.com\r\n<eve@example.com>, dan@example.com\n'),
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
