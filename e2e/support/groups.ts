import type { Group } from '../../src/api/generated/model/group';
import type { GroupCreate } from '../../src/api/generated/model/groupCreate';
import type { Api } from './api';

/**
 * Groups for specs, made and removed through the REST API (typed by the generated models).
 *
 * ```ts
 * const group = await createGroup(await apiAs('admin', baseURL!), { description: 'Seeded by the spec' });
 * ```
 */

/** A group as the API answers it, with the fields every answer has. */
export type GroupBody = Group & { id: string; version: number };

/** A name no other spec (or run) uses: `E2E <label> <time><random>`. */
export const uniqueName = (label: string): string =>
  `E2E ${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** POST /groups: an official, public group with visible rules and a unique name, unless `fields` say otherwise. */
export const createGroup = (api: Api, fields: Partial<GroupCreate> = {}): Promise<GroupBody> =>
  api.post<GroupBody>('/api/v2/groups', {
    name: uniqueName('Group'),
    type: 'official',
    visibility: 'public',
    rulesVisible: true,
    ...fields,
  } satisfies GroupCreate);

/** DELETE /groups/{id}. */
export const deleteGroup = (api: Api, groupId: string): Promise<void> => api.delete(`/api/v2/groups/${groupId}`);

/** The API path of a group, or of one of its sub-resources: `groupPath(id, 'members')` → `/api/v2/groups/{id}/members`. */
export const groupPath = (groupId: string, ...rest: string[]): string => ['/api/v2/groups', groupId, ...rest].join('/');

/** GET /groups/{id}. */
export const getGroup = (api: Api, groupId: string): Promise<GroupBody> => api.get<GroupBody>(groupPath(groupId));

/** PUT /groups/{id} with `fields` (which carry the version the change is based on). */
export const updateGroup = <T = GroupBody>(api: Api, groupId: string, fields: Record<string, unknown>): Promise<T> =>
  api.put<T>(groupPath(groupId), fields);

/** POST /groups/{id}/members: adds `body.memberIds` (with the group's `version` when given). */
export const addMembers = <T = unknown>(
  api: Api,
  groupId: string,
  body: { memberIds: string[]; version?: number },
): Promise<T> => api.post<T>(groupPath(groupId, 'members'), body);

/** DELETE /groups/{id}/members?ids=…: removes these members. */
export const removeMembers = (api: Api, groupId: string, ids: readonly string[]): Promise<void> =>
  api.delete(`${groupPath(groupId, 'members')}?ids=${ids.join(',')}`);

/** A page of a listing as the API answers it. */
export interface Listing<T> {
  entities: T[];
  total: number;
  pageCount: number;
}

/** A new group (see createGroup) named `uniqueName(label)` with these members, added 50 at a time; answers it as it is then. */
export const groupWith = async (
  api: Api,
  label: string,
  members: ReadonlyArray<{ id: string }>,
): Promise<GroupBody & { name: string }> => {
  const group = await createGroup(api, { name: uniqueName(label) });
  for (let i = 0; i < members.length; i += 50)
    await addMembers(api, group.id, { memberIds: members.slice(i, i + 50).map((m) => m.id) });
  return getGroup(api, group.id);
};

/** Every member id of a group (GET /groups/{id}/members, pages of 500). */
export const memberIds = async (api: Api, groupId: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  for (let page = 1; ; page += 1) {
    const listing = await api.get<Listing<{ id: string }>>(
      `${groupPath(groupId, 'members')}?pageSize=500&pageNumber=${page}`,
    );
    for (const u of listing.entities) ids.add(u.id);
    if (page >= listing.pageCount) return ids;
  }
};

/** POST /groups/search with this search request. */
export const searchGroups = <T = Listing<GroupBody>>(api: Api, body: Record<string, unknown>): Promise<T> =>
  api.post<T>('/api/v2/groups/search', body);

/** GET /groups/{id}/dynamicsettings. */
export const getDynamicSettings = <T = unknown>(api: Api, groupId: string): Promise<T> =>
  api.get<T>(groupPath(groupId, 'dynamicsettings'));

/** PUT /groups/{id}/dynamicsettings: the group's members become those `query` selects. */
export const setDynamicSettings = (api: Api, groupId: string, query: unknown): Promise<void> =>
  api.put(groupPath(groupId, 'dynamicsettings'), query);
