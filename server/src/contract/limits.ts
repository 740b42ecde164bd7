/**
 * Length, count and pattern limits of requests, read from openapi/groups.yaml: its schemas (`maxLength`,
 * `maxItems`, `maximum`, `pattern`, and vendor extensions where JSON Schema has no word: `x-digits`,
 * `x-groups-per-type`, `x-max-conditions`, `x-max-depth`), its query parameters (`maxItems`) and its
 * operations (`x-search-cap`, `x-realtime-window-days`). The document's validators enforce the schema
 * keywords on every request; the domain applies them again to what it trims, counts or pages itself.
 * src/api/generated/contract.ts holds the same facts for the console.
 */
import { componentSchema, contractDocument, resolveRef, type Json, type OpenApiDocument } from './document.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function property(doc: OpenApiDocument, schema: string, name: string): Json {
  const value = (componentSchema(doc, schema).properties as Record<string, Json> | undefined)?.[name];
  if (!value) throw new Error(`openapi/groups.yaml: ${schema} has no property ${name}`);
  return value;
}

/** The operation `operationId` of the document. */
function operation(doc: OpenApiDocument, operationId: string): Json {
  for (const item of Object.values(doc.paths)) {
    const pathItem = resolveRef<Json>(doc, item);
    for (const method of HTTP_METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (op?.operationId === operationId) return op;
    }
  }
  throw new Error(`openapi/groups.yaml has no operation ${operationId}`);
}

/** The schema of the query parameter `name` of the operation `operationId`. */
function queryParameterSchema(doc: OpenApiDocument, operationId: string, name: string): Json {
  const parameters = ((operation(doc, operationId).parameters as unknown[] | undefined) ?? []).map((p) =>
    resolveRef<Json>(doc, p),
  );
  const parameter = parameters.find((p) => p.in === 'query' && p.name === name);
  if (!parameter) throw new Error(`openapi/groups.yaml: ${operationId} has no query parameter ${name}`);
  return resolveRef<Json>(doc, parameter.schema);
}

function numberAt(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`openapi/groups.yaml: ${where} is not set`);
  return value;
}

/** `^…$` pattern of the document, as the validators read it (Unicode). */
function patternAt(value: unknown, where: string): RegExp {
  if (typeof value !== 'string') throw new Error(`openapi/groups.yaml: ${where} has no pattern`);
  return new RegExp(value, 'u');
}

export function groupLimitsOf(doc: OpenApiDocument) {
  const at = (schema: string, name: string, key: string) =>
    numberAt(property(doc, schema, name)[key], `${schema}.${name}.${key}`);
  const digits = property(doc, 'GroupContact', 'address')['x-digits'] as Json | undefined;
  return {
    name: at('GroupCreate', 'name', 'maxLength'),
    description: at('GroupCreate', 'description', 'maxLength'),
    email: at('GroupCreate', 'email', 'maxLength'),
    emailPattern: patternAt(property(doc, 'GroupCreate', 'email').pattern, 'GroupCreate.email'),
    owners: at('GroupCreate', 'ownerIds', 'maxItems'),
    addresses: at('GroupCreate', 'addresses', 'maxItems'),
    images: at('GroupCreate', 'images', 'maxItems'),
    imageText: at('Image', 'imageUri', 'maxLength'),
    phonePattern: patternAt(property(doc, 'GroupContact', 'address').pattern, 'GroupContact.address'),
    phoneDigitsMin: numberAt(digits?.minimum, 'GroupContact.address.x-digits.minimum'),
    phoneDigitsMax: numberAt(digits?.maximum, 'GroupContact.address.x-digits.maximum'),
    extensionPattern: patternAt(property(doc, 'GroupContact', 'extension').pattern, 'GroupContact.extension'),
  };
}

export function membershipLimitsOf(doc: OpenApiDocument) {
  const update = componentSchema(doc, 'GroupMembersUpdate');
  const query = componentSchema(doc, 'DynamicGroupQuery');
  return {
    memberIds: numberAt(property(doc, 'GroupMembersUpdate', 'memberIds').maxItems, 'GroupMembersUpdate.memberIds'),
    groupsPerType: numberAt(update['x-groups-per-type'], 'GroupMembersUpdate.x-groups-per-type'),
    conditions: numberAt(query['x-max-conditions'], 'DynamicGroupQuery.x-max-conditions'),
    conditionDepth: numberAt(query['x-max-depth'], 'DynamicGroupQuery.x-max-depth'),
    skillName: numberAt(
      property(doc, 'DynamicGroupRoutingSkillCondition', 'routingSkill').maxLength,
      'DynamicGroupRoutingSkillCondition.routingSkill.maxLength',
    ),
  };
}

/** A search's paging bounds: the largest page and the most results paging reaches (`x-search-cap`). */
export interface SearchLimits {
  maxPageSize: number;
  window: number;
}

export function searchLimitsOf(doc: OpenApiDocument): { groups: SearchLimits; users: SearchLimits } {
  const of = (operationId: string, request: string): SearchLimits => ({
    maxPageSize: numberAt(property(doc, request, 'pageSize').maximum, `${request}.pageSize.maximum`),
    window: numberAt(operation(doc, operationId)['x-search-cap'], `${operationId}.x-search-cap`),
  });
  return { groups: of('searchGroups', 'GroupSearchRequest'), users: of('searchUsers', 'UserSearchRequest') };
}

export function auditLimitsOf(doc: OpenApiDocument) {
  const pageSize = property(doc, 'AuditRealtimeQueryRequest', 'pageSize');
  return {
    realtimeWindowDays: numberAt(
      operation(doc, 'queryAuditsRealtime')['x-realtime-window-days'],
      'queryAuditsRealtime.x-realtime-window-days',
    ),
    realtimePageSize: numberAt(pageSize.maximum, 'AuditRealtimeQueryRequest.pageSize.maximum'),
  };
}

/**
 * The listings' query bounds: the largest page (the shared `pageSize` parameter's `maximum`) and the most
 * values a list parameter takes per request (its schema's `maxItems`).
 */
export function queryListLimitsOf(doc: OpenApiDocument) {
  const at = (operationId: string, name: string) =>
    numberAt(queryParameterSchema(doc, operationId, name).maxItems, `${operationId}.${name}.maxItems`);
  return {
    listingPageSize: numberAt(queryParameterSchema(doc, 'listUsers', 'pageSize').maximum, 'listUsers.pageSize.maximum'),
    /** `id` and `jabberId` of the groups, group profiles and users listings. */
    listingIds: at('listUsers', 'id'),
    listingJabberIds: at('listUsers', 'jabberId'),
    divisionIds: at('getAuthorizationDivisions', 'id'),
    roleIds: at('getAuthorizationRoles', 'id'),
    rolePermissions: at('getAuthorizationRoles', 'permission'),
  };
}

export const GROUP_LIMITS = groupLimitsOf(contractDocument());
export const MEMBERSHIP_LIMITS = membershipLimitsOf(contractDocument());
export const SEARCH_LIMITS = searchLimitsOf(contractDocument());
export const AUDIT_LIMITS = auditLimitsOf(contractDocument());
export const QUERY_LIST_LIMITS = queryListLimitsOf(contractDocument());

/** The longest interval, in days, an asynchronous audit query covers (`x-max-days` of AuditQueryRequest.interval). */
export const AUDIT_QUERY_MAX_DAYS = numberAt(
  property(contractDocument(), 'AuditQueryRequest', 'interval')['x-max-days'],
  'AuditQueryRequest.interval.x-max-days',
);
