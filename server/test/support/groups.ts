/**
 * Groups for the HTTP suites: made through the validating caller, and the order names sort in.
 *
 *   const group = await createGroup(call, tokens.admin, { name: uniqueName('Members contract') });
 *   expect([...names].sort(byName)).toEqual(names);
 */
import { expect } from 'vitest';
import type { GroupBody } from './fixtures.js';
import type { ApiCall } from './openapi-validator.js';

/**
 * POST /api/v2/groups (createGroup) as `token`: an official, public group with visible rules, with
 * `fields` on top (a test passes the name); fails the test unless the answer is 200.
 */
export async function createGroup<T = GroupBody>(
  call: ApiCall,
  token: string,
  fields: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T> {
  const res = await call<T>('createGroup', {
    token,
    body: { type: 'official', visibility: 'public', rulesVisible: true, ...fields },
    headers,
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Names as the API sorts them (case-insensitive), for `Array.prototype.sort`. */
export const byName = (a: string, b: string): number =>
  a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;

/** Every group a caller can see, through every page of GET /api/v2/groups (listGroups, pageSize 500). */
export async function listAllGroups(call: ApiCall, token: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; page < 100; page++) {
    const res = await call('listGroups', { token, query: { pageSize: 500, pageNumber: page } });
    expect(res.status, res.text).toBe(200);
    total = res.body.total;
    ids.push(...res.body.entities.map((g: GroupBody) => g.id));
    if (page >= res.body.pageCount) break;
  }
  return { ids, total };
}
