import { t } from '@lingui/core/macro';
import { useQueries, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { getGetGroupQueryKey, listGroups } from '@/api/generated/endpoints/groups/groups';
import { getGetUserQueryKey, listUsers } from '@/api/generated/endpoints/users/users';
import type { Group } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import { chunk } from '@/lib/chunk';
import { QUERY_LIST_MAXIMA } from '@/api/generated/contract';

/**
 * Names behind references. The real API may answer a reference (a user's groups, a group's owners) with its
 * `id` and `selfUri` only; wherever the console shows a name from a reference it resolves it here:
 *
 *   - a reference that carries its name is used as it is (no request);
 *   - the others are fetched in batches: every id asked for within one tick goes out together,
 *     `GET /api/v2/groups?id=a,b,c` or `GET /api/v2/users?id=…`, at most IDS_PER_REQUEST ids a call;
 *   - each id is one query of the query client (`resolvedKey`), so a name resolved once is known to every
 *     screen, and every entity a batch answers seeds the query of its id.
 *
 * An id the API does not answer (deleted, or not visible to the caller) resolves to `null`.
 */

export type ResolvedKind = 'group' | 'user';
type EntityOf<K extends ResolvedKind> = K extends 'group' ? Group : User;

/** Ids per request: as many as both listings take in `id` (its `maxItems`), each with a `pageSize` that large. */
export const IDS_PER_REQUEST: number = Math.min(QUERY_LIST_MAXIMA.listGroups.id, QUERY_LIST_MAXIMA.listUsers.id);

/** How long a resolved entity counts as fresh: names rarely change, and the batch refetches past this. */
const NAME_STALE_MS = 5 * 60_000;

/** The query key of one resolved entity, from the generated key builder of its single-entity operation. */
export const resolvedKey = (kind: ResolvedKind, id: string): QueryKey => [
  'resolved',
  ...(kind === 'group' ? getGetGroupQueryKey(id) : getGetUserQueryKey(id)),
];

interface Waiter {
  resolve: (entity: Group | User | null) => void;
  reject: (error: unknown) => void;
}

/** Collects the ids asked for in one tick, per kind and query client, and fetches them together. */
class Batcher {
  private pending = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(
    private readonly kind: ResolvedKind,
    private readonly client: QueryClient,
  ) {}

  load(id: string): Promise<Group | User | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(id) ?? [];
      waiters.push({ resolve, reject });
      this.pending.set(id, waiters);
      if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => void this.flush(), 0);
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.scheduled = false;
    await Promise.all(chunk([...batch.keys()], IDS_PER_REQUEST).map((ids) => this.fetchChunk(ids, batch)));
  }

  private async fetchChunk(ids: string[], batch: Map<string, Waiter[]>): Promise<void> {
    try {
      const page =
        this.kind === 'group'
          ? await listGroups({ id: ids, pageSize: ids.length })
          : await listUsers({ id: ids, pageSize: ids.length, state: 'any' });
      const found = new Map<string, Group | User>();
      for (const entity of page.entities ?? []) if (entity.id) found.set(entity.id, entity);
      for (const id of ids) {
        const entity = found.get(id) ?? null;
        // Seeds the id's query (its own fetch resolves with the same value).
        this.client.setQueryData(resolvedKey(this.kind, id), entity);
        for (const w of batch.get(id) ?? []) w.resolve(entity);
      }
    } catch (error) {
      for (const id of ids) for (const w of batch.get(id) ?? []) w.reject(error);
    }
  }
}

const batchers = new WeakMap<QueryClient, Record<ResolvedKind, Batcher>>();
const batcherFor = (client: QueryClient, kind: ResolvedKind): Batcher => {
  let pair = batchers.get(client);
  if (!pair) {
    pair = { group: new Batcher('group', client), user: new Batcher('user', client) };
    batchers.set(client, pair);
  }
  return pair[kind];
};

/** The query of one id's entity: fetched with every other id asked for in the same tick. */
export const resolvedQueryOptions = (client: QueryClient, kind: ResolvedKind, id: string) => ({
  queryKey: resolvedKey(kind, id),
  queryFn: () => batcherFor(client, kind).load(id),
  staleTime: NAME_STALE_MS,
  retry: 1,
});

/** A reference as the API may send it: a name, or only an id (and selfUri). */
export interface Reference {
  id?: string;
  name?: string;
}

export interface Resolved<T> {
  /** The reference merged with its resolved entity; `name` is absent while resolving or when it failed. */
  entity: T;
  /** Resolving: show a skeleton. */
  pending: boolean;
  /** The request failed, or the API does not know the id: show a short fallback. */
  failed: boolean;
}

/** What a screen needs of each referenced entity beyond its name (e.g. a user's `email` and `title`). */
export interface ResolveOptions<K extends ResolvedKind> {
  /** Fields the screen shows: a reference that lacks any of them is fetched too, even when it carries its name. */
  fields?: ReadonlyArray<keyof EntityOf<K>>;
}

/**
 * The references with their names (and the rest of their entity where it had to be fetched), in order.
 * References with a name (and every field in `options.fields`) are answered at once; the others resolve in
 * batches.
 */
export function useResolved<K extends ResolvedKind, R extends Reference>(
  kind: K,
  references: readonly R[] | undefined,
  options: ResolveOptions<K> = {},
): Array<Resolved<R & Partial<EntityOf<K>>>> {
  const client = useQueryClient();
  const list = references ?? [];
  const fields = options.fields ?? [];
  const complete = (ref: R) =>
    !!ref.name && fields.every((field) => (ref as Record<PropertyKey, unknown>)[field] !== undefined);
  const results = useQueries({
    queries: list.map((ref) => ({
      ...resolvedQueryOptions(client, kind, ref.id ?? ''),
      enabled: !!ref.id && !complete(ref),
    })),
  });
  return list.map((ref, i) => {
    if (!ref.id || complete(ref)) {
      return { entity: ref as R & Partial<EntityOf<K>>, pending: false, failed: !ref.name };
    }
    const result = results[i];
    const fetched = result?.data as EntityOf<K> | null | undefined;
    const name = ref.name || fetched?.name;
    return {
      entity: { ...(fetched ?? {}), ...ref, name } as R & Partial<EntityOf<K>>,
      pending: !!result?.isPending,
      // A reference that names itself still shows its name when the rest could not be had.
      failed: !name && (!!result?.isError || fetched === null),
    };
  });
}

/**
 * The users with the names of their lean group references filled in (for exports, which write text, not
 * components): every group id without a name is resolved, in batches, through the same cached queries.
 */
export const withGroupNames = async (client: QueryClient, users: readonly User[]): Promise<User[]> => {
  const ids = [...new Set(users.flatMap((u) => (u.groups ?? []).filter((g) => g.id && !g.name).map((g) => g.id!)))];
  if (!ids.length) return [...users];
  // What a group the API does not answer is called in text (never its id).
  const unknownGroup = t`Unknown group`;
  const entities = await Promise.all(ids.map((id) => client.fetchQuery(resolvedQueryOptions(client, 'group', id))));
  const names = new Map(ids.map((id, i) => [id, entities[i]?.name]));
  return users.map((u) =>
    u.groups?.some((g) => !g.name)
      ? { ...u, groups: u.groups.map((g) => (g.name || !g.id ? g : { ...g, name: names.get(g.id) ?? unknownGroup })) }
      : u,
  );
};
