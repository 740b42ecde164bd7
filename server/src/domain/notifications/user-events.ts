/**
 * The events of a user's presence and routing status, published (after commit) by every writer of
 * them: the presence PATCH and the demo's presence simulation both go through users/presence.ts
 * writePresence, which calls `publishUserChange`.
 *
 * Bodies follow the SDK's topic models: `v2.users.{id}.presence` a PresenceEventUserPresence,
 * `v2.users.{id}.routingStatus` a UserRoutingStatusUserRoutingStatus, `v2.users.{id}.activity` an
 * AgentActivityChangedTopicAgentActivity (presence, routing status, out of office, active queues).
 */
import type Database from 'better-sqlite3';
import { cached } from '../../db/statements.js';
import { publishAfterCommit } from './outbox.js';
import { userTopic } from './topics.js';

export interface PresenceState {
  source?: string;
  primary?: boolean;
  presenceDefinition?: { id?: string; systemPresence?: string };
  message?: string;
  modifiedDate?: string;
}

export interface RoutingState {
  status?: string;
  startTime?: string;
}

export interface UserChange {
  userId: string;
  presence: PresenceState;
  routing: RoutingState;
  routingChanged: boolean;
}

const definitionRef = (p: PresenceState) =>
  p.presenceDefinition
    ? { id: p.presenceDefinition.id, systemPresence: p.presenceDefinition.systemPresence }
    : undefined;

const routingRef = (r: RoutingState) => ({
  status: r.status ?? 'OFF_QUEUE',
  ...(r.startTime ? { startTime: r.startTime } : {}),
});

/** Publishes the change on the user's presence, routingStatus (when it changed) and activity topics. */
export function publishUserChange(db: Database.Database, change: UserChange): void {
  const { userId, presence, routing } = change;
  publishAfterCommit(db, userTopic(userId, 'presence'), () => ({
    source: presence.source,
    presenceDefinition: definitionRef(presence),
    primary: presence.primary,
    ...(presence.message ? { message: presence.message } : {}),
    modifiedDate: presence.modifiedDate,
  }));
  if (change.routingChanged)
    publishAfterCommit(db, userTopic(userId, 'routingStatus'), () => ({
      id: userId,
      routingStatus: routingRef(routing),
    }));
  publishAfterCommit(db, userTopic(userId, 'activity'), () => {
    const ooo = cached(db, "SELECT expand_json -> '$.outOfOffice' FROM users WHERE id = ?").pluck().get(userId) as
      string | null | undefined;
    const outOfOffice = (ooo ? JSON.parse(ooo) : {}) as { active?: boolean; modifiedDate?: string };
    return {
      id: userId,
      routingStatus: routingRef(routing),
      presence: {
        presenceDefinition: definitionRef(presence),
        ...(presence.message ? { presenceMessage: presence.message } : {}),
        modifiedDate: presence.modifiedDate,
      },
      outOfOffice: {
        active: outOfOffice.active ?? false,
        ...(outOfOffice.modifiedDate ? { modifiedDate: outOfOffice.modifiedDate } : {}),
      },
      // The embedded server has no queues: nobody is active on one.
      activeQueueIds: [],
    };
  });
}
