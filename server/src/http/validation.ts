/**
 * Request validation against the OpenAPI document's schemas, with errors in the contract's shape:
 * an enum violation is `invalid.value`, anything else `bad.request`, each with `details[].fieldName`.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError, type ErrorDetail } from '../contract/errors.js';
import type { ErrorObject, Operation } from '../contract/operations.js';

type Where = 'path' | 'query' | 'body';

/** `/query/0/type` → `query[0].type`; `/memberIds` → `memberIds`. */
function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

function describe(error: ErrorObject, field: string, where: Where): string {
  const subject = field ? `'${field}'` : where === 'body' ? 'The request body' : `The ${where} parameters`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Missing required ${where === 'body' ? 'field' : `${where} parameter`} '${field}'.`;
    case 'enum':
      return `${subject} must be one of: ${(params.allowedValues as unknown[]).join(', ')}.`;
    case 'const':
      return `${subject} must be ${JSON.stringify(params.allowedValue)}.`;
    case 'type':
      return `${subject} must be of type ${String(params.type)}.`;
    case 'additionalProperties':
      return `Unknown field '${field}'.`;
    case 'maxItems':
      return `${subject} must have at most ${String(params.limit)} items.`;
    case 'minItems':
      return `${subject} must have at least ${String(params.limit)} items.`;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return `${subject} must be ${String(params.comparison)} ${String(params.limit)}.`;
    case 'maxLength':
      return `${subject} must be at most ${String(params.limit)} characters long.`;
    case 'minLength':
      return Number(params.limit) === 1
        ? `${subject} must not be empty.`
        : `${subject} must be at least ${String(params.limit)} characters long.`;
    case 'pattern':
      return `${subject} has an invalid value.`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}.`;
  }
}

/** Keeps the errors that say something: drops anyOf/oneOf wrappers when a branch error is there. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'not'].includes(e.keyword));
  return specific.length > 0 ? specific : errors;
}

function validationError(where: Where, errors: ErrorObject[]): ApiError {
  const details: ErrorDetail[] = [];
  const messages: string[] = [];
  let code = 'bad.request';
  const seen = new Set<string>();
  for (const [index, error] of relevant(errors).entries()) {
    const child =
      error.keyword === 'required'
        ? String((error.params as { missingProperty: string }).missingProperty)
        : error.keyword === 'additionalProperties'
          ? String((error.params as { additionalProperty: string }).additionalProperty)
          : undefined;
    const field = fieldPath(error.instancePath, child);
    // An unknown `expand` (an item of a query array) is a bad request; other enum misses are invalid values.
    const isEnum =
      (error.keyword === 'enum' || error.keyword === 'const') &&
      !(where === 'query' && /\/\d+$/.test(error.instancePath));
    const errorCode = isEnum ? 'invalid.value' : 'bad.request';
    if (index === 0) code = errorCode;
    const key = `${field}|${errorCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(describe(error, field, where));
    details.push({ errorCode, fieldName: field || where });
  }
  return new ApiError(400, code, messages.join(' '), { details });
}

/** Splits comma-joined array parameters (`expand=a,b`) and merges repeated ones (`id=a&id=b`). */
function normaliseQuery(query: unknown, arrayParams: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  for (const name of arrayParams) {
    const value = out[name];
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim());
    out[name] = values.filter((v) => v !== '');
  }
  return out;
}

/** Validates path, query and body of a request for an operation; throws an ApiError on the first part at fault. */
export function validateRequest(request: FastifyRequest, operation: Operation): void {
  const { validators } = operation;
  if (validators.params) {
    const params = { ...(request.params as Record<string, unknown>) };
    if (!validators.params(params)) throw validationError('path', validators.params.errors ?? []);
    request.params = params;
  }
  const query = normaliseQuery(request.query, operation.arrayQueryParams);
  if (validators.query && !validators.query(query)) throw validationError('query', validators.query.errors ?? []);
  request.query = query;

  if (operation.body === 'none') return;
  if (request.body === undefined || request.body === null) {
    if (operation.body === 'required') {
      throw new ApiError(400, 'bad.request', 'A JSON request body is required.', {
        details: [{ errorCode: 'bad.request', fieldName: 'body' }],
      });
    }
    return;
  }
  if (validators.body && !validators.body(request.body)) throw validationError('body', validators.body.errors ?? []);
}
