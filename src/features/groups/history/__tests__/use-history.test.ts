import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { auditKeys } from '@/api/keys/audit-keys';
import { DIRECTORY_GROUP_NAMES, groupAuditNames, GROUPS_DIRECTORY_GROUP_NAMES } from '../../core/audit-names';
import { historyRequest, isChange, realtimeInterval, REALTIME_DAYS } from '../use-history';

describe('history queries', () => {
  it('filter one group by entity id, actions as alternatives and the person, newest first', () => {
    expect(historyRequest({ groupId: 'g1', actions: ['MemberAdd', 'MemberRemove'], userId: 'u1' })).toEqual({
      serviceName: 'Directory',
      filters: [
        { property: 'EntityType', value: 'Group' },
        { property: 'EntityId', value: 'g1' },
        { property: 'UserId', value: 'u1' },
        { property: 'Action', value: 'MemberAdd' },
        { property: 'Action', value: 'MemberRemove' },
      ],
      sort: [{ name: 'Timestamp', sortOrder: 'descending' }],
      pageSize: 50,
    });
  });

  it('ask for an interval inside the realtime window that includes the present minute', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    const [start, end] = realtimeInterval(now)
      .split('/')
      .map((t) => Date.parse(t!));
    expect(end! - now.getTime()).toBe(60_000);
    expect(now.getTime() - start!).toBe(REALTIME_DAYS * 24 * 3600_000 - 60_000);
  });

  it('are all reached by invalidating the history key', async () => {
    const client = new QueryClient();
    const key = auditKeys.history(historyRequest({ groupId: 'g1' }));
    client.setQueryData(key, { pages: [], pageParams: [] });
    await client.invalidateQueries({ queryKey: auditKeys.all() });
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    const other = auditKeys.history(historyRequest({ groupId: 'g2' }));
    expect(other).not.toEqual(key);
  });

  it('query with the service name and entity type the service mapping gives', () => {
    const request = historyRequest({ groupId: 'g1' }, GROUPS_DIRECTORY_GROUP_NAMES);
    expect(request.serviceName).toBe('Groups');
    expect(request.filters?.[0]).toEqual({ property: 'EntityType', value: 'DirectoryGroup' });
    expect(auditKeys.history(request)).not.toEqual(auditKeys.history(historyRequest({ groupId: 'g1' })));
  });
});

describe('the names of group changes, from the realtime service mapping', () => {
  const service = (name: string, ...entities: string[]) => ({ name, entities: entities.map((e) => ({ name: e })) });

  it('prefers Groups/DirectoryGroup when the mapping offers them, as a real org does', () => {
    const mapping = {
      services: [
        service('Directory', 'Group', 'User'),
        service('Groups', 'SkillGroup', 'DirectoryGroup', 'Team', 'SkillGroupDefinition'),
      ],
    };
    expect(groupAuditNames(mapping)).toEqual(GROUPS_DIRECTORY_GROUP_NAMES);
  });

  it('takes Directory/Group otherwise, and when the mapping is unknown or offers neither', () => {
    expect(groupAuditNames({ services: [service('Directory', 'Group')] })).toEqual(DIRECTORY_GROUP_NAMES);
    expect(groupAuditNames({ services: [service('Groups', 'SkillGroup')] })).toEqual(DIRECTORY_GROUP_NAMES);
    expect(groupAuditNames({ services: [] })).toEqual(DIRECTORY_GROUP_NAMES);
    expect(groupAuditNames(undefined)).toEqual(DIRECTORY_GROUP_NAMES);
  });
});

describe('failed attempts', () => {
  it('a record is a change only with status SUCCESS (or none)', () => {
    expect(isChange({ status: 'SUCCESS' })).toBe(true);
    expect(isChange({})).toBe(true);
    expect(isChange({ status: 'FAILURE' })).toBe(false);
    expect(isChange({ status: 'WARNING' })).toBe(false);
  });
});
