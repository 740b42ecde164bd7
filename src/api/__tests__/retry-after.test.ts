import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_AFTER_SECONDS, MAX_RETRY_AFTER_SECONDS, parseRetryAfter, retryAfterOf } from '../retry-after';

const NOW = Date.parse('2026-10-21T07:28:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('7', NOW)).toBe(7);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120);
  });

  it('reads an HTTP date as the seconds from now until it', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', NOW)).toBe(30);
    // Part of a second still to go counts as a whole one.
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', NOW - 500)).toBe(6);
    // The obsolete forms RFC 9110 still accepts.
    expect(parseRetryAfter('Wednesday, 21-Oct-26 07:29:00 GMT', NOW)).toBe(60);
    expect(parseRetryAfter('Wed Oct 21 07:28:10 2026', NOW)).toBe(10);
  });

  it('waits nothing for a date already past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBe(0);
  });

  it('clamps a wait longer than the maximum', () => {
    expect(parseRetryAfter('999999999', NOW)).toBe(MAX_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_SECONDS);
  });

  it('falls back to the default wait for garbage, never NaN', () => {
    for (const value of [
      '',
      ' ',
      'soon',
      '-5',
      '1.5',
      '1e3',
      'Infinity',
      'NaN',
      'Wed, 99 Oct 2026 07:28:00 GMT',
      null,
      undefined,
    ]) {
      const seconds = parseRetryAfter(value, NOW);
      expect(seconds, String(value)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
      expect(Number.isNaN(seconds)).toBe(false);
    }
  });
});

describe('retryAfterOf', () => {
  it('is null without the header, and the parsed wait with it', () => {
    expect(retryAfterOf(new Headers(), NOW)).toBeNull();
    expect(retryAfterOf(new Headers({ 'Retry-After': '3' }), NOW)).toBe(3);
    expect(retryAfterOf(new Headers({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:02 GMT' }), NOW)).toBe(2);
    expect(retryAfterOf(new Headers({ 'Retry-After': 'later' }), NOW)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
  });
});
