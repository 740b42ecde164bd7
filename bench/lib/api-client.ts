/** The few REST calls the bench makes to set itself up (not the measured traffic). */

export interface Api {
  url: string;
  token: string;
}

export async function call<T>(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${api.token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function expectOk<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  const result = await call<T>(api, method, path, body);
  if (result.status < 200 || result.status > 299)
    throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

interface Listing<T> {
  entities?: T[];
  total?: number;
  pageCount?: number;
}

export interface GroupRef {
  id: string;
  name: string;
  memberCount?: number;
  version?: number;
}

/** Member ids of a group, page by page (pageSize 500), up to `limit`. */
export async function memberIds(api: Api, groupId: string, limit: number, firstPage = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let page = firstPage; ids.length < limit; page++) {
    const listing = await expectOk<Listing<{ id: string }>>(
      api,
      'GET',
      `/api/v2/groups/${groupId}/members?pageSize=500&pageNumber=${page}`,
    );
    const entities = listing.entities ?? [];
    ids.push(...entities.map((e) => e.id));
    if (entities.length < 500) break;
  }
  return ids.slice(0, limit);
}

/**
 * Search terms that find groups: the pieces (4 to 6 letters) of the words in group names, read from
 * the listing page by page, up to `limit` distinct terms in a fixed order.
 */
export async function groupNameTerms(api: Api, limit: number): Promise<string[]> {
  const terms = new Set<string>();
  for (let page = 1; terms.size < limit; page++) {
    const listing = await expectOk<Listing<GroupRef>>(api, 'GET', `/api/v2/groups?pageSize=100&pageNumber=${page}`);
    for (const group of listing.entities ?? [])
      for (const word of group.name.toLowerCase().split(/[^a-z]+/))
        for (let length = 4; length <= 6; length++)
          for (let start = 0; start + length <= word.length; start++) terms.add(word.slice(start, start + length));
    if (page >= (listing.pageCount ?? 1)) break;
  }
  return [...terms].slice(0, limit);
}

/** The individuals (directly added users) of a group: GET /groups/{id}/individuals, unpaged. */
export async function allMemberIdsOf(api: Api, groupId: string): Promise<Set<string>> {
  const listing = await expectOk<Listing<{ id: string }>>(api, 'GET', `/api/v2/groups/${groupId}/individuals`);
  return new Set((listing.entities ?? []).map((e) => e.id));
}

/** Creates a social, public scratch group (social, so members' official-group limit is untouched). */
export async function createScratchGroup(api: Api, name: string): Promise<GroupRef> {
  return expectOk<GroupRef>(api, 'POST', '/api/v2/groups', {
    name,
    type: 'social',
    visibility: 'public',
    rulesVisible: true,
    description: 'Scratch group of the benchmark; deleted when it ends.',
  });
}

export async function deleteGroup(api: Api, groupId: string): Promise<void> {
  const result = await call(api, 'DELETE', `/api/v2/groups/${groupId}`);
  if (result.status !== 204 && result.status !== 200 && result.status !== 404)
    throw new Error(`DELETE /api/v2/groups/${groupId} answered ${result.status}`);
}
