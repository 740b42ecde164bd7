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

const describe = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? [])
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
