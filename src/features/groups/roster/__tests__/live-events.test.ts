import { describe, expect, it } from 'vitest';
import type { User } from '@/api/generated/model/user';
import {
  activityTopic,
  applyToCached,
  applyToReading,
  fitsLive,
  groupChangesTopic,
  LIVE_ROSTER_MAX_MEMBERS,
  rosterTopics,
  statusUpdateOf,
} from '../live-events';
import type { RosterReading } from '../roster-model';

const activity = (id: string, systemPresence: string, status: string) => ({
  id,
  routingStatus: { status, startTime: '2026-12-01T10:00:00Z' },
  presence: {
    presenceDefinition: { id: `def-${systemPresence}`, systemPresence },
    modifiedDate: '2026-12-01T10:00:00Z',
  },
  outOfOffice: { active: false },
  activeQueueIds: [],
});

const reading = (): RosterReading => ({
  entries: [
    { id: 'u1', name: 'Ada', presence: 'Available', definitionId: 'def-Available', routingStatus: 'IDLE', email: '' },
    { id: 'u2', name: 'Bo', presence: 'Away', definitionId: 'def-Away', routingStatus: 'OFF_QUEUE', email: '' },
  ],
  requests: 1,
  total: 2,
});

const user = (id: string, systemPresence: string, status: string): User =>
  ({
    id,
    name: id,
    presence: { presenceDefinition: { id: `def-${systemPresence}`, systemPresence } },
    routingStatus: { status },
  }) as User;

describe('the topics of a live roster', () => {
  it('is one activity topic per member, and the group’s changes when allowed', () => {
    expect(rosterTopics('g1', ['u1', 'u2'], true)).toEqual([
      'v2.audits.entitytype.Group.entityid.g1',
      'v2.users.u1.activity',
      'v2.users.u2.activity',
    ]);
    expect(rosterTopics('g1', ['u1'], false)).toEqual(['v2.users.u1.activity']);
  });

  it('keeps groups live up to one channel’s topics, less the group’s own', () => {
    expect(LIVE_ROSTER_MAX_MEMBERS).toBe(999);
    expect(fitsLive(999)).toBe(true);
    expect(fitsLive(1000)).toBe(false);
  });
});

describe('statusUpdateOf', () => {
  it('reads presence and routing status from an activity event', () => {
    expect(statusUpdateOf(activityTopic('u1'), activity('u1', 'Meal', 'OFF_QUEUE'))).toEqual({
      id: 'u1',
      presence: 'Meal',
      definitionId: 'def-Meal',
      routingStatus: 'OFF_QUEUE',
    });
  });

  it('reads the presence and routing status topics too', () => {
    expect(
      statusUpdateOf('v2.users.u1.presence', { presenceDefinition: { id: 'd', systemPresence: 'Break' } }),
    ).toEqual({ id: 'u1', presence: 'Break', definitionId: 'd' });
    expect(statusUpdateOf('v2.users.u1.routingStatus', { id: 'u1', routingStatus: { status: 'IDLE' } })).toEqual({
      id: 'u1',
      routingStatus: 'IDLE',
    });
  });

  it('ignores other topics and empty events', () => {
    expect(statusUpdateOf(groupChangesTopic('g1'), { action: 'MemberAdd' })).toBeNull();
    expect(statusUpdateOf(activityTopic('u1'), {})).toBeNull();
    expect(statusUpdateOf(activityTopic('u1'), null)).toBeNull();
  });
});

describe('applying an event to the cache', () => {
  const update = statusUpdateOf(activityTopic('u2'), activity('u2', 'Available', 'IDLE'))!;

  it('changes the member’s entry in a whole-group reading, so the counts follow', () => {
    const before = reading();
    const after = applyToReading(before, update);
    expect(after).not.toBe(before);
    expect(after.entries[1]).toMatchObject({
      presence: 'Available',
      definitionId: 'def-Available',
      routingStatus: 'IDLE',
    });
    expect(after.entries[0]).toBe(before.entries[0]);
    expect(before.entries[1]!.presence).toBe('Away');
  });

  it('answers the same objects when the event changes nothing', () => {
    const before = reading();
    const same = statusUpdateOf(activityTopic('u1'), activity('u1', 'Available', 'IDLE'))!;
    expect(applyToReading(before, same)).toBe(before);
    const stranger = statusUpdateOf(activityTopic('u9'), activity('u9', 'Meal', 'IDLE'))!;
    expect(applyToReading(before, stranger)).toBe(before);
    const page = { entities: [user('u1', 'Available', 'IDLE')], total: 1 };
    expect(applyToCached(page, same)).toBe(page);
  });

  it('changes the member in a members page, a users page and a page of users', () => {
    const listing = { entities: [user('u1', 'Available', 'IDLE'), user('u2', 'Away', 'OFF_QUEUE')], total: 2 };
    const next = applyToCached(listing, update) as typeof listing;
    expect(next).not.toBe(listing);
    expect(next.total).toBe(2);
    expect(next.entities[1]!.presence?.presenceDefinition).toEqual({
      id: 'def-Available',
      systemPresence: 'Available',
    });
    expect(next.entities[1]!.routingStatus?.status).toBe('IDLE');
    expect(next.entities[0]).toBe(listing.entities[0]);

    const users = [user('u2', 'Away', 'OFF_QUEUE')];
    expect((applyToCached(users, update) as User[])[0]!.presence?.presenceDefinition?.systemPresence).toBe('Available');
  });

  it('leaves other data of the members key alone (the reasons reading, a group)', () => {
    const reasons = { entries: [{ id: 'u2', reasons: ['individual'] }], requests: 1, total: 1 };
    expect(applyToCached(reasons, update)).toBe(reasons);
    const group = { id: 'g1', name: 'Team' };
    expect(applyToCached(group, update)).toBe(group);
    expect(applyToCached(undefined, update)).toBeUndefined();
  });
});
