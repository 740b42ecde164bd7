// @vitest-environment node
/**
 * The name resolver against the real embedded server in lean reference mode: ids asked for together go out
 * in as few calls as the API allows, each id cached as its own query; unknown ids resolve to null.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- a test, not shipped: the resolver runs against the real server
import { DEMO_GROUPS } from '../../../server/src/db/seed/personas';
// eslint-disable-next-line import-x/no-restricted-paths -- as above
import { startServer, type TestServer } from '../../../server/test/support/server';
import type { Group } from '../generated/model/group';
import { configureHttp } from '../http';
import { listUsers } from '../generated/endpoints/users/users';
import {
  IDS_PER_REQUEST,
  resolvedKey,
  resolvedQueryOptions,
  withGroupNames,
  type ResolvedKind,
} from '../resolve-names';

let server: TestServer;
const requests: URL[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startServer({ leanReferences: true });
  const token = server.tokenFor('wildcard');
  configureHttp({ baseUrl: () => server.url, getToken: () => token });
  // Records every request the resolver sends (and sends it for real).
  globalThis.fetch = (input, init) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    return realFetch(input, init);
  };
}, 120_000);
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.close();
});
afterEach(() => {
  requests.length = 0;
});

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const resolveAll = (client: QueryClient, kind: ResolvedKind, ids: readonly string[]) =>
  Promise.all(ids.map((id) => client.fetchQuery(resolvedQueryOptions(client, kind, id))));

describe('resolving names', () => {
  it('resolves groups asked for together in one call, and an unknown id to null', async () => {
    const client = new QueryClient();
    const ids = [DEMO_GROUPS.allStaff.id, DEMO_GROUPS.small.id, UNKNOWN];
    const entities = (await resolveAll(client, 'group', ids)) as Array<Group | null>;
    expect(entities.map((e) => e?.name ?? null)).toEqual([DEMO_GROUPS.allStaff.name, DEMO_GROUPS.small.name, null]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.pathname).toBe('/api/v2/groups');
    expect(requests[0]!.searchParams.get('id')!.split(',').sort()).toEqual([...ids].sort());
    // Each id is a query of its own: asking again sends nothing.
    expect(client.getQueryData(resolvedKey('group', DEMO_GROUPS.small.id))).toMatchObject({
      name: DEMO_GROUPS.small.name,
    });
    await resolveAll(client, 'group', [DEMO_GROUPS.small.id]);
    expect(requests).toHaveLength(1);
  });

  it('splits more ids than one call takes into calls of at most IDS_PER_REQUEST', async () => {
    const rows = server.db
      .prepare('SELECT id, name FROM users ORDER BY id LIMIT ?')
      .all(IDS_PER_REQUEST + 30) as Array<{
      id: string;
      name: string;
    }>;
    const client = new QueryClient();
    const users = await resolveAll(
      client,
      'user',
      rows.map((r) => r.id),
    );
    expect(users.map((u) => u?.name)).toEqual(rows.map((r) => r.name));
    expect(requests.map((u) => u.searchParams.get('id')!.split(',').length).sort((a, b) => a - b)).toEqual([
      30,
      IDS_PER_REQUEST,
    ]);
  });

  it("fills in the names of users' lean group references for text (exports), in one batch", async () => {
    const page = await listUsers({ pageSize: 5, expand: ['groups'] });
    const users = page.entities ?? [];
    const refs = users.flatMap((u) => u.groups ?? []);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((g) => g.name === undefined)).toBe(true);
    requests.length = 0;
    const named = await withGroupNames(new QueryClient(), users);
    const groups = named.flatMap((u) => u.groups ?? []);
    expect(groups.every((g) => typeof g.name === 'string' && g.name.length > 0 && g.name !== g.id)).toBe(true);
    expect(groups.some((g) => g.id === DEMO_GROUPS.allStaff.id && g.name === DEMO_GROUPS.allStaff.name)).toBe(true);
    expect(requests).toHaveLength(Math.ceil(new Set(refs.map((g) => g.id)).size / IDS_PER_REQUEST));
  });
});
