import { describe, expect, it } from 'vitest';
import {
  allocateTopics,
  parseStreamMessage,
  planSubscriptionChange,
  RECONNECT_BASE_MS,
  RECONNECT_MAX_MS,
  reconnectDelayMs,
} from '../plan';

describe('planSubscriptionChange', () => {
  it('asks nothing when the channel already carries exactly the wanted topics', () => {
    expect(planSubscriptionChange(new Set(['a', 'b']), ['b', 'a'])).toEqual({ method: 'none' });
  });

  it('adds only the new topics when none goes', () => {
    expect(planSubscriptionChange(new Set(['a']), ['a', 'b', 'c'])).toEqual({ method: 'POST', topics: ['b', 'c'] });
    expect(planSubscriptionChange(new Set(), ['a'])).toEqual({ method: 'POST', topics: ['a'] });
  });

  it('replaces the whole list when some topic goes', () => {
    expect(planSubscriptionChange(new Set(['a', 'b']), ['b', 'c'])).toEqual({ method: 'PUT', topics: ['b', 'c'] });
    expect(planSubscriptionChange(new Set(['a', 'b']), ['b'])).toEqual({ method: 'PUT', topics: ['b'] });
  });

  it('removes every topic when none is wanted', () => {
    expect(planSubscriptionChange(new Set(['a']), [])).toEqual({ method: 'DELETE' });
    expect(planSubscriptionChange(new Set(), [])).toEqual({ method: 'none' });
  });

  it('sends each topic once', () => {
    expect(planSubscriptionChange(new Set(), ['a', 'a'])).toEqual({ method: 'POST', topics: ['a'] });
  });
});

describe('allocateTopics', () => {
  it('keeps registrations whole, oldest first, within the limit', () => {
    const result = allocateTopics(
      [
        { key: 1, topics: ['a', 'b'] },
        { key: 2, topics: ['c', 'd'] },
        { key: 3, topics: ['e'] },
      ],
      3,
    );
    expect(result.topics).toEqual(['a', 'b', 'e']);
    expect([...result.fitted]).toEqual([1, 3]);
    expect([...result.refused]).toEqual([2]);
  });

  it('counts a topic two registrations share once', () => {
    const result = allocateTopics(
      [
        { key: 1, topics: ['g', 'a', 'b'] },
        { key: 2, topics: ['g', 'c'] },
      ],
      4,
    );
    expect(result.topics).toEqual(['g', 'a', 'b', 'c']);
    expect(result.refused.size).toBe(0);
  });

  it('fits 1,000 topics on one channel by default, and not 1,001', () => {
    const topics = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
    expect(allocateTopics([{ key: 1, topics: topics(1000) }]).refused.size).toBe(0);
    expect(allocateTopics([{ key: 1, topics: topics(1001) }]).refused.has(1)).toBe(true);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from the base with each attempt, between half and all of the step', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(RECONNECT_BASE_MS / 2);
    expect(reconnectDelayMs(0, () => 1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(1, () => 1)).toBe(2 * RECONNECT_BASE_MS);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(6 * RECONNECT_BASE_MS);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(10, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(1000, () => 1)).toBe(RECONNECT_MAX_MS);
  });
});

describe('parseStreamMessage', () => {
  it('reads a topic and its body, and refuses anything else', () => {
    expect(parseStreamMessage('{"topicName":"v2.users.u1.activity","version":"2","eventBody":{"id":"u1"}}')).toEqual({
      topicName: 'v2.users.u1.activity',
      eventBody: { id: 'u1' },
    });
    expect(parseStreamMessage('not json')).toBeNull();
    expect(parseStreamMessage('{"eventBody":{}}')).toBeNull();
    expect(parseStreamMessage(new ArrayBuffer(2))).toBeNull();
  });
});
