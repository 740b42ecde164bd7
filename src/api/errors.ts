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
export const CORRELATION_HEADER = 'ININ-Correlation-Id';

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
    super(
      body.message ?? (status === 0 ? 'The server could not be reached.' : `Request failed with status ${status}.`),
    );
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
