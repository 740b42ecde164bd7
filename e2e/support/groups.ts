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
