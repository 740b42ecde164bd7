/**
 * The building blocks of the seeded change history (history.ts, history-large.ts): who makes the changes,
 * when, and how each change is worded and written, in the shapes the live server writes (docs/audit.md).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { CONSOLE_CLIENT_ID } from '../../auth/clients.js';
import { INITIATING_ACTIONS, type GroupOperation } from '../../domain/audit/group-changes.js';
import { recordAudit, type AuditActor } from '../../domain/audit/record.js';
import type { AuditAction, EntityChange, PropertyChange } from '../../domain/audit/types.js';
import { PERSONAS } from './personas.js';
import type { Rng } from './prng.js';

export const DAY = 24 * 60 * 60 * 1000;
export const HOUR = 60 * 60 * 1000;

export type Reason = 'individual' | 'owner' | 'rule';

/** One request's records: written together, at one time, under one version of the group. */
export interface Change {
  time: number;
  groupId: string;
  actor: AuditActor;
  operation: string;
  records: Array<{
    action: AuditAction;
    propertyChanges?: PropertyChange[];
    entityChanges?: EntityChange[];
    context?: Record<string, string>;
  }>;
  /** The group's name after the change (for a delete: before it). */
  name: string;
}

export const ACTORS = {
  admin: { userId: PERSONAS.admin.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.2.15'] },
  editor: { userId: PERSONAS.editor.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.7.33'] },
  owner: { userId: PERSONAS.owner.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.3.21'] },
  /** The HR sync: a client-credentials client, no user. */
  sync: { userId: null, clientId: 'demo-admin', remoteIp: ['10.40.9.4'] },
} as const satisfies Record<string, AuditActor>;

/** A time on a working day (08:00–17:59 UTC), `daysAgo` days before `now`, never later than an hour ago. */
export function workTime(rng: Rng, now: number, daysAgo: number): number {
  const day = Math.floor((now - daysAgo * DAY) / DAY) * DAY;
  let t = day + 8 * HOUR + rng.int(0, 10 * HOUR - 1);
  const weekday = new Date(t).getUTCDay();
  if (weekday === 0) t -= 2 * DAY;
  if (weekday === 6) t -= DAY;
  return Math.min(t, now - HOUR - rng.int(0, HOUR));
}

const OPTIONAL = new Set(['description', 'email', 'addresses', 'images', 'ownerIds']);

/** The properties a Create (newValues) or Delete (oldValues) record lists, as group-changes.ts writes them. */
export function setProperties(properties: Map<string, string[]>, side: 'old' | 'new'): PropertyChange[] {
  return [...properties]
    .filter(([property, values]) => !(OPTIONAL.has(property) && values.length === 0))
    .map(([property, values]) =>
      side === 'new' ? { property, oldValues: [], newValues: values } : { property, oldValues: values, newValues: [] },
    );
}

/** The members of a group and why, as the story goes along; it words each membership change. */
export class Membership {
  readonly reasons = new Map<string, Set<Reason>>();

  constructor(private readonly names: (id: string) => string) {}

  /** Gives (or takes) `reason` to each user; the MemberAdd and MemberRemove entries, as docs/audit.md lists them. */
  apply(ids: readonly string[], reason: Reason, give: boolean): { added: EntityChange[]; removed: EntityChange[] } {
    const added: EntityChange[] = [];
    const removed: EntityChange[] = [];
    for (const id of ids) {
      const set = this.reasons.get(id) ?? new Set<Reason>();
      const before = [...set].sort();
      if (give === set.has(reason)) continue;
      if (give) set.add(reason);
      else set.delete(reason);
      const after = [...set].sort();
      if (after.length) this.reasons.set(id, set);
      else this.reasons.delete(id);
      const entry = {
        entityId: id,
        entityName: this.names(id),
        entityType: 'User',
        oldValues: before,
        newValues: after,
      };
      const joined = before.length === 0 || (give && reason === 'individual');
      const left = after.length === 0 || (!give && reason === 'individual');
      if (give && joined) added.push(entry);
      if (!give && left) removed.push(entry);
    }
    return { added: byName(added), removed: byName(removed) };
  }
}

/** Membership entries in the order the live server lists them (docs/audit.md): by name, then id. */
export const byName = (changes: EntityChange[]) =>
  changes.sort(
    (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
  );

export const memberRecords = (m: { added: EntityChange[]; removed: EntityChange[] }) => [
  ...(m.added.length ? [{ action: 'MemberAdd' as const, entityChanges: m.added }] : []),
  ...(m.removed.length ? [{ action: 'MemberRemove' as const, entityChanges: m.removed }] : []),
];

/** Owner entries as the live server lists them: those added, then those removed, each by id. */
export const ownerEntries = (names: (id: string) => string, before: readonly string[], after: readonly string[]) => [
  ...[...after]
    .sort()
    .filter((id) => !before.includes(id))
    .map((id) => ({ entityId: id, entityName: names(id), entityType: 'User', oldValues: [], newValues: ['owner'] })),
  ...[...before]
    .sort()
    .filter((id) => !after.includes(id))
    .map((id) => ({ entityId: id, entityName: names(id), entityType: 'User', oldValues: ['owner'], newValues: [] })),
];

/**
 * Writes the changes oldest first (seq follows time, as on the live server), numbering each group's
 * versions from `firstVersion`; returns each group's last version and change time.
 */
export function writeChanges(
  db: Database.Database,
  changes: Change[],
  firstVersion: (groupId: string) => number,
): Map<string, { version: number; time: number }> {
  changes.sort((a, b) => a.time - b.time);
  const last = new Map<string, { version: number; time: number }>();
  for (const change of changes) {
    const previous = last.get(change.groupId);
    const isDelete = change.records.some((r) => r.action === 'Delete');
    const version = previous ? previous.version + (isDelete ? 0 : 1) : firstVersion(change.groupId);
    last.set(change.groupId, { version, time: change.time });
    const transactionId = randomUUID();
    const initiating = INITIATING_ACTIONS[change.operation as GroupOperation] as AuditAction | undefined;
    for (const record of change.records)
      recordAudit(db, {
        transactionId,
        transactionInitiator: initiating === undefined || initiating === record.action,
        action: record.action,
        entityType: 'Group',
        entity: { id: change.groupId, name: change.name },
        propertyChanges: record.propertyChanges,
        entityChanges: record.entityChanges,
        context: { operation: change.operation, version: String(version), ...record.context },
        actor: change.actor,
        time: new Date(change.time),
      });
  }
  return last;
}

export function userNames(db: Database.Database): (id: string) => string {
  const rows = db.prepare('SELECT id, name FROM users').raw().all() as Array<[string, string]>;
  const map = new Map(rows);
  return (id) => map.get(id) ?? id;
}

export const idsOf = (db: Database.Database, table: 'group_owners' | 'group_individuals', groupId: string) =>
  db.prepare(`SELECT user_id FROM ${table} WHERE group_id = ? ORDER BY user_id`).pluck().all(groupId) as string[];
