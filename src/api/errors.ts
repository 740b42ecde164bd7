/** The Genesys Cloud ErrorBody, as every error response of the API carries it. */
export interface ErrorBodyDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export interface ErrorBodyShape {
  message?: string;
  code?: string;
  status?: number;
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  contextId?: string;
  details?: ErrorBodyDetail[];
  errors?: ErrorBodyShape[];
}

/** The response header that carries the request's correlation id (the ErrorBody repeats it as `contextId`). */
// eslint-disable-next-line lingui/no-unlocalized-strings -- an HTTP header's name, not words
export const CORRELATION_HEADER = 'ININ-Correlation-Id';

/* eslint-disable lingui/no-unlocalized-strings -- a developer's Error message (logs, tests); the UI words errors with describeApiError */
const developerMessage = (status: number): string =>
  status === 0
    ? 'The server could not be reached. Check your connection and try again.'
    : `Request failed with status ${status}.`;
/* eslint-enable lingui/no-unlocalized-strings */

/** Thrown by the HTTP layer for every non-2xx answer and for network failures (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ErrorBodyShape;
  readonly retryAfterSeconds: number | null;
  /**
   * The request's correlation id, what support needs to find it in the server's logs: the
   * `ININ-Correlation-Id` response header, else the ErrorBody's `contextId`; null when there was no
   * answer (a network error) or the answer carried neither.
   */
  readonly correlationId: string | null;

  constructor(
    status: number,
    body: ErrorBodyShape,
    retryAfterSeconds: number | null = null,
    correlationHeader: string | null = null,
  ) {
    // The API's own text, for developers and logs; what the console shows is describeApiError's.
    super(body.message ?? developerMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network.error' : 'unknown');
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
    this.correlationId = correlationHeader?.trim() || body.contextId?.trim() || null;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  get isVersionConflict(): boolean {
    return this.status === 409;
  }

  /** Field name → message, from `details[].fieldName`, for mapping a 400 onto form fields. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.body.details ?? []) {
      if (d.fieldName) out[d.fieldName] = this.message;
    }
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** The correlation id of an error, when it is an ApiError that has one. */
export const correlationIdOf = (e: unknown): string | null => (isApiError(e) ? e.correlationId : null);

/**
 * What went wrong, as the console words it: one kind per known error code of the Genesys Cloud API's
 * ErrorBody (groups-api.md, "Error codes"), else per HTTP status. null when neither is one the console
 * knows: the API's own text is then all there is to show.
 */
export type ApiErrorKind =
  | 'network'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'unsupportedMediaType'
  | 'tooManyRequests'
  | 'serverError'
  | 'unavailable'
  | 'timeout';

const KIND_BY_CODE: Record<string, ApiErrorKind> = {
  'network.error': 'network',
  'bad.request': 'badRequest',
  'invalid.value': 'badRequest',
  'invalid.date': 'badRequest',
  'authentication.required': 'unauthorized',
  'bad.credentials': 'unauthorized',
  unauthorized: 'unauthorized',
  'missing.permissions': 'forbidden',
  'missing.any.permissions': 'forbidden',
  'not.authorized': 'forbidden',
  'not.found': 'notFound',
  conflict: 'conflict',
  'general.conflict': 'conflict',
  'response.entity.too.large': 'tooLarge',
  'unsupported.media.type': 'unsupportedMediaType',
  'too.many.requests': 'tooManyRequests',
  'internal.server.error': 'serverError',
  'service.unavailable': 'unavailable',
  'request.timeout': 'timeout',
  'authentication.request.timeout': 'timeout',
};

const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  0: 'network',
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  413: 'tooLarge',
  415: 'unsupportedMediaType',
  429: 'tooManyRequests',
  503: 'unavailable',
  504: 'timeout',
};

export const apiErrorKind = (error: ApiError): ApiErrorKind | null =>
  (Object.hasOwn(KIND_BY_CODE, error.code) ? KIND_BY_CODE[error.code] : undefined) ??
  KIND_BY_STATUS[error.status] ??
  (error.status >= 500 ? 'serverError' : null);

/**
 * The API's own text of an error the console words itself (error-words.ts: describeApiError), to show as a detail: it
 * may say more (which field, which limit), in the API's language. null when there is none, or when it
 * is what describeApiError shows already.
 */
export const apiTextOf = (error: unknown): string | null => {
  if (!isApiError(error) || apiErrorKind(error) === null) return null;
  return error.body.message?.trim() || null;
};
