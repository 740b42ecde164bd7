import type { Api } from '../support/api';

export interface GroupBody {
  id: string;
  name: string;
  version: number;
  memberCount?: number;
  type?: string;
}
export interface UserBody {
  id: string;
  name: string;
  email: string;
}
export interface Listing<T> {
  entities: T[];
  total: number;
  pageCount: number;
}

export const uniqueName = (label: string) =>
  `E2E ${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Active users from a random stretch of the directory (pages of 100), in random order. */
export const someUsers = async (api: Api, count: number): Promise<UserBody[]> => {
  const out: UserBody[] = [];
  let page = 2 + Math.floor(Math.random() * 10);
  while (out.length < count) {
    const listing = await api.get<Listing<UserBody>>(`/api/v2/users?pageSize=100&pageNumber=${page}`);
    out.push(...listing.entities);
    page += 1;
  }
  return out.sort(() => Math.random() - 0.5).slice(0, count);
};

/** A fresh public official group with these members (added 50 at a time). */
export const groupWith = async (api: Api, label: string, members: readonly UserBody[]): Promise<GroupBody> => {
  const group = await api.post<GroupBody>('/api/v2/groups', {
    name: uniqueName(label),
    type: 'official',
    visibility: 'public',
    rulesVisible: true,
  });
  for (let i = 0; i < members.length; i += 50) {
    await api.post(`/api/v2/groups/${group.id}/members`, { memberIds: members.slice(i, i + 50).map((m) => m.id) });
  }
  return api.get<GroupBody>(`/api/v2/groups/${group.id}`);
};

/** Every member id of a group (pages of 500). */
export const memberIds = async (api: Api, groupId: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  for (let page = 1; ; page += 1) {
    const listing = await api.get<Listing<UserBody>>(
      `/api/v2/groups/${groupId}/members?pageSize=500&pageNumber=${page}`,
    );
    for (const u of listing.entities) ids.add(u.id);
    if (page >= listing.pageCount) return ids;
  }
};
