/**
 * Checks the server's answers against openapi/groups.yaml.
 *
 *   expectResponseMatches(operationId, status, body)
 *     Fails (throws an Error naming the operation, the status and every schema error) when `status`
 *     is not documented for the operation, or when `body` does not match the documented schema of
 *     that response. A response documented without content must have an empty body
 *     (`undefined`, `null` or '').
 *   responseValidator(operationId, status) → the compiled Ajv validator (or null for no content).
 *   operationIds() → every operationId of the document.
 *
 * The document is an OpenAPI 3.1 document, so its schemas are JSON Schema 2020-12: the whole
 * document is registered with Ajv under one $id and each response schema is compiled as a $ref
 * into it, so `#/components/schemas/...` references resolve as they do in the document.
 */
import ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const DOC_ID = 'https://groups-console.local/openapi/groups.yaml';
const DOC_PATH = fileURLToPath(new URL('../../../openapi/groups.yaml', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type Json = Record<string, unknown>;

interface OperationEntry {
  method: string;
  path: string;
  /** JSON pointer (unescaped segments) of the operation object. */
  pointer: string[];
  operation: Json;
}

interface Loaded {
  doc: Json;
  ajv: InstanceType<typeof Ajv2020>;
  operations: Map<string, OperationEntry>;
  compiled: Map<string, ValidateFunction | null>;
}

// Both packages are CommonJS modules whose `default` export is the function itself.
const Ajv2020 = ajv2020Module.default;
const addFormats = ajvFormatsModule.default;

let loaded: Loaded | undefined;

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (segments: string[]): string => '#/' + segments.map(escapePointer).join('/');

function load(): Loaded {
  if (loaded) return loaded;
  const doc = parse(readFileSync(DOC_PATH, 'utf8')) as Json;
  // Ajv 8 (2020-12 dialect). strict: false lets the OpenAPI keywords (example, readOnly ...) and
  // the document's non-schema members pass; formats come from ajv-formats (incl. int32/int64).
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });

  const operations = new Map<string, OperationEntry>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const id = operation.operationId;
      if (typeof id !== 'string') continue;
      if (operations.has(id)) throw new Error(`openapi/groups.yaml: operationId ${id} appears twice`);
      operations.set(id, { method, path, pointer: ['paths', path, method], operation });
    }
  }
  loaded = { doc, ajv, operations, compiled: new Map() };
  return loaded;
}

/** Follows a local `$ref` ('#/components/responses/X') to its target and its pointer. */
function deref(doc: Json, value: Json, pointer: string[]): { value: Json; pointer: string[] } {
  let current = value;
  let at = pointer;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 10) throw new Error(`openapi/groups.yaml: $ref loop at ${pointerOf(at)}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`openapi/groups.yaml: only local $refs are supported (${ref})`);
    at = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: unknown = doc;
    for (const segment of at) target = (target as Json | undefined)?.[segment];
    if (!target || typeof target !== 'object') throw new Error(`openapi/groups.yaml: unresolved $ref ${ref}`);
    current = target as Json;
  }
  return { value: current, pointer: at };
}

export function operationIds(): string[] {
  return [...load().operations.keys()];
}

/** The documented method and path template of an operation, e.g. ['get', '/api/v2/groups/{groupId}']. */
export function operationRoute(operationId: string): { method: string; path: string } {
  const entry = load().operations.get(operationId);
  if (!entry) throw new Error(`openapi/groups.yaml has no operation ${operationId}`);
  return { method: entry.method, path: entry.path };
}

/** The validator of one documented response; null when the response has no content. */
export function responseValidator(operationId: string, status: number): ValidateFunction | null {
  const state = load();
  const key = `${operationId} ${status}`;
  if (state.compiled.has(key)) return state.compiled.get(key) ?? null;
  const entry = state.operations.get(operationId);
  if (!entry) throw new Error(`openapi/groups.yaml has no operation ${operationId}`);
  const responses = (entry.operation.responses ?? {}) as Record<string, Json>;
  const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
  if (!documented) {
    throw new Error(
      `${operationId} (${entry.method.toUpperCase()} ${entry.path}) answered ${status}, which openapi/groups.yaml does not document (documented: ${Object.keys(responses).join(', ')})`,
    );
  }
  const statusKey = responses[String(status)]
    ? String(status)
    : responses[`${String(status)[0]}XX`]
      ? `${String(status)[0]}XX`
      : 'default';
  const { value: response, pointer } = deref(state.doc, documented, [...entry.pointer, 'responses', statusKey]);
  const content = response.content as Record<string, Json> | undefined;
  const json = content?.['application/json'];
  let validator: ValidateFunction | null = null;
  if (json && json.schema) {
    validator = state.ajv.compile({ $ref: DOC_ID + pointerOf([...pointer, 'content', 'application/json', 'schema']) });
  } else if (content && Object.keys(content).length > 0) {
    throw new Error(`${operationId} ${status}: only application/json content is supported by the validator`);
  }
  state.compiled.set(key, validator);
  return validator;
}

const MAX_REPORTED_ERRORS = 12;

const describe = (errors: ErrorObject[] | null | undefined): string => {
  const all = errors ?? [];
  const lines = all
    .slice(0, MAX_REPORTED_ERRORS)
    .map((e) => {
      const where = e.instancePath === '' ? '(body)' : e.instancePath;
      const extra =
        e.keyword === 'additionalProperties'
          ? ` '${String(e.params.additionalProperty)}'`
          : e.keyword === 'enum'
            ? ` ${JSON.stringify(e.params.allowedValues)}`
            : '';
      return `  - ${where} ${e.message ?? e.keyword}${extra} (schema ${e.schemaPath})`;
    })
    .join('\n');
  return all.length > MAX_REPORTED_ERRORS ? `${lines}\n  … and ${all.length - MAX_REPORTED_ERRORS} more` : lines;
};

const preview = (body: unknown): string => {
  const text = JSON.stringify(body);
  if (text === undefined) return String(body);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
};

/**
 * Throws unless `body` is what openapi/groups.yaml documents for `operationId` answering `status`.
 */
export function expectResponseMatches(operationId: string, status: number, body: unknown): void {
  const validator = responseValidator(operationId, status);
  if (validator === null) {
    if (body === undefined || body === null || body === '') return;
    throw new Error(
      `${operationId} ${status}: openapi/groups.yaml documents no body, but the server sent ${preview(body)}`,
    );
  }
  if (!validator(body)) {
    throw new Error(
      `${operationId} ${status}: the body does not match openapi/groups.yaml:\n${describe(validator.errors)}\nbody: ${preview(body)}`,
    );
  }
}

// ---------- calling the server by operationId ----------

export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined | null;

export interface CallOptions {
  /** Bearer token; omitted → no Authorization header. */
  token?: string;
  /** Path parameters, percent-encoded here (as the SDK does). */
  params?: Record<string, string>;
  /** Query parameters (arrays are comma-joined, as the SDK sends them), or a raw query string. */
  query?: Record<string, QueryValue> | string;
  /** A JSON body (sent with Content-Type: application/json). */
  body?: unknown;
  /** A body sent as is (with `contentType`, default application/json). */
  rawBody?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Check the answer against the document (default true). */
  validate?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked against the document at run time
export interface CallResult<T = any> {
  status: number;
  /** The parsed JSON body; undefined when the body is empty. */
  body: T;
  text: string;
  headers: Headers;
  /** The request, e.g. `GET /api/v2/groups?pageSize=5`, for messages. */
  request: string;
}

/**
 * encodeURIComponent that never throws: a string with lone surrogates (not valid UTF-16) is sent
 * as the invalid UTF-8 bytes of the surrogate, so servers can be tested with them.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function encodeComponent(value: string): string {
  if (!LONE_SURROGATE.test(value)) return encodeURIComponent(value);
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16).toUpperCase()}%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
    } else out += encodeURIComponent(char);
  }
  return out;
}

function buildQuery(query: CallOptions['query']): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query === '' ? '' : query.startsWith('?') ? query : `?${query}`;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = value === null ? '' : Array.isArray(value) ? value.join(',') : String(value);
    // Commas stay literal, as axios (and so the SDK) leaves them.
    parts.push(`${encodeComponent(key)}=${encodeComponent(text).replace(/%2C/gi, ',')}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The URL path of an operation with its path parameters filled in. */
export function operationPath(operationId: string, params: Record<string, string> = {}): string {
  const { path } = operationRoute(operationId);
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operationId}: path parameter ${name} is missing`);
    return encodeComponent(value);
  });
}

/**
 * A function that calls an operation of the server at `baseUrl` with fetch and, unless
 * `validate: false`, checks the answer with expectResponseMatches.
 */
export function apiCaller(baseUrl: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked against the document at run time
  return async function call<T = any>(operationId: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const { method } = operationRoute(operationId);
    const path = operationPath(operationId, options.params) + buildQuery(options.query);
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['Content-Type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = options.contentType ?? 'application/json';
    }
    const fullRequest = `${method.toUpperCase()} ${path}`;
    const request =
      fullRequest.length > 300 ? `${fullRequest.slice(0, 300)}… (${fullRequest.length} chars)` : fullRequest;
    const response = await fetch(baseUrl + path, { method: method.toUpperCase(), headers, body });
    const text = await response.text();
    let parsed: unknown;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Error(`${request} answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
      }
    }
    if (options.validate !== false) {
      try {
        expectResponseMatches(operationId, response.status, parsed);
      } catch (error) {
        throw new Error(`${request}: ${(error as Error).message}`, { cause: error });
      }
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers, request };
  };
}

export type ApiCall = ReturnType<typeof apiCaller>;

/**
 * Throws unless `result` is an error answer with `status` (and `code`, when given) whose body is an
 * ErrorBody: message, code, status equal to the HTTP status, and contextId equal to the
 * ININ-Correlation-Id header.
 */
export function expectErrorBody(result: CallResult, status: number, code?: string): void {
  const body = result.body as Record<string, unknown> | undefined;
  const problems: string[] = [];
  if (result.status !== status) problems.push(`status ${result.status}, expected ${status}`);
  if (!body || typeof body !== 'object') problems.push('no JSON object body');
  else {
    if (typeof body.message !== 'string' || body.message === '') problems.push('no message');
    if (typeof body.code !== 'string' || body.code === '') problems.push('no code');
    if (code !== undefined && body.code !== code) problems.push(`code ${String(body.code)}, expected ${code}`);
    if (body.status !== result.status)
      problems.push(`body.status ${String(body.status)} differs from the HTTP status ${result.status}`);
    if (typeof body.contextId !== 'string' || body.contextId === '') problems.push('no contextId');
    else if (result.headers.get('inin-correlation-id') !== body.contextId)
      problems.push(
        `contextId ${body.contextId} differs from the ININ-Correlation-Id header ${String(result.headers.get('inin-correlation-id'))}`,
      );
  }
  if (problems.length)
    throw new Error(
      `${result.request}: not the expected ErrorBody (${problems.join('; ')}): ${result.text.slice(0, 500)}`,
    );
}
