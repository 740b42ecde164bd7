/**
 * Users' presence: `PATCH /api/v2/users/{userId}/presences/{sourceId}` (PresenceApi.patchUserPresence
 * in the official SDK), and the writes the presence simulation makes.
 *
 * Decisions where the public record is silent:
 *   - The only presence source is Genesys Cloud's own: `sourceId` is `PURECLOUD` (any case); any other
 *     source answers 404.
 *   - Users set their own presence with any token of theirs; setting someone else's needs
 *     `presence:userPresence:edit` (403 missing.any.permissions otherwise). Deleted users answer 404.
 *   - The body needs `presenceDefinition.id` (one of the org's definitions, 400 invalid.value otherwise)
 *     or a `message`, or both; `message: ""` clears the message.
 *   - Routing status follows presence as it does for agents: going On Queue from OFF_QUEUE makes the
 *     user IDLE; leaving On Queue makes them OFF_QUEUE. Neither changes the user's `version`.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { badRequest, invalidValue, missingAnyPermissions, notFound } from '../../contract/errors.js';
import { hasAnyPermission } from '../../contract/permissions.js';
import { catalogue } from '../../db/catalogue.js';
import { cached } from '../../db/statements.js';
import { publishUserChange } from '../notifications/user-events.js';

export const PRESENCE_EDIT = 'presence:userPresence:edit';
export const PURECLOUD_SOURCE = 'PURECLOUD';

export interface PresenceDefinitionRef {
  id: string;
  systemPresence: string;
}

let definitions: readonly PresenceDefinitionRef[] | undefined;

/** The org's presence definitions (the seed's fixed catalogue: the ids users' presences point at). */
export function orgPresenceDefinitions(): readonly PresenceDefinitionRef[] {
  definitions ??= catalogue().presenceDefinitions;
  return definitions;
}

export interface PresenceChange {
  /** A presence definition id of the org; undefined keeps the current one. */
  definitionId?: string;
  /** The new message; undefined keeps it, '' clears it. */
  message?: string;
}

interface StoredPresence {
  source?: string;
  primary?: boolean;
  presenceDefinition?: { id?: string; systemPresence?: string; selfUri?: string };
  message?: string;
  modifiedDate?: string;
}

interface StoredRoutingStatus {
  userId?: string;
  status?: string;
  startTime?: string;
}

const definitionSelfUri = (id: string) => `/api/v2/presencedefinitions/${id}`;

/**
 * Writes a user's presence (and the routing status that follows from it) and returns the stored
 * presence; undefined when there is no such user (or it is deleted).
 */
export function writePresence(
  db: Database.Database,
  userId: string,
  change: PresenceChange,
  now: Date = new Date(),
  routingStatus?: string,
): StoredPresence | undefined {
  const row = cached(
    db,
    "SELECT expand_json -> '$.presence' AS presence, expand_json -> '$.routingStatus' AS routing FROM users WHERE id = ? AND state <> 'deleted'",
  ).get(userId) as { presence: string | null; routing: string | null } | undefined;
  if (!row) return undefined;
  const at = now.toISOString();
  const before = (row.presence ? JSON.parse(row.presence) : {}) as StoredPresence;
  const definition = change.definitionId
    ? orgPresenceDefinitions().find((d) => d.id === change.definitionId)
    : undefined;
  const presence: StoredPresence = {
    source: PURECLOUD_SOURCE,
    primary: true,
    presenceDefinition: definition
      ? { id: definition.id, systemPresence: definition.systemPresence, selfUri: definitionSelfUri(definition.id) }
      : before.presenceDefinition,
    ...(change.message === undefined
      ? before.message
        ? { message: before.message }
        : {}
      : change.message
        ? { message: change.message }
        : {}),
    modifiedDate: at,
  };

  const routingBefore = (row.routing ? JSON.parse(row.routing) : {}) as StoredRoutingStatus;
  const onQueue = presence.presenceDefinition?.systemPresence === 'On Queue';
  let status = routingBefore.status ?? 'OFF_QUEUE';
  if (!onQueue) status = 'OFF_QUEUE';
  else if (routingStatus) status = routingStatus;
  else if (status === 'OFF_QUEUE') status = 'IDLE';
  const routing: StoredRoutingStatus =
    status === routingBefore.status ? routingBefore : { userId, status, startTime: at };

  cached(
    db,
    "UPDATE users SET expand_json = json_set(expand_json, '$.presence', json(?), '$.routingStatus', json(?)) WHERE id = ?",
  ).run(JSON.stringify(presence), JSON.stringify(routing), userId);
  // Subscribers hear of it once the caller's transaction commits (notifications/outbox.ts).
  publishUserChange(db, { userId, presence, routing, routingChanged: routing !== routingBefore });
  return presence;
}

/** PATCH /api/v2/users/{userId}/presences/{sourceId}: the UserPresence model after the change. */
export function patchUserPresence(
  db: Database.Database,
  caller: Caller,
  userId: string,
  sourceId: string,
  body: unknown,
): Record<string, unknown> {
  if (sourceId.toUpperCase() !== PURECLOUD_SOURCE)
    throw notFound(`No presence source ${sourceId}. The only source is ${PURECLOUD_SOURCE}.`, sourceId);
  if (caller.userId !== userId && !hasAnyPermission(caller.permissions, [PRESENCE_EDIT]))
    throw missingAnyPermissions([PRESENCE_EDIT]);

  const input = (body ?? {}) as { presenceDefinition?: { id?: unknown }; message?: unknown };
  const definitionId = input.presenceDefinition?.id;
  if (definitionId === undefined && input.message === undefined)
    throw badRequest('Give presenceDefinition.id, message, or both.', [
      { errorCode: 'bad.request', fieldName: 'presenceDefinition' },
    ]);
  if (definitionId !== undefined && !orgPresenceDefinitions().some((d) => d.id === definitionId))
    throw invalidValue(
      `presenceDefinition.id ${String(definitionId)} is not a presence definition of this organization.`,
      'presenceDefinition.id',
    );

  const stored = db.transaction(() =>
    writePresence(db, userId, {
      definitionId: definitionId as string | undefined,
      message: input.message as string | undefined,
    }),
  )();
  if (!stored) throw notFound(`No user with id ${userId}.`, userId);
  return {
    id: PURECLOUD_SOURCE,
    name: PURECLOUD_SOURCE,
    source: PURECLOUD_SOURCE,
    sourceId: PURECLOUD_SOURCE,
    ...stored,
    selfUri: `/api/v2/users/${userId}/presences/${PURECLOUD_SOURCE}`,
  };
}
