import { isApiError } from '@/api/errors';

/** Longest single wait for a 429 before asking again (the server's Retry-After is usually far less). */
const MAX_WAIT_SECONDS = 60;

const abortError = (signal: AbortSignal) =>
  // eslint-disable-next-line lingui/no-unlocalized-strings -- a DOMException's message and name, for code
  signal.reason instanceof Error ? signal.reason : new DOMException('Cancelled', 'AbortError');

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `call`; a 429 (the HTTP layer already waited once) waits out its Retry-After and asks again,
 * as often as needed, so a long operation slows down instead of failing. Cancelling stops the wait.
 */
export const waitOutRateLimit = async <T>(
  call: () => Promise<T>,
  options: { signal?: AbortSignal; onWait?: (seconds: number | null) => void } = {},
): Promise<T> => {
  for (;;) {
    try {
      const result = await call();
      return result;
    } catch (error) {
      if (!isApiError(error) || error.status !== 429) throw error;
      const seconds = Math.min(Math.max(error.retryAfterSeconds ?? 1, 1), MAX_WAIT_SECONDS);
      options.onWait?.(seconds);
      await sleep(seconds * 1000, options.signal);
      options.onWait?.(null);
    }
  }
};
