import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  getGetGroupDynamicSettingsQueryKey,
  getGetGroupQueryKey,
  getListGroupMembersQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
} from '@/api/generated/endpoints/groups/groups';
import { dropGroupFromCollections, forgetGroup, INVALIDATES } from '../group-mutations';

const group = (id: string) => ({ id, name: id, type: 'official', visibility: 'public', rulesVisible: true });

const seeded = () => {
  const client = new QueryClient();
  client.setQueryData(getListGroupsQueryKey({ pageSize: 25 }), { entities: [group('a'), group('gone')], total: 2 });
  client.setQueryData(getSearchGroupsQueryKey({ query: [{ type: 'MATCH_ALL' }] }), {
    results: [group('gone'), group('b')],
    total: 2,
  });
  client.setQueryData(getGetGroupQueryKey('gone'), group('gone'));
  client.setQueryData(getListGroupMembersQueryKey('gone', { pageSize: 25 }), { entities: [] });
  client.setQueryData(getGetGroupQueryKey('a'), group('a'));
  return client;
};

describe('after a group is deleted', () => {
  it('leaves every cached listing and search', () => {
    const client = seeded();
    dropGroupFromCollections(client, 'gone');
    const list = client.getQueryData<{ entities: { id: string }[] }>(getListGroupsQueryKey({ pageSize: 25 }));
    const search = client.getQueryData<{ results: { id: string }[] }>(
      getSearchGroupsQueryKey({ query: [{ type: 'MATCH_ALL' }] }),
    );
    expect(list?.entities.map((g) => g.id)).toEqual(['a']);
    expect(search?.results.map((g) => g.id)).toEqual(['b']);
  });

  it('forgets its own cached data and nothing else', () => {
    const client = seeded();
    forgetGroup(client, 'gone');
    expect(client.getQueryData(getGetGroupQueryKey('gone'))).toBeUndefined();
    expect(client.getQueryData(getListGroupMembersQueryKey('gone', { pageSize: 25 }))).toBeUndefined();
    expect(client.getQueryData(getGetGroupQueryKey('a'))).toEqual(group('a'));
  });
});

describe('what group writes refresh', () => {
  const paletteSearch = getSearchGroupsQueryKey({
    query: [{ type: 'CONTAINS', fields: ['name'], value: 'sup' }],
    pageSize: 8,
  });

  it.each([
    ['createGroup', INVALIDATES.createGroup()],
    ['updateGroup', INVALIDATES.updateGroup('g1')],
    ['deleteGroup', INVALIDATES.deleteGroup()],
    ['changeMembers', INVALIDATES.changeMembers('g1')],
  ])('%s reaches the listings, both searches (the palette too) and no other group', async (_name, keys) => {
    const client = new QueryClient();
    const queries = {
      list: getListGroupsQueryKey({ pageSize: 25 }),
      q64: getSearchGroupsByQ64QueryKey({ q64: 'abc' }),
      palette: paletteSearch,
      other: getGetGroupQueryKey('other'),
    };
    for (const key of Object.values(queries)) client.setQueryData(key, {});
    for (const queryKey of keys) await client.invalidateQueries({ queryKey });
    const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(invalidated(queries.list)).toBe(true);
    expect(invalidated(queries.q64)).toBe(true);
    expect(invalidated(queries.palette)).toBe(true);
    expect(invalidated(queries.other)).toBe(false);
  });

  it('a rules change refreshes the rules, the group and its members', async () => {
    const client = new QueryClient();
    const members = getListGroupMembersQueryKey('g1', { pageSize: 25 });
    for (const key of [getGetGroupQueryKey('g1'), members, getGetGroupDynamicSettingsQueryKey('g1')]) {
      client.setQueryData(key, {});
    }
    for (const queryKey of INVALIDATES.changeRules('g1')) await client.invalidateQueries({ queryKey });
    expect(client.getQueryState(members)?.isInvalidated).toBe(true);
    expect(client.getQueryState(getGetGroupDynamicSettingsQueryKey('g1'))?.isInvalidated).toBe(true);
  });
});
