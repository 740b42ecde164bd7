/**
 * The one writer of the change history (`audits`): every change records itself through recordAudit,
 * inside the change's own transaction, so a change without its record (or a record without its change)
 * cannot happen: both commit or neither does. docs/audit.md lists the record of each change.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { cached } from '../../db/statements.js';
import { publishAfterCommit } from '../notifications/outbox.js';
import { auditTopic } from '../notifications/topics.js';
import { answeredEntityType, answeredService, STORED_AUDIT_NAMES, type AuditNames } from './names.js';
import {
  AUDIT_SERVICE,
  type AuditAction,
  type AuditEntityType,
  type AuditLogMessage,
  type EntityChange,
  type PropertyChange,
} from './types.js';

/** Who made a change and from where. */
export interface AuditActor {
  /** The signed-in user; null when an OAuth client acted with a client-credentials token. */
  userId: string | null;
  /** The OAuth client the token was issued to. */
  clientId: string;
  /** The request's remote address(es), nearest first. */
  remoteIp: readonly string[];
}

export interface AuditRecordInput {
  action: AuditAction;
  entityType: AuditEntityType;
  /** The entity changed, with its name at the time of the change. */
  entity: { id: string; name: string };
  propertyChanges?: readonly PropertyChange[];
  entityChanges?: readonly EntityChange[];
  /** Extra facts of the change (string values), e.g. `restoredFromGroupId`; see docs/audit.md. */
  context?: Readonly<Record<string, string>>;
  actor: AuditActor;
  /** When the change happened (default: now). */
  time?: Date;
  /** `SYSTEM` for a change no caller asked for directly (default `USER`). */
  level?: 'USER' | 'SYSTEM';
  /**
   * `SUCCESS` (default): the change happened. The live server records nothing else (a refused request writes no
   * record); `FAILURE` is for the failed attempts a real org logs, written by STRICT_MIRROR's data (db/seed/strict-mirror.ts).
   */
  status?: 'SUCCESS' | 'FAILURE';
  /**
   * The action's id, shared by every record one request writes (`initiatingAction.transactionId`, what
   * the related query groups by); default: a new id, the record alone.
   */
  transactionId?: string;
  /** Whether this record is of the action asked for rather than one it brought along (default true). */
  transactionInitiator?: boolean;
}

/** The record as stored in `audits.body_json`: the AuditLogMessage without its column values. */
type StoredBody = Omit<AuditLogMessage, 'id' | 'eventDate' | 'serviceName' | 'entityType' | 'action'>;

const INSERT = `INSERT INTO audits (id, event_time, service, entity_type, entity_id, user_id, client_id, action, body_json)
  VALUES (@id, @time, @service, @entityType, @entityId, @userId, @clientId, @action, @body)`;

/**
 * Writes one audit record inside the caller's transaction (it throws when there is none, so no record
 * can be written apart from its change) and returns its id.
 */
export function recordAudit(db: Database.Database, input: AuditRecordInput): string {
  if (!db.inTransaction) throw new Error('recordAudit must run inside the transaction of the change it records');
  const time = input.time ?? new Date();
  const { actor } = input;
  const userName =
    actor.userId === null
      ? undefined
      : (cached(db, 'SELECT name FROM users WHERE id = ?').pluck().get(actor.userId) as string | undefined);
  const body: StoredBody = {
    ...(actor.userId === null
      ? {}
      : { user: { id: actor.userId, ...(userName === undefined ? {} : { name: userName }) } }),
    client: { id: actor.clientId },
    remoteIp: [...actor.remoteIp],
    level: input.level ?? 'USER',
    entity: { id: input.entity.id, name: input.entity.name },
    status: input.status ?? 'SUCCESS',
    initiatingAction: { transactionId: input.transactionId ?? randomUUID() },
    transactionInitiator: input.transactionInitiator ?? true,
    propertyChanges: (input.propertyChanges ?? []).map((c) => ({
      ...c,
      oldValues: [...c.oldValues],
      newValues: [...c.newValues],
    })),
    context: { ...input.context },
    entityChanges: (input.entityChanges ?? []).map((c) => ({
      ...c,
      oldValues: [...c.oldValues],
      newValues: [...c.newValues],
    })),
  };
  const id = randomUUID();
  cached(db, INSERT).run({
    id,
    time: time.getTime(),
    service: AUDIT_SERVICE,
    entityType: input.entityType,
    entityId: input.entity.id,
    userId: actor.userId,
    clientId: actor.clientId,
    action: input.action,
    body: JSON.stringify(body),
  });
  // The entity's audit topic (v2.audits.entitytype.{type}.entityid.{id}) hears of it after commit: for
  // a group, this is how subscribers learn of its membership changes (docs/roster.md).
  publishAfterCommit(db, auditTopic(input.entityType, input.entity.id), () => ({
    id,
    ...(actor.userId === null
      ? {}
      : {
          userId: actor.userId,
          username: { id: actor.userId, ...(userName === undefined ? {} : { name: userName }) },
        }),
    clientId: { id: actor.clientId },
    remoteIp: body.remoteIp,
    serviceName: AUDIT_SERVICE,
    level: body.level,
    eventTime: time.toISOString(),
    action: input.action,
    entityType: input.entityType,
    entity: body.entity,
    propertyChanges: body.propertyChanges,
    context: body.context,
    // Not in the SDK's AuditTopicAuditLogMessage: who joined or left, as the Audit API's records carry it.
    entityChanges: body.entityChanges,
  }));
  return id;
}

/** The columns of an `audits` row that make up its AuditLogMessage. */
export interface AuditRow {
  id: string;
  event_time: number;
  service: string;
  entity_type: string;
  action: string;
  body_json: string;
}

/**
 * An `audits` row as the Audit API answers it, under `names` (names.ts); user names only with `expand=user`, as
 * the real API does.
 */
export function rowToMessage(
  row: AuditRow,
  expandUser = true,
  names: AuditNames = STORED_AUDIT_NAMES,
): AuditLogMessage {
  const body = JSON.parse(row.body_json) as StoredBody;
  const user = body.user && (expandUser ? body.user : { id: body.user.id });
  return {
    id: row.id,
    ...(user ? { user: { ...user, selfUri: `/api/v2/users/${user.id}` } } : {}),
    ...(body.client ? { client: body.client } : {}),
    remoteIp: body.remoteIp,
    serviceName: answeredService(names, row.service),
    level: body.level,
    eventDate: new Date(row.event_time).toISOString(),
    action: row.action as AuditAction,
    entity: { ...body.entity, selfUri: `/api/v2/${row.entity_type === 'User' ? 'users' : 'groups'}/${body.entity.id}` },
    entityType: answeredEntityType(names, row.entity_type) as AuditEntityType,
    status: body.status,
    ...(body.initiatingAction ? { initiatingAction: body.initiatingAction } : {}),
    ...(body.transactionInitiator === undefined ? {} : { transactionInitiator: body.transactionInitiator }),
    propertyChanges: body.propertyChanges,
    context: body.context,
    entityChanges: body.entityChanges,
  };
}
