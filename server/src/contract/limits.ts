/**
 * Length, count and pattern limits of request bodies, read from openapi/groups.yaml's schemas
 * (`maxLength`, `maxItems`, `pattern`, and vendor extensions where JSON Schema has no word:
 * `x-digits`, `x-groups-per-type`, `x-max-conditions`, `x-max-depth`). The document's validators
 * enforce them on every request; the domain applies them again to what it trims or counts itself.
 */
import { componentSchema, contractDocument, type Json, type OpenApiDocument } from './document.js';

function property(doc: OpenApiDocument, schema: string, name: string): Json {
  const value = (componentSchema(doc, schema).properties as Record<string, Json> | undefined)?.[name];
  if (!value) throw new Error(`openapi/groups.yaml: ${schema} has no property ${name}`);
  return value;
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

export const GROUP_LIMITS = groupLimitsOf(contractDocument());
export const MEMBERSHIP_LIMITS = membershipLimitsOf(contractDocument());

/** The longest interval, in days, an asynchronous audit query covers (`x-max-days` of AuditQueryRequest.interval). */
export const AUDIT_QUERY_MAX_DAYS = numberAt(
  property(contractDocument(), 'AuditQueryRequest', 'interval')['x-max-days'],
  'AuditQueryRequest.interval.x-max-days',
);
