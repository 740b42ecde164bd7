import { describe, expect, it } from 'vitest';
import type { User } from '@/api/generated/model/user';
import { countStatuses, describeCounts, formatStatusFilter, parseStatusFilter, statusLabel } from '../status-counts';

const user = (id: string, presence?: string, routing?: string): User =>
  ({
    id,
    version: 1,
    ...(presence ? { presence: { presenceDefinition: { systemPresence: presence } } } : {}),
    ...(routing ? { routingStatus: { status: routing } } : {}),
  }) as User;

const page = [
  user('a', 'Available', 'IDLE'),
  user('b', 'Available', 'INTERACTING'),
  user('c', 'On Queue', 'IDLE'),
  user('d', 'Offline', 'OFF_QUEUE'),
  user('e', 'Available'),
  user('f'),
];

describe('countStatuses', () => {
  it('counts presence over the page, largest first, ignoring members without one', () => {
    expect(countStatuses(page, 'presence')).toEqual([
      { kind: 'presence', value: 'Available', count: 3 },
      { kind: 'presence', value: 'Offline', count: 1 },
      { kind: 'presence', value: 'On Queue', count: 1 },
    ]);
  });
  it('counts routing status', () => {
    expect(countStatuses(page, 'routingStatus').map((c) => [c.value, c.count])).toEqual([
      ['IDLE', 2],
      ['INTERACTING', 1],
      ['OFF_QUEUE', 1],
    ]);
  });
  it('describes counts in words', () => {
    expect(describeCounts(countStatuses(page, 'presence'))).toBe('3 available, 1 offline, 1 on queue');
    expect(statusLabel('OFF_QUEUE')).toBe('Off queue');
  });
});

describe('status filter', () => {
  it('round-trips through the URL value and rejects junk', () => {
    expect(parseStatusFilter(formatStatusFilter({ kind: 'presence', value: 'On Queue' }))).toEqual({
      kind: 'presence',
      value: 'On Queue',
    });
    expect(parseStatusFilter('colour:red')).toBeNull();
    expect(parseStatusFilter('presence:')).toBeNull();
    expect(parseStatusFilter(null)).toBeNull();
  });
});
