/**
 * Per-token rate limit: at most `perMinute` requests in each one-minute window per access token (the
 * real API's `org.app.user.rate.per.minute`, default 300; README, "Server settings"). The window can be
 * made shorter (RATE_LIMIT_WINDOW_SECONDS) for tests that wait one out. Past it: 429
 * `too.many.requests` with `Retry-After` (seconds to the end of the window) and the Limit object in the
 * body.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiErrorWithBody } from '../contract/errors.js';

/** The real API's window. */
export const DEFAULT_WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs: number = DEFAULT_WINDOW_MS,
  ) {}

  /** Counts a request for `key`; throws the 429 when the window's budget is spent. */
  hit(key: string): void {
    if (this.perMinute <= 0) return;
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return;
    const retryAfter = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    const windowSeconds = String(this.windowMs / 1000);
    throw new ApiErrorWithBody(
      429,
      'too.many.requests',
      `Rate limit exceeded: at most ${this.perMinute} requests per ${windowSeconds} seconds for this token. Retry after ${retryAfter} seconds.`,
      {
        messageWithParams:
          'Rate limit exceeded: at most {limit} requests per {window} seconds for this token. Retry after {retryAfter} seconds.',
        messageParams: { limit: String(this.perMinute), window: windowSeconds, retryAfter: String(retryAfter) },
        headers: { 'Retry-After': String(retryAfter) },
      },
      { limit: { key: 'org.app.user.rate.per.minute', namespace: 'platform.api', value: this.perMinute } },
    );
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }

  /** The hook: runs after authentication, keyed by the token (hashed, so tokens are not kept in memory twice). */
  hook() {
    return async (request: FastifyRequest): Promise<void> => {
      if (this.perMinute <= 0 || !request.caller) return;
      this.hit(createHash('sha256').update(request.caller.token).digest('base64url'));
    };
  }
}
