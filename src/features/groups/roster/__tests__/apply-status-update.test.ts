import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { activityTopic, statusUpdateOf } from '../live-events';
import type { RosterReading } from '../roster-model';
import { applyStatusUpdate } from '../use-roster-push';

const KEY = ['groups', 'g1', 'members', { roster: ['presence', 'routingStatus'] }];

const reading = (presence: string): RosterReading => ({
  entries: [{ id: 'u1', name: 'Ada', presence, definitionId: `def-${presence}`, routingStatus: 'IDLE', email: '' }],
  requests: 1,
  total: 1,
});

/** u1 goes on a break (a v2.users.{id}.activity event). */
const toBreak = statusUpdateOf(activityTopic('u1'), {
  id: 'u1',
  routingStatus: { status: 'IDLE', startTime: '2026-12-04T10:00:00Z' },
  presence: { presenceDefinition: { id: 'def-Break', systemPresence: 'Break' }, modifiedDate: '2026-12-04T10:00:00Z' },
  outOfOffice: { active: false },
  activeQueueIds: [],
})!;

const presenceIn = (client: QueryClient) => client.getQueryData<RosterReading>(KEY)?.entries[0]?.presence;

/** A reading of KEY that answers when told to. */
const readingUnderWay = (client: QueryClient) => {
  let answer: (value: RosterReading) => void = () => undefined;
  const done = client.fetchQuery({
    queryKey: KEY,
    queryFn: () => new Promise<RosterReading>((resolve) => (answer = resolve)),
  });
  return { answer: (value: RosterReading) => answer(value), done };
};

describe('a status event written into the cached roster', () => {
  it('survives a reading that was under way when it came and answers with the status from before it', async () => {
    const client = new QueryClient();
    client.setQueryData(KEY, reading('Meal'));
    const catchUp = readingUnderWay(client);

    applyStatusUpdate(client, [KEY], toBreak);
    expect(presenceIn(client)).toBe('Break');

    catchUp.answer(reading('Meal')); // read before the member went on a break
    await catchUp.done;
    expect(presenceIn(client)).toBe('Break');
  });

  it('leaves readings that start after it alone: a later status from the server stands', async () => {
    const client = new QueryClient();
    client.setQueryData(KEY, reading('Meal'));
    applyStatusUpdate(client, [KEY], toBreak);

    const later = readingUnderWay(client);
    later.answer(reading('Available'));
    await later.done;
    expect(presenceIn(client)).toBe('Available');
  });

  it('is written again once only: the reading after the catch-up stands', async () => {
    const client = new QueryClient();
    client.setQueryData(KEY, reading('Meal'));
    const catchUp = readingUnderWay(client);
    applyStatusUpdate(client, [KEY], toBreak);
    catchUp.answer(reading('Meal'));
    await catchUp.done;

    const next = readingUnderWay(client);
    next.answer(reading('Available'));
    await next.done;
    expect(presenceIn(client)).toBe('Available');
  });
});
