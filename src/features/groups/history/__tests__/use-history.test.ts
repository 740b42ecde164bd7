import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { auditKeys } from '@/api/keys/audit-keys';
import { historyRequest, realtimeInterval, REALTIME_DAYS } from '../use-history';

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
});
