import { TOPICS_PER_CHANNEL } from '@/api/notifications/plan';
import { permissionOf } from '@/lib/permission-names';
import type { RoutingStatusStatus } from '@/api/generated/model/routingStatusStatus';
import type { User } from '@/api/generated/model/user';
import type { RosterEntry, RosterReading } from './roster-model';

/**
 * The live roster by push (docs/roster.md, "How the console chooses push or polling"), free of React:
 * the topics a group's roster subscribes, and what one event changes in the cached readings and pages.
 */

/**
 * The largest group kept live by push: one topic per member plus the group's change topic on the
 * browser tab's one channel (1,000 topics). A channel per group would reach the 20 channels a user and
 * OAuth client may hold, which every tab and app of the same sign-in shares; over this size the roster
 * polls within its budget (roster-model.ts).
 */
export const LIVE_ROSTER_MAX_MEMBERS = TOPICS_PER_CHANNEL - 1;
/** While live, the whole group is still re-read this often, for whatever no event said (drift). */
export const LIVE_REREAD_MS = 5 * 60_000;
/** Without the group's change topic (no `audits:audit:view`), members who join or leave show this late at most. */
export const LIVE_REREAD_WITHOUT_CHANGES_MS = 60_000;
/** The permission the group's change topic needs. */
export const GROUP_CHANGES_PERMISSION = permissionOf('queryAuditsRealtime');

/** A member's presence, routing status, out of office and active queues, in one event. */
export const activityTopic = (userId: string): string => `v2.users.${userId}.activity`;
/** The group's audit records: any of them (members added or removed above all) means "read again". */
export const groupChangesTopic = (groupId: string): string => `v2.audits.entitytype.Group.entityid.${groupId}`;

/** Whether a group of that many members is kept live by push. */
export const fitsLive = (memberCount: number): boolean => memberCount <= LIVE_ROSTER_MAX_MEMBERS;

/** The topics of a group's live roster: each member's activity, and the group's changes when allowed. */
export const rosterTopics = (groupId: string, memberIds: readonly string[], withChanges: boolean): string[] => [
  ...(withChanges ? [groupChangesTopic(groupId)] : []),
  ...memberIds.map(activityTopic),
];

/** What one event says of one member; a field left out did not come with the event. */
export interface StatusUpdate {
  id: string;
  presence?: string;
  definitionId?: string;
  routingStatus?: string;
}

const USER_TOPIC = /^v2\.users\.([^.?]+)\.(activity|presence|routingStatus)$/;

interface ActivityBody {
  presence?: { presenceDefinition?: { id?: string; systemPresence?: string } };
  presenceDefinition?: { id?: string; systemPresence?: string };
  routingStatus?: { status?: string };
}

/**
 * The member status an event carries: `.activity` (presence and routing status), `.presence` (a
 * presence) or `.routingStatus`; null for any other topic or an event without either.
 */
export function statusUpdateOf(topicName: string, eventBody: unknown): StatusUpdate | null {
  const match = USER_TOPIC.exec(topicName);
  if (!match || !eventBody || typeof eventBody !== 'object') return null;
  const [, id, kind] = match as unknown as [string, string, string];
  const body = eventBody as ActivityBody;
  const definition = kind === 'presence' ? body.presenceDefinition : body.presence?.presenceDefinition;
  const update: StatusUpdate = { id };
  if (kind !== 'routingStatus' && definition?.systemPresence) {
    update.presence = definition.systemPresence;
    update.definitionId = definition.id ?? '';
  }
  if (kind !== 'presence' && body.routingStatus?.status) update.routingStatus = body.routingStatus.status;
  return update.presence === undefined && update.routingStatus === undefined ? null : update;
}

const entryChanged = (entry: RosterEntry, u: StatusUpdate) =>
  (u.presence !== undefined && (entry.presence !== u.presence || entry.definitionId !== u.definitionId)) ||
  (u.routingStatus !== undefined && entry.routingStatus !== u.routingStatus);

/** The reading with the member's status as the event says; the same object when nothing changed. */
export function applyToReading(reading: RosterReading, u: StatusUpdate): RosterReading {
  const index = reading.entries.findIndex((e) => e.id === u.id);
  const entry = reading.entries[index];
  if (!entry || !entryChanged(entry, u)) return reading;
  const entries = [...reading.entries];
  entries[index] = {
    ...entry,
    ...(u.presence !== undefined ? { presence: u.presence, definitionId: u.definitionId ?? '' } : {}),
    ...(u.routingStatus !== undefined ? { routingStatus: u.routingStatus } : {}),
  };
  return { ...reading, entries };
}

/** The user with the status as the event says; the same object when nothing changed. */
export function applyToUser(user: User, u: StatusUpdate): User {
  if (user.id !== u.id) return user;
  const definition = user.presence?.presenceDefinition;
  const presenceChanged =
    u.presence !== undefined && (definition?.systemPresence !== u.presence || definition?.id !== u.definitionId);
  const routingChanged = u.routingStatus !== undefined && user.routingStatus?.status !== u.routingStatus;
  if (!presenceChanged && !routingChanged) return user;
  return {
    ...user,
    ...(presenceChanged
      ? {
          presence: {
            ...user.presence,
            presenceDefinition: { ...definition, id: u.definitionId, systemPresence: u.presence },
          },
        }
      : {}),
    ...(routingChanged
      ? { routingStatus: { ...user.routingStatus, status: u.routingStatus as RoutingStatusStatus } }
      : {}),
  };
}

const applyToUsers = (users: readonly User[], u: StatusUpdate): readonly User[] => {
  const index = users.findIndex((user) => user.id === u.id);
  if (index < 0) return users;
  const next = applyToUser(users[index]!, u);
  if (next === users[index]) return users;
  const copy = [...users];
  copy[index] = next;
  return copy;
};

const isRosterReading = (data: object): data is RosterReading =>
  Array.isArray((data as RosterReading).entries) &&
  (data as RosterReading).entries.every((e) => typeof e === 'object' && e !== null && 'presence' in e);

/**
 * One cached query's data with the event applied, whatever it holds: a whole-group reading
 * (`{entries}` of roster entries), a members or users listing (`{entities}`), or a page of users (an
 * array). Anything else, and data the event does not touch, comes back as it was (the same object, so
 * nothing re-renders).
 */
export function applyToCached(data: unknown, u: StatusUpdate): unknown {
  if (!data || typeof data !== 'object') return data;
  if (Array.isArray(data)) return applyToUsers(data as User[], u);
  if ('entries' in data) return isRosterReading(data) ? applyToReading(data, u) : data;
  const entities = (data as { entities?: unknown }).entities;
  if (!Array.isArray(entities)) return data;
  const next = applyToUsers(entities as User[], u);
  return next === entities ? data : { ...data, entities: next };
}
