import { plural, t } from '@lingui/core/macro';
import { apiErrorKind, type ApiError } from './errors';

/**
 * API errors in the console's words, in the page's language (call at render or event time). Apart from
 * errors.ts, which the HTTP layer (and the bench, run without the build's message transform) imports.
 */

/** The permissions a 403 names (`missing.any.permissions` carries them in `messageParams.permissions`). */
const missingPermissionsOf = (error: ApiError): string | undefined =>
  error.body.messageParams?.permissions?.trim() || undefined;

/**
 * The console's own words for an API error, in the page's language (call at render or event time): by
 * the ErrorBody's code, else by the status; the API's own text when the console knows neither. The
 * API's text of a known error stays to be seen beside it: `apiTextOf`.
 */
export const describeApiError = (error: ApiError): string => {
  switch (apiErrorKind(error)) {
    case 'network':
      return t`The server could not be reached. Check your connection and try again.`;
    case 'badRequest':
      return t`The server did not accept the request: something in it is not valid.`;
    case 'unauthorized':
      return t`Your session has ended. Sign in again to continue.`;
    case 'forbidden': {
      const permissions = missingPermissionsOf(error);
      return permissions
        ? t`You do not have permission to do this. It needs one of these permissions: ${permissions}.`
        : t`You do not have permission to do this.`;
    }
    case 'notFound':
      return t`It was not found: it does not exist, was deleted, or is not visible to you.`;
    case 'conflict':
      return t`Someone else changed this in the meantime. Reload to see the latest version, then try again.`;
    case 'tooLarge':
      return t`The request is larger than the server accepts.`;
    case 'unsupportedMediaType':
      return t`The server did not accept the format of the request.`;
    case 'tooManyRequests': {
      const seconds = error.retryAfterSeconds;
      return seconds
        ? plural(seconds, {
            one: 'Too many requests. Try again in # second.',
            other: 'Too many requests. Try again in # seconds.',
          })
        : t`Too many requests. Wait a moment and try again.`;
    }
    case 'serverError':
      return t`The server ran into a problem. Try again later.`;
    case 'unavailable':
      return t`The service is not available at the moment. Try again later.`;
    case 'timeout':
      return t`The server took too long to answer. Try again.`;
    case null: {
      const status = error.status;
      return error.body.message?.trim() || t`The request failed (status ${status}).`;
    }
  }
};

/**
 * The API's message in the console's words where its template (`messageWithParams`) is one the console
 * knows, with the error's own values put in; otherwise the API's text. For messages shown on their own,
 * such as a form field's error.
 */
export const apiMessageInWords = (error: Pick<ApiError, 'message' | 'body'>): string => {
  const params = error.body.messageParams ?? {};
  switch (error.body.messageWithParams) {
    case 'A group named "{name}" already exists. Group names must be unique.': {
      const name = params.name ?? '';
      return t`A group named "${name}" already exists. Group names must be unique.`;
    }
    default:
      return error.message;
  }
};
