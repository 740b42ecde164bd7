import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../errors';
import { apiRequest } from '../http';

const tooMany = (retryAfter?: string) =>
  new Response(JSON.stringify({ status: 429, code: 'too.many.requests', message: 'Slow down.' }), {
    status: 429,
    headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
  });
const ok = () => new Response(JSON.stringify({ fine: true }), { status: 200 });

const NOW = Date.parse('2026-10-21T07:28:00Z');
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Runs a GET, advancing the fake clock; answers what it resolved to and when (ms after NOW). */
const run = async () => {
  const result = apiRequest<unknown>({ url: '/api/v2/groups', method: 'GET' }).then(
    (value) => ({ value, at: Date.now() - NOW }),
    (error: unknown) => ({ error, at: Date.now() - NOW }),
  );
  await vi.runAllTimersAsync();
  return result;
};

describe('a 429 in the HTTP layer', () => {
  it('waits delta-seconds, then asks again', async () => {
    fetchMock.mockResolvedValueOnce(tooMany('3')).mockResolvedValueOnce(ok());
    const outcome = await run();
    expect(outcome).toEqual({ value: { fine: true }, at: 3000 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('waits until an HTTP date, then asks again', async () => {
    fetchMock.mockResolvedValueOnce(tooMany('Wed, 21 Oct 2026 07:28:04 GMT')).mockResolvedValueOnce(ok());
    expect(await run()).toEqual({ value: { fine: true }, at: 4000 });
  });

  it('asks again at once for a date already past', async () => {
    fetchMock.mockResolvedValueOnce(tooMany('Tue, 20 Oct 2026 07:28:00 GMT')).mockResolvedValueOnce(ok());
    expect(await run()).toEqual({ value: { fine: true }, at: 0 });
  });

  it('waits the default second for garbage, and carries a number, not NaN, on the error', async () => {
    fetchMock.mockResolvedValueOnce(tooMany('whenever')).mockResolvedValueOnce(tooMany('whenever'));
    const outcome = await run();
    expect(outcome.at).toBe(1000);
    const error = (outcome as { error: unknown }).error;
    expect(isApiError(error) && error.status).toBe(429);
    expect(isApiError(error) && error.retryAfterSeconds).toBe(1);
  });

  it('shows the error instead of waiting long, with the wait in seconds', async () => {
    fetchMock.mockResolvedValueOnce(tooMany('Wed, 21 Oct 2026 07:29:00 GMT'));
    const outcome = await run();
    expect(outcome.at).toBe(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const error = (outcome as { error: unknown }).error;
    expect(isApiError(error) && error.retryAfterSeconds).toBe(60);
  });

  it('has no wait on the error when the answer has no Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(tooMany()).mockResolvedValueOnce(tooMany());
    const outcome = await run();
    expect(outcome.at).toBe(1000);
    const error = (outcome as { error: unknown }).error;
    expect(isApiError(error) && error.retryAfterSeconds).toBeNull();
  });
});
