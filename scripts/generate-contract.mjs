// Writes src/api/generated/contract.ts: the facts of openapi/groups.yaml the console checks by itself
// (which permissions each operation needs, the set of permission names, the schemas' length, count and
// pattern limits, the page size maxima, the operations' own limits and the list query parameters' maxima). Run by `npm run generate` after orval; `npm run check:generated` fails when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

const SOURCE = 'openapi/groups.yaml';
export const TARGET = 'src/api/generated/contract.ts';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** The schema keywords that limit a value, as JSON Schema names them (plus the document's own `x-digits`, `x-max-days`). */
const LIMIT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'pattern',
  'x-digits',
  'x-max-days',
];

const camel = (keyword) => keyword.replace(/^x-/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * `{ operationId: value }` over every operation of the document, sorted by operationId: `valueOf` answers
 * an operation's entry (with its path item, for the parameters it shares), or undefined to leave it out.
 */
const byOperation = (doc, valueOf) => {
  const out = {};
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const value = valueOf(op, item);
      if (value !== undefined) out[op.operationId] = value;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
};

/** `{ keywordInCamelCase: value }` of the `keywords` a node has; undefined when it has none. */
const limitsOf = (node, keywords) => {
  const limits = {};
  for (const keyword of keywords) {
    if (node[keyword] !== undefined) limits[camel(keyword)] = node[keyword];
  }
  return Object.keys(limits).length > 0 ? limits : undefined;
};

/** An operation's parameters, its path item's included, with their references resolved. */
const parametersOf = (doc, op, item) =>
  [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));

/** Every operation's permissions (any one is enough) and whether a group owner may call it without them. */
const operationPermissions = (doc) =>
  byOperation(doc, (op) => ({
    permissions: op['x-permissions'] ?? [],
    groupOwnerAllowed: op['x-group-owner-allowed'] === true,
  }));

/** `$ref: '#/components/…'` resolved against the document (one level, as the document uses them). */
const deref = (doc, node) =>
  node?.$ref
    ? node.$ref
        .replace(/^#\//, '')
        .split('/')
        .reduce((at, key) => at?.[key], doc)
    : node;

/**
 * The largest page each paged operation answers: the `maximum` of its `pageSize` query parameter or of
 * the `pageSize` property of its JSON body (searches).
 */
const pageSizeMaxima = (doc) =>
  byOperation(doc, (op, item) => {
    const query = parametersOf(doc, op, item).find((p) => p?.name === 'pageSize')?.schema;
    const body = deref(doc, deref(doc, op.requestBody)?.content?.['application/json']?.schema);
    return deref(doc, query)?.maximum ?? deref(doc, body?.properties?.pageSize)?.maximum;
  });

/** The operations' own limits where JSON Schema has no word (vendor extensions on the operation). */
const OPERATION_LIMIT_KEYWORDS = ['x-search-cap', 'x-realtime-window-days'];

/** `{ searchGroups: { searchCap: 10000 }, … }`: each operation's OPERATION_LIMIT_KEYWORDS. */
const operationLimits = (doc) => byOperation(doc, (op) => limitsOf(op, OPERATION_LIMIT_KEYWORDS));

/**
 * `{ listUsers: { id: 100, … }, … }`: the most values each list query parameter of an operation takes,
 * the `maxItems` of an array parameter or the `x-max-items` of a comma-joined string one.
 */
const queryListMaxima = (doc) =>
  byOperation(doc, (op, item) => {
    const maxima = {};
    for (const parameter of parametersOf(doc, op, item)) {
      if (parameter?.in !== 'query') continue;
      const maximum = parameter['x-max-items'] ?? deref(doc, parameter.schema)?.maxItems;
      if (maximum !== undefined) maxima[parameter.name] = maximum;
    }
    return Object.keys(maxima).length > 0 ? maxima : undefined;
  });

/** Every permission the document names: operations' `x-permissions` and schemas' `x-see-all-permissions`. */
const permissionNames = (doc, operations) => {
  const names = new Set(Object.values(operations).flatMap((o) => o.permissions));
  for (const schema of Object.values(doc.components?.schemas ?? {})) {
    for (const name of schema['x-see-all-permissions'] ?? []) names.add(name);
  }
  return [...names].sort();
};

/** `{ Schema: { property: { maxLength: 256, … } } }` for every property of a named schema that has a limit. */
const schemaLimits = (doc) => {
  const out = {};
  for (const [schemaName, schema] of Object.entries(doc.components?.schemas ?? {})) {
    for (const [property, definition] of Object.entries(schema.properties ?? {})) {
      const limits = limitsOf(definition, LIMIT_KEYWORDS);
      if (limits) (out[schemaName] ??= {})[property] = limits;
    }
  }
  return out;
};

export const renderContract = async () => {
  const doc = parse(readFileSync(SOURCE, 'utf8'));
  const operations = operationPermissions(doc);
  const names = permissionNames(doc, operations);
  const json = (value) => JSON.stringify(value, null, 2);
  const text = `/**
 * Generated from openapi/groups.yaml by scripts/generate-contract.mjs. Do not edit: run \`npm run generate\`.
 */

/** Every permission name the contract uses. */
export const PERMISSION_NAMES = ${json(names)} as const;

export type PermissionName = (typeof PERMISSION_NAMES)[number];

export interface OperationPermissions {
  /** Any one of these is enough (\`x-permissions\`); empty when the operation needs none. */
  readonly permissions: readonly PermissionName[];
  /** An owner of the group may call the operation without the permissions (\`x-group-owner-allowed\`). */
  readonly groupOwnerAllowed: boolean;
}

/** What each operation (by operationId) requires. */
export const OPERATION_PERMISSIONS = ${json(operations)} as const satisfies Record<string, OperationPermissions>;

/** The permission that lets its holders see groups of every visibility (\`x-see-all-permissions\` of GroupVisibility). */
export const SEE_ALL_GROUPS_PERMISSIONS = ${json(doc.components?.schemas?.GroupVisibility?.['x-see-all-permissions'] ?? [])} as const;

/** Length, count and pattern limits of the schemas' properties (patterns as regular expression sources). */
export const SCHEMA_LIMITS = ${json(schemaLimits(doc))} as const;

/** The largest \`pageSize\` each paged operation accepts (its parameter's or body property's \`maximum\`). */
export const PAGE_SIZE_MAXIMA = ${json(pageSizeMaxima(doc))} as const;

/**
 * Each operation's own limits (\`x-search-cap\`: the most results a search pages through, as
 * \`pageSize × pageNumber\`; \`x-realtime-window-days\`: how many days back the realtime audit query reads).
 */
export const OPERATION_LIMITS = ${json(operationLimits(doc))} as const;

/** The most values each list query parameter takes per request (\`maxItems\`, or \`x-max-items\` of a comma-joined string). */
export const QUERY_LIST_MAXIMA = ${json(queryListMaxima(doc))} as const;
`;
  const config = (await resolveConfig(TARGET)) ?? {};
  return format(text, { ...config, filepath: TARGET });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TARGET, await renderContract());
  console.log(`Wrote ${TARGET}.`);
}
