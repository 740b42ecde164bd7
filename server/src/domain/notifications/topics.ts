/**
 * Notification topics this server publishes, as the real Notifications API names them
 * (`GET /api/v2/notifications/availabletopics`), and the parsing of a subscribed topic into the
 * concrete topics events are published on.
 *
 *   v2.users.{id}.presence         the user's presence (PresenceEventUserPresence-like body)
 *   v2.users.{id}.routingStatus    the user's routing status
 *   v2.users.{id}.activity         presence, routing status, out of office and active queues in one event
 *   v2.users.{id}?presence&routingStatus   the combined form: one subscription, several topics
 *   v2.audits.entitytype.Group.entityid.{id}   the group's audit records (created, updated, members…)
 *
 * Permissions (see docs/roster.md for what is known of the real API): the user topics need only a valid
 * token of the organization; the audit topic needs `audits:audit:view`, as the Audit API does.
 */
import { hasAnyPermission } from '../../contract/permissions.js';

export const USER_TOPIC_KINDS = ['presence', 'routingStatus', 'activity'] as const;
export type UserTopicKind = (typeof USER_TOPIC_KINDS)[number];

export const AUDIT_VIEW = 'audits:audit:view';
/** The entity types whose audit topic this server publishes (the only audited entity is the group). */
export const AUDIT_TOPIC_ENTITY_TYPES = ['Group'] as const;

/** Ids in topic names: the platform's ids are UUIDs; any id of letters, digits and dashes is accepted. */
const ID = '[A-Za-z0-9][A-Za-z0-9-]{0,63}';
const USER_TOPIC = new RegExp(`^v2\\.users\\.(${ID})\\.(presence|routingStatus|activity)$`);
const USER_COMBINED = new RegExp(`^v2\\.users\\.(${ID})\\?([A-Za-z&]+)$`);
const AUDIT_TOPIC = new RegExp(`^v2\\.audits\\.entitytype\\.([A-Za-z]+)\\.entityid\\.(${ID})$`);

export const userTopic = (userId: string, kind: UserTopicKind): string => `v2.users.${userId}.${kind}`;
export const auditTopic = (entityType: string, entityId: string): string =>
  `v2.audits.entitytype.${entityType}.entityid.${entityId}`;

/** The entity type and id of an audit topic, or null for another topic. */
export const parseAuditTopic = (topic: string): { entityType: string; entityId: string } | null => {
  const audit = AUDIT_TOPIC.exec(topic);
  return audit ? { entityType: audit[1] as string, entityId: audit[2] as string } : null;
};

export interface ParsedTopic {
  /** The topic as subscribed. */
  id: string;
  /** The topics its events are published on (several for the combined form). */
  concrete: readonly string[];
  /** Permissions of which the caller needs one (none: a valid token is enough). */
  requiresAnyOf: readonly string[];
}

export type TopicParse = { ok: true; topic: ParsedTopic } | { ok: false; reason: string };

/** Parses one subscribed topic name (audit topics of `auditEntityTypes`); unknown names are refused with the reason. */
export function parseTopic(id: string, auditEntityTypes: readonly string[] = AUDIT_TOPIC_ENTITY_TYPES): TopicParse {
  const single = USER_TOPIC.exec(id);
  if (single) return { ok: true, topic: { id, concrete: [id], requiresAnyOf: [] } };
  const combined = USER_COMBINED.exec(id);
  if (combined) {
    const [, userId, list] = combined as unknown as [string, string, string];
    const kinds = [...new Set(list.split('&'))];
    const unknown = kinds.filter((k) => !(USER_TOPIC_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0 || kinds.length === 0)
      return { ok: false, reason: `Unknown user topic(s) ${unknown.join(', ') || '(none)'} in ${id}.` };
    return {
      ok: true,
      topic: { id, concrete: kinds.map((k) => userTopic(userId, k as UserTopicKind)), requiresAnyOf: [] },
    };
  }
  const audit = AUDIT_TOPIC.exec(id);
  if (audit) {
    const entityType = audit[1] as string;
    if (!auditEntityTypes.includes(entityType))
      return { ok: false, reason: `This server publishes no audit topic for entity type ${entityType}.` };
    return { ok: true, topic: { id, concrete: [id], requiresAnyOf: [AUDIT_VIEW] } };
  }
  return { ok: false, reason: `${id} is not a valid topic.` };
}

/** The permissions of `requiresAnyOf` the caller lacks (all of them when it holds none). */
export function missingTopicPermissions(topic: ParsedTopic, permissions: ReadonlySet<string>): readonly string[] {
  if (topic.requiresAnyOf.length === 0) return [];
  return hasAnyPermission(permissions, [...topic.requiresAnyOf]) ? [] : topic.requiresAnyOf;
}

interface AvailableTopicInfo {
  id: string;
  description: string;
  requiresPermissions: string[];
  schema: Record<string, unknown>;
  topicParameters: string[];
}

const str = { type: 'string' };
const presenceSchema = {
  type: 'object',
  properties: {
    source: str,
    presenceDefinition: { type: 'object', properties: { id: str, systemPresence: str } },
    primary: { type: 'boolean' },
    message: str,
    modifiedDate: { type: 'string', format: 'date-time' },
  },
};
const routingSchema = {
  type: 'object',
  properties: { id: str, routingStatus: { type: 'object', properties: { status: str, startTime: str } } },
};

const AVAILABLE: readonly AvailableTopicInfo[] = [
  {
    id: 'v2.users.{id}.activity',
    description: "A user's presence, routing status, out of office and active queues, in one event.",
    requiresPermissions: [],
    topicParameters: ['user'],
    schema: {
      type: 'object',
      properties: {
        id: str,
        routingStatus: { type: 'object', properties: { status: str, startTime: str } },
        presence: {
          type: 'object',
          properties: {
            presenceDefinition: { type: 'object', properties: { id: str, systemPresence: str } },
            presenceMessage: str,
            modifiedDate: str,
          },
        },
        outOfOffice: { type: 'object', properties: { active: { type: 'boolean' }, modifiedDate: str } },
        activeQueueIds: { type: 'array', items: str },
        dateActiveQueuesChanged: str,
      },
    },
  },
  {
    id: 'v2.users.{id}.presence',
    description: "A user's presence.",
    requiresPermissions: [],
    topicParameters: ['user'],
    schema: presenceSchema,
  },
  {
    id: 'v2.users.{id}.routingStatus',
    description: "A user's routing status.",
    requiresPermissions: [],
    topicParameters: ['user'],
    schema: routingSchema,
  },
  {
    id: 'v2.audits.entitytype.{id}.entityid.{id}',
    description: 'The audit records of one entity (here: a group, entity type Group).',
    requiresPermissions: [AUDIT_VIEW],
    topicParameters: ['entitytype', 'entityid'],
    schema: {
      type: 'object',
      properties: {
        id: str,
        userId: str,
        clientId: { type: 'object', properties: { id: str } },
        serviceName: str,
        level: str,
        eventTime: str,
        action: str,
        entityType: str,
        entity: { type: 'object', properties: { id: str, name: str } },
        propertyChanges: { type: 'array', items: { type: 'object' } },
        context: { type: 'object' },
      },
    },
  },
];

/** GET /api/v2/notifications/availabletopics: `expand` may name `description`, `requiresPermissions`, `schema`… */
export function availableTopics(expand: readonly string[]): { entities: Record<string, unknown>[] } {
  const wants = new Set(expand);
  return {
    entities: AVAILABLE.map((t) => ({
      id: t.id,
      ...(wants.has('description') ? { description: t.description } : {}),
      ...(wants.has('requiresPermissions') ? { requiresPermissions: t.requiresPermissions } : {}),
      ...(wants.has('enforced') ? { enforced: false } : {}),
      ...(wants.has('visibility') ? { visibility: 'Public' } : {}),
      ...(wants.has('schema') ? { schema: t.schema } : {}),
      ...(wants.has('transports') ? { transports: ['All'] } : {}),
      ...(wants.has('topicParameters') ? { topicParameters: t.topicParameters } : {}),
      ...(wants.has('requiresCurrentUser') ? { requiresCurrentUser: false } : {}),
      ...(wants.has('requiresCurrentUserOrPermission') ? { requiresCurrentUserOrPermission: false } : {}),
    })),
  };
}

/** The values `expand` accepts on availabletopics (the AvailableTopic fields beyond id). */
export const AVAILABLE_TOPIC_EXPANDS = [
  'description',
  'requiresPermissions',
  'enforced',
  'visibility',
  'schema',
  'transports',
  'topicParameters',
  'requiresCurrentUser',
  'requiresCurrentUserOrPermission',
  'publicApiTemplateUriPaths',
  'permissionDetails',
  'requiresDivisionPermissions',
  'requiresAnyValidator',
] as const;
