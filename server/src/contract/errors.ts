/**
 * The one error type of the embedded server. Every error answer is an ErrorBody
 * (docs/embedded-server.md, "Errors") built from an ApiError by the app's error handler.
 */
export interface ErrorDetail {
  errorCode?: string;
  fieldName?: string;
  entityId?: string;
  entityName?: string;
}

export interface ApiErrorOptions {
  messageWithParams?: string;
  messageParams?: Record<string, string>;
  details?: ErrorDetail[];
  entityId?: string;
  entityName?: string;
  /** Extra response headers, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]): ApiError =>
  new ApiError(400, 'bad.request', message, { details });

export const invalidValue = (message: string, fieldName?: string): ApiError =>
  new ApiError(400, 'invalid.value', message, {
    details: fieldName ? [{ errorCode: 'invalid.value', fieldName }] : undefined,
  });

export const notFound = (message = 'The requested resource was not found.', entityId?: string): ApiError =>
  new ApiError(404, 'not.found', message, { entityId });

export const unauthorized = (message = 'Authentication is required to access this resource.'): ApiError =>
  new ApiError(401, 'authentication.required', message);

export const missingAnyPermissions = (permissions: string[]): ApiError =>
  new ApiError(
    403,
    'missing.any.permissions',
    `Unable to perform the requested action. You must have at least one of the following permissions assigned: ${permissions.join(', ')}`,
    {
      messageWithParams:
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: {permissions}',
      messageParams: { permissions: permissions.join(', ') },
    },
  );

export const versionConflict = (supplied: number, current: number, entityId?: string): ApiError =>
  new ApiError(409, 'conflict', `The supplied version ${supplied} does not match the current version ${current}.`, {
    messageWithParams: 'The supplied version {supplied} does not match the current version {current}.',
    messageParams: { supplied: String(supplied), current: String(current) },
    entityId,
  });

/**
 * An ApiError whose body carries more than the common fields: the rate limiter's `limit`, or the
 * OAuth endpoints' RFC 6749 `error` / `error_description`.
 */
export class ApiErrorWithBody extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    options: ApiErrorOptions,
    readonly extraBody: Record<string, unknown>,
  ) {
    super(status, code, message, options);
  }
}
