/**
 * Reads openapi/groups.yaml and turns every operation into what the app needs to register it:
 * the Fastify route, and request validators compiled from the document's own schemas (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). Nothing here is copied by hand from the document.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { contractDocument, resolveRef, type Json, type OpenApiDocument } from './document.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface OperationValidators {
  params?: ValidateFunction;
  query?: ValidateFunction;
  body?: ValidateFunction;
}

export interface Operation {
  operationId: string;
  method: Uppercase<HttpMethod>;
  /** The document's path, e.g. `/api/v2/groups/{groupId}`. */
  path: string;
  /** The Fastify route, e.g. `/api/v2/groups/:groupId`. */
  url: string;
  tags: string[];
  /** Query parameters whose schema is an array: their values are split on commas before validation. */
  arrayQueryParams: string[];
  /** Whether the operation takes a JSON body, and whether it is required. */
  body: 'none' | 'optional' | 'required';
  validators: OperationValidators;
}

const SCHEMA_ID = 'openapi';

/** Points the document's local refs at the schema registered under SCHEMA_ID. */
function retarget(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(retarget);
  if (schema && typeof schema === 'object') {
    const out: Json = {};
    for (const [key, value] of Object.entries(schema as Json)) {
      out[key] =
        key === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? `${SCHEMA_ID}${value}`
          : retarget(value);
    }
    return out;
  }
  return schema;
}

function isArraySchema(doc: OpenApiDocument, schema: Json | undefined): boolean {
  if (!schema) return false;
  const resolved = resolveRef<Json>(doc, schema);
  const type = resolved.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/**
 * Every operation of the document, with compiled validators. Query and path values are coerced to
 * their schema types (they arrive as strings); bodies are not coerced: `"5"` is not a number.
 */
export function compileOperations(doc: OpenApiDocument): Operation[] {
  const shared = { strict: false, allErrors: true, validateFormats: false, validateSchema: false } as const;
  const coercing = new Ajv2020({ ...shared, coerceTypes: 'array', useDefaults: true });
  const exact = new Ajv2020({ ...shared, coerceTypes: false, useDefaults: false });
  for (const ajv of [coercing, exact]) ajv.addSchema({ $id: SCHEMA_ID, components: doc.components ?? {} });

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const pathItem = resolveRef<Json>(doc, item);
    const shared = ((pathItem.parameters as unknown[]) ?? []).map((p) => resolveRef<ParameterObject>(doc, p));
    for (const method of HTTP_METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      const operationId = op.operationId;
      if (typeof operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId`);

      const own = ((op.parameters as unknown[]) ?? []).map((p) => resolveRef<ParameterObject>(doc, p));
      const byKey = new Map<string, ParameterObject>();
      for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
      const params = [...byKey.values()];

      const objectSchema = (where: ParameterObject['in']) => {
        const list = params.filter((p) => p.in === where);
        if (list.length === 0) return undefined;
        return {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name, retarget(p.schema ?? {})])),
          required: list.filter((p) => p.required || where === 'path').map((p) => p.name),
        };
      };
      const validators: OperationValidators = {};
      const pathSchema = objectSchema('path');
      const querySchema = objectSchema('query');
      if (pathSchema) validators.params = coercing.compile(pathSchema);
      if (querySchema) validators.query = coercing.compile(querySchema);

      let body: Operation['body'] = 'none';
      if (op.requestBody) {
        const requestBody = resolveRef<Json>(doc, op.requestBody);
        const content = (requestBody.content ?? {}) as Record<string, Json>;
        const json = content['application/json'];
        if (!json) throw new Error(`${operationId}: only application/json request bodies are supported`);
        body = requestBody.required ? 'required' : 'optional';
        if (json.schema) validators.body = exact.compile(retarget(json.schema) as Json);
      }

      operations.push({
        operationId,
        method: method.toUpperCase() as Uppercase<HttpMethod>,
        path,
        url: path.replace(/\{([^}]+)\}/g, ':$1'),
        tags: (op.tags as string[]) ?? [],
        arrayQueryParams: params.filter((p) => p.in === 'query' && isArraySchema(doc, p.schema)).map((p) => p.name),
        body,
        validators,
      });
    }
  }
  const seen = new Set<string>();
  for (const op of operations) {
    if (seen.has(op.operationId)) throw new Error(`Duplicate operationId ${op.operationId} in the OpenAPI document`);
    seen.add(op.operationId);
  }
  return operations;
}

let compiledContract: readonly Operation[] | undefined;

/**
 * The contract's operations (openapi/groups.yaml), compiled once per thread and shared by every app it
 * builds: the validators are pure functions of the document. A test process builds hundreds of apps, and
 * compiling the document's schemas took about a tenth of a second of CPU each time.
 */
export const contractOperations = (): readonly Operation[] =>
  (compiledContract ??= compileOperations(contractDocument()));

export type { ErrorObject };
