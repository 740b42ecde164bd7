/**
 * openapi/groups.yaml, the contract: loading it and following its local `$ref`s. The server reads its
 * routes, validators (operations.ts), permissions (permissions.ts) and limits (limits.ts) from it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../openapi/groups.yaml', import.meta.url));

export type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: Json;
  [key: string]: unknown;
}

export function loadOpenApiDocument(file = OPENAPI_FILE): OpenApiDocument {
  const doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (!doc || typeof doc !== 'object' || !doc.paths) throw new Error(`${file} is not an OpenAPI document (no paths)`);
  if (!String(doc.openapi).startsWith('3.1'))
    throw new Error(`${file}: expected OpenAPI 3.1, found ${String(doc.openapi)}`);
  return doc;
}

let loaded: OpenApiDocument | undefined;

/** The document at OPENAPI_FILE, read once per thread. */
export const contractDocument = (): OpenApiDocument => (loaded ??= loadOpenApiDocument());

/** Follows a local `$ref` (`#/components/...`) inside the document. */
export function resolveRef<T>(doc: OpenApiDocument, value: unknown): T {
  let current = value as Json;
  for (let depth = 0; current && typeof current.$ref === 'string'; depth++) {
    if (depth > 20) throw new Error(`$ref loop at ${String(current.$ref)}`);
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
    let target: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = (target as Json | undefined)?.[key];
    }
    if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
    current = target as Json;
  }
  return current as T;
}

/** The schema `components.schemas[name]`, with its `$ref` followed. */
export function componentSchema(doc: OpenApiDocument, name: string): Json {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const schema = schemas[name];
  if (!schema) throw new Error(`openapi/groups.yaml has no schema ${name}`);
  return resolveRef<Json>(doc, schema);
}

/** The values of the string enum `components.schemas[name]`. */
export function schemaEnum(doc: OpenApiDocument, name: string): string[] {
  const values = componentSchema(doc, name).enum;
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
    throw new Error(`openapi/groups.yaml: ${name} is not an enum of strings`);
  return values as string[];
}
