import { describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import {
  IDS_PER_CHECK,
  lookUpMembers,
  memberSearchRequest,
  membersAmong,
  searchFirst,
  searchPays,
  SEARCH_PAGE_SIZE,
} from '../member-lookup';

const GROUP = 'g-1';

const user = (n: number, groups: string[] = []): User => ({
  id: `u${String(n).padStart(5, '0')}`,
  name: `Person ${n}`,
  groups: groups.map((id) => ({ id, name: id, type: 'official', visibility: 'public', rulesVisible: true })),
  version: 1,
});

/** A users search over `hits` (in name order), paged as asked. */
const searchOver = (hits: User[]) =>
  vi.fn(async (request: UserSearchRequest): Promise<UsersSearchResponse> => {
    const size = request.pageSize ?? 25;
    const start = ((request.pageNumber ?? 1) - 1) * size;
    return {
      total: hits.length,
      pageCount: Math.ceil(hits.length / size),
      pageSize: size,
      pageNumber: request.pageNumber ?? 1,
      types: ['users'],
      results: hits.slice(start, start + size).map((u) => ({ id: u.id, name: u.name, version: 1 })),
    };
  });

/** The users listing with expand=groups: answers the asked ids (in another order than asked). */
const groupsOver = (everyone: User[]) =>
  vi.fn(async (ids: string[]) => ({ entities: everyone.filter((u) => ids.includes(u.id!)).reverse() }));

describe('finding a member by search and check', () => {
  it('searches name and email for every word, active or inactive, in name order', () => {
    expect(memberSearchRequest(['ana', 'lóp'], 2)).toEqual({
      pageSize: SEARCH_PAGE_SIZE,
      pageNumber: 2,
      sortBy: 'name',
      sortOrder: 'ASC',
      query: [
        { type: 'CONTAINS', fields: ['name', 'email'], value: 'ana', operator: 'AND' },
        { type: 'CONTAINS', fields: ['name', 'email'], value: 'lóp', operator: 'AND' },
        { type: 'TERMS', fields: ['state'], values: ['active', 'inactive'], operator: 'AND' },
      ],
    });
  });

  it('keeps the hits whose groups hold the group', () => {
    expect(membersAmong([user(1, ['x', GROUP]), user(2, ['x']), user(3), user(4, [GROUP])], GROUP)).toEqual([
      'u00001',
      'u00004',
    ]);
  });

  it('searches first only where reading the group takes more than two requests', () => {
    expect(searchFirst(0)).toBe(false);
    expect(searchFirst(1000)).toBe(false);
    expect(searchFirst(1001)).toBe(true);
    expect(searchFirst(97_000)).toBe(true);
  });

  it('goes on searching while the search costs no more than reading the group', () => {
    // 100 hits: the check only. 250 hits: 2 more pages and 3 checks = 5 requests, a 5-page reading.
    expect(searchPays(100, 1001)).toBe(true);
    expect(searchPays(250, 2400)).toBe(true);
    expect(searchPays(250, 2000)).toBe(false);
    expect(searchPays(5000, 97_000)).toBe(true);
    expect(searchPays(10_001, 10_000_000)).toBe(false);
  });

  it('finds a member in two requests: one search page, one check', async () => {
    const hits = [user(1, ['other']), user(2, [GROUP]), user(3, ['other', GROUP])];
    const search = searchOver(hits);
    const groupsOf = groupsOver(hits);
    const result = await lookUpMembers(GROUP, 97_000, ['person'], { search, groupsOf });
    expect(result).toEqual({ ids: ['u00002', 'u00003'], requests: 2 });
    expect(groupsOf).toHaveBeenCalledWith(['u00001', 'u00002', 'u00003']);
  });

  it('asks nothing more when no one matches', async () => {
    const groupsOf = groupsOver([]);
    expect(await lookUpMembers(GROUP, 5000, ['zzqx'], { search: searchOver([]), groupsOf })).toEqual({
      ids: [],
      requests: 1,
    });
    expect(groupsOf).not.toHaveBeenCalled();
  });

  it('reads every search page and checks each page of hits in one request, keeping the name order', async () => {
    const hits = Array.from({ length: 250 }, (_, i) => user(i, i % 3 === 0 ? [GROUP] : []));
    const search = searchOver(hits);
    const groupsOf = groupsOver(hits);
    const result = await lookUpMembers(GROUP, 50_000, ['person'], { search, groupsOf });
    expect(search).toHaveBeenCalledTimes(3);
    expect(groupsOf).toHaveBeenCalledTimes(3);
    for (const [ids] of groupsOf.mock.calls) expect(ids.length).toBeLessThanOrEqual(IDS_PER_CHECK);
    expect(result.requests).toBe(6);
    expect(result.ids).toEqual(hits.filter((_, i) => i % 3 === 0).map((u) => u.id));
  });

  it('leaves the find to the whole-group reading when the hits would cost more', async () => {
    const hits = Array.from({ length: 900 }, (_, i) => user(i, [GROUP]));
    const groupsOf = groupsOver(hits);
    const result = await lookUpMembers(GROUP, 2400, ['pe'], { search: searchOver(hits), groupsOf });
    expect(result).toEqual({ ids: undefined, requests: 1 });
    expect(groupsOf).not.toHaveBeenCalled();
  });
});
