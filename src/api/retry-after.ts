/**
 * `Retry-After` of a 429 (or 503), as RFC 9110 §10.2.3 allows it: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, relative to now; a date already past means no wait). The answer is
 * always a whole number of seconds between 0 and MAX_RETRY_AFTER_SECONDS: a header that is neither form
 * (empty, negative, garbage) gives DEFAULT_RETRY_AFTER_SECONDS, never NaN.
 */

/** The wait when the server asks for one but says nothing usable. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** The longest wait a Retry-After can ask for here (a day): a larger one is clamped. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

const DELTA_SECONDS = /^\d+$/;
/** The three date forms RFC 9110 accepts (IMF-fixdate, obsolete RFC 850 and asctime). */
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

const clamp = (seconds: number): number => Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS);

/** Seconds to wait for a `Retry-After` value; `now` is the current time in milliseconds. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number => {
  const text = value?.trim() ?? '';
  if (DELTA_SECONDS.test(text)) return clamp(Number(text));
  if (HTTP_DATE.test(text)) {
    // asctime dates carry no zone: they are GMT too.
    const at = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
    if (Number.isFinite(at)) return clamp(Math.ceil((at - now) / 1000));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
};

/** The wait a response asks for: null when it has no `Retry-After` header at all. */
export const retryAfterOf = (headers: Headers, now: number = Date.now()): number | null => {
  const value = headers.get('Retry-After');
  return value === null ? null : parseRetryAfter(value, now);
};
