import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  getGetGroupQueryKey,
  getListGroupMembersQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsQueryKey,
} from '@/api/generated/endpoints/groups/groups';
import { dropGroupFromCollections, forgetGroup } from '../use-delete-group-mutation';

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
