import { describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/generated/model/user';
import { fetchAllMembers, type FetchMembersPage } from '../export-members';

const users = (from: number, n: number): User[] =>
  Array.from({ length: n }, (_, i) => ({ id: `u${from + i}`, version: 1 }));

describe('fetchAllMembers', () => {
  it('pages until the last page and reports progress', async () => {
    const fetchPage: FetchMembersPage = vi.fn(async (page) => ({
      entities: page < 3 ? users((page - 1) * 500, 500) : users(1000, 120),
      total: 1120,
      pageCount: 3,
    }));
    const progress = vi.fn();
    const all = await fetchAllMembers(fetchPage, new AbortController().signal, progress);
    expect(all).toHaveLength(1120);
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(progress).toHaveBeenLastCalledWith({ loaded: 1120, total: 1120, page: 3, pageCount: 3 });
  });

  it('drops duplicates and stops on an empty page', async () => {
    const fetchPage: FetchMembersPage = vi.fn(async (page) => ({
      entities: page === 1 ? users(0, 3) : page === 2 ? users(2, 3) : [],
      total: 5,
      pageCount: 9,
    }));
    expect((await fetchAllMembers(fetchPage, new AbortController().signal)).map((u) => u.id)).toEqual([
      'u0',
      'u1',
      'u2',
      'u3',
      'u4',
    ]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const fetchPage: FetchMembersPage = vi.fn(async () => {
      controller.abort();
      return { entities: users(0, 500), total: 2000, pageCount: 4 };
    });
    await expect(fetchAllMembers(fetchPage, controller.signal)).rejects.toThrow();
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
