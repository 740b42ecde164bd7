/**
 * Turns every error (ApiError, Fastify's own, anything unexpected) into the contract's ErrorBody,
 * with the request's correlation id as `contextId`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ApiErrorWithBody, type ErrorDetail } from '../contract/errors.js';
import { CORRELATION_HEADER } from './correlation.js';

export interface ErrorBody {
  message: string;
  code: string;
  status: number;
  messageWithParams: string;
  messageParams: Record<string, string>;
  contextId: string;
  details: ErrorDetail[];
  errors: ErrorBody[];
  entityId?: string;
  entityName?: string;
  limit?: { key: string; namespace: string; value: number };
  [extra: string]: unknown;
}

export function errorBody(error: ApiError, contextId: string): ErrorBody {
  const { options } = error;
  const body: ErrorBody = {
    message: error.message,
    code: error.code,
    status: error.status,
    messageWithParams: options.messageWithParams ?? error.message,
    messageParams: options.messageParams ?? {},
    contextId,
    details: options.details ?? [],
    errors: [],
  };
  if (options.entityId !== undefined) body.entityId = options.entityId;
  if (options.entityName !== undefined) body.entityName = options.entityName;
  if (error instanceof ApiErrorWithBody) Object.assign(body, error.extraBody);
  return body;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad.request',
  401: 'authentication.required',
  403: 'not.authorized',
  404: 'not.found',
  405: 'not.found',
  406: 'bad.request',
  409: 'conflict',
  413: 'response.entity.too.large',
  415: 'unsupported.media.type',
  429: 'too.many.requests',
  503: 'service.unavailable',
};

/** Maps Fastify's own errors (body parsing, content types, limits) to ApiErrors. */
function fromFastifyError(error: FastifyError): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        415,
        'unsupported.media.type',
        'The request body must be JSON: send it with Content-Type: application/json.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'response.entity.too.large', 'The request body is larger than the limit of 1 MB.', {
        messageWithParams: 'The request body is larger than the limit of {limit}.',
        messageParams: { limit: '1 MB' },
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'bad.request', 'The Content-Length header does not match the request body.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'bad.request', 'The request body is empty but Content-Type says JSON.');
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return new ApiError(415, 'unsupported.media.type', 'The Content-Type header is missing or malformed.');
    case 'FST_ERR_BAD_URL':
      return new ApiError(400, 'bad.request', 'The request URL is malformed.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'bad.request', `The request body is not valid JSON: ${error.message}`);
    default:
      break;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new ApiError(400, 'bad.request', `The request body is not valid JSON: ${error.message}`);
  }
  if (error.validation) {
    return new ApiError(400, 'bad.request', error.message);
  }
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) {
    return new ApiError(status, CODE_BY_STATUS[status] ?? 'bad.request', error.message);
  }
  return undefined;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError): FastifyReply {
  const contextId = request.id;
  for (const [name, value] of Object.entries(error.options.headers ?? {})) reply.header(name, value);
  reply.header(CORRELATION_HEADER, contextId);
  return reply.code(error.status).type('application/json; charset=utf-8').send(errorBody(error, contextId));
}

/** The app's error handler. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let apiError: ApiError | undefined;
  if (error instanceof ApiError) apiError = error;
  else if (error && typeof error === 'object') apiError = fromFastifyError(error as FastifyError);
  if (!apiError) {
    logUnexpected(request, error);
    apiError = new ApiError(
      500,
      'internal.server.error',
      'The server encountered an unexpected error. Quote the contextId when reporting it.',
    );
  }
  return sendError(request, reply, apiError);
}

function logUnexpected(request: FastifyRequest, error: unknown): void {
  const entry = { err: error, method: request.method, url: request.url, contextId: request.id };
  if (!request.log.level || request.log.level === 'silent') {
    console.error(`[${request.id}] ${request.method} ${request.url} failed:`, error);
  } else {
    request.log.error(entry, 'unexpected error');
  }
}
