import { describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { apiMessageInWords, describeApiError } from '../error-words';
import { ApiError, apiErrorKind, apiTextOf } from '../errors';

/** An ErrorBody as the API sends it: its code, status and own text. */
const apiError = (status: number, code: string | undefined, message: string | undefined, retryAfter?: number) =>
  new ApiError(status, { status, ...(code ? { code } : {}), ...(message ? { message } : {}) }, retryAfter ?? null);

describe('API errors in the console’s words', () => {
  it.each([
    [400, 'bad.request', 'badRequest', 'The server did not accept the request: something in it is not valid.'],
    [400, 'invalid.value', 'badRequest', 'The server did not accept the request: something in it is not valid.'],
    [401, 'authentication.required', 'unauthorized', 'Your session has ended. Sign in again to continue.'],
    [403, 'missing.permissions', 'forbidden', 'You do not have permission to do this.'],
    [403, 'not.authorized', 'forbidden', 'You do not have permission to do this.'],
    [404, 'not.found', 'notFound', 'It was not found: it does not exist, was deleted, or is not visible to you.'],
    [
      409,
      'conflict',
      'conflict',
      'Someone else changed this in the meantime. Reload to see the latest version, then try again.',
    ],
    [
      409,
      'general.conflict',
      'conflict',
      'Someone else changed this in the meantime. Reload to see the latest version, then try again.',
    ],
    [413, 'response.entity.too.large', 'tooLarge', 'The request is larger than the server accepts.'],
    [415, 'unsupported.media.type', 'unsupportedMediaType', 'The server did not accept the format of the request.'],
    [429, 'too.many.requests', 'tooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [500, 'internal.server.error', 'serverError', 'The server ran into a problem. Try again later.'],
    [503, 'service.unavailable', 'unavailable', 'The service is not available at the moment. Try again later.'],
    [504, 'request.timeout', 'timeout', 'The server took too long to answer. Try again.'],
  ] as const)('%i %s: its own message, and the API’s text as the detail', (status, code, kind, words) => {
    const error = apiError(status, code, 'What the API said.');
    expect(apiErrorKind(error)).toBe(kind);
    expect(describeApiError(error)).toBe(words);
    expect(apiTextOf(error)).toBe('What the API said.');
  });

  it('goes by the code first, then by the status', () => {
    // A 400 whose code says conflict (the API's version mismatch can come as either).
    expect(apiErrorKind(apiError(400, 'conflict', 'x'))).toBe('conflict');
    expect(apiErrorKind(apiError(404, undefined, 'x'))).toBe('notFound');
    expect(apiErrorKind(apiError(502, undefined, 'Bad gateway'))).toBe('serverError');
    expect(apiErrorKind(apiError(409, 'some.new.code', 'x'))).toBe('conflict');
  });

  it('names the permissions a 403 lists in its messageParams', () => {
    const error = new ApiError(403, {
      code: 'missing.any.permissions',
      message: 'Unable to perform the requested action. You must have at least one of …',
      messageParams: { permissions: 'directory:group:add, directory:group:edit' },
    });
    expect(describeApiError(error)).toBe(
      'You do not have permission to do this. It needs one of these permissions: directory:group:add, directory:group:edit.',
    );
    expect(apiTextOf(error)).toMatch(/^Unable to perform the requested action/);
  });

  it('says when to try again after a 429, in the plural the number takes', () => {
    expect(describeApiError(apiError(429, 'too.many.requests', 'Rate limit exceeded', 1))).toBe(
      'Too many requests. Try again in 1 second.',
    );
    expect(describeApiError(apiError(429, 'too.many.requests', 'Rate limit exceeded', 1234))).toBe(
      'Too many requests. Try again in 1,234 seconds.',
    );
  });

  it('words a network failure, which has no API text', () => {
    const error = new ApiError(0, {});
    expect(apiErrorKind(error)).toBe('network');
    expect(describeApiError(error)).toBe('The server could not be reached. Check your connection and try again.');
    expect(apiTextOf(error)).toBeNull();
  });

  it('shows the API’s own text when it knows neither the code nor the status, with no detail repeating it', () => {
    const error = apiError(422, 'some.new.code', 'The API explains it.');
    expect(apiErrorKind(error)).toBeNull();
    expect(describeApiError(error)).toBe('The API explains it.');
    expect(apiTextOf(error)).toBeNull();
    expect(describeApiError(apiError(422, undefined, undefined))).toBe('The request failed (status 422).');
  });

  it('has no detail without API text, nor for what is not an API error', () => {
    expect(apiTextOf(apiError(500, 'internal.server.error', undefined))).toBeNull();
    expect(apiTextOf(new Error('x'))).toBeNull();
  });

  it('keeps the API’s text as the error’s message, for developers and logs', () => {
    expect(apiError(404, 'not.found', 'No group g-1.').message).toBe('No group g-1.');
    expect(new ApiError(0, {}).message).toBe('The server could not be reached. Check your connection and try again.');
  });

  it('words a message whose template it knows with the error’s values, in the page’s language', async () => {
    const taken = new ApiError(400, {
      code: 'bad.request',
      message: 'A group named "Ops" already exists. Group names must be unique.',
      messageWithParams: 'A group named "{name}" already exists. Group names must be unique.',
      messageParams: { name: 'Ops' },
    });
    expect(apiMessageInWords(taken)).toBe('A group named "Ops" already exists. Group names must be unique.');
    const { messages } = await import('@/locales/de.po');
    try {
      i18n.loadAndActivate({ locale: 'de', locales: ['de'], messages });
      expect(apiMessageInWords(taken)).toMatch(/^Eine Gruppe mit dem Namen „Ops“/);
      expect(apiMessageInWords(taken)).not.toMatch(/already exists/);
    } finally {
      i18n.loadAndActivate({ locale: 'en', locales: ['en-US'], messages: {} });
    }
    // Another template: the API's own text.
    expect(apiMessageInWords(apiError(400, 'bad.request', 'Something else.'))).toBe('Something else.');
  });
});
