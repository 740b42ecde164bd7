/**
 * The records of group changes (docs/audit.md, "The record(s) of each change"): the writes in
 * domain/groups and domain/membership call these inside their transactions, and these write through
 * recordAudit, the one writer of `audits`.
 *
 * Member changes are read from a journal of `group_members` (the table domain/membership/upkeep.ts
 * keeps): temporary triggers on the writer's connection copy each row's flags before and after every
 * insert, update and delete while a change is being watched, so a change's MemberAdd/MemberRemove
 * records list exactly the users whose membership it changed, however it changed them (by hand,
 * owners, rules) and without reading the whole member list.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../auth/caller.js';
import { cached } from '../../db/statements.js';
import type { GroupRow } from '../groups/groups.js';
import { recordAudit, type AuditActor } from './record.js';
import type { AuditAction, EntityChange, PropertyChange } from './types.js';

/** Where a change came from, beyond the caller: the request's address and recorded headers. */
export interface AuditOrigin {
  remoteIp: readonly string[];
  /** `restoredFromGroupId` (createGroup), `revertsAuditId` (updateGroup). */
  context?: Readonly<Record<string, string>>;
}

export type GroupOperation =
  | 'createGroup'
  | 'updateGroup'
  | 'deleteGroup'
  | 'addGroupMembers'
  | 'removeGroupMembers'
  | 'updateGroupDynamicSettings'
  | 'deleteGroupDynamicSettings';

const actorOf = (caller: Caller, origin: AuditOrigin | undefined): AuditActor => ({
  userId: caller.kind === 'user' ? caller.userId : null,
  clientId: caller.clientId,
  remoteIp: origin?.remoteIp ?? [],
});

// ---------------------------------------------------------------------------------------------
// Property values, encoded as docs/audit.md says

const bool = (v: number): string[] => [v ? 'true' : 'false'];
const text = (v: string | null): string[] => (v === null || v === '' ? [] : [v]);
const jsonItems = (json: string): string[] => (JSON.parse(json) as unknown[]).map((item) => JSON.stringify(item));

const ownerIdsOf = (db: Database.Database, groupId: string): string[] =>
  cached(db, 'SELECT user_id FROM group_owners WHERE group_id = ? ORDER BY user_id').pluck().all(groupId) as string[];

export const dynamicSettingsOf = (db: Database.Database, groupId: string): string[] => {
  const json = cached(db, 'SELECT query_json FROM group_dynamic_settings WHERE group_id = ?').pluck().get(groupId) as
    string | undefined;
  return json === undefined ? [] : [json];
};

/** The recorded properties of a group, in record order; optional ones only when set. */
export interface GroupState {
  row: GroupRow;
  properties: Map<string, string[]>;
  ownerIds: string[];
}

export function groupState(db: Database.Database, row: GroupRow): GroupState {
  const ownerIds = ownerIdsOf(db, row.id);
  const properties = new Map<string, string[]>([
    ['name', [row.name]],
    ['description', text(row.description)],
    ['type', [row.type]],
    ['visibility', [row.visibility]],
    ['state', [row.state]],
    ['rulesVisible', bool(row.rules_visible)],
    ['rolesEnabled', bool(row.roles_enabled)],
    ['includeOwners', bool(row.include_owners)],
    ['callsEnabled', bool(row.calls_enabled)],
    ['email', text(row.email)],
    ['addresses', jsonItems(row.addresses_json)],
    ['images', jsonItems(row.images_json)],
    ['ownerIds', ownerIds],
  ]);
  return { row, properties, ownerIds };
}

const OPTIONAL = new Set(['description', 'email', 'addresses', 'images', 'ownerIds']);

/** The properties a Create (newValues) or Delete (oldValues) record lists for a group. */
function setProperties(state: GroupState, side: 'old' | 'new'): PropertyChange[] {
  const out: PropertyChange[] = [];
  for (const [property, values] of state.properties) {
    if (OPTIONAL.has(property) && values.length === 0) continue;
    out.push(
      side === 'new' ? { property, oldValues: [], newValues: values } : { property, oldValues: values, newValues: [] },
    );
  }
  return out;
}

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function userNames(db: Database.Database, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  // Objects, not raw(): a cached statement is shared by SQL text, and raw() would change it for all users.
  const rows = cached(db, 'SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  ) as Array<{ id: string; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}

function userChanges(
  db: Database.Database,
  entries: Array<{ id: string; old: string[]; new: string[] }>,
): EntityChange[] {
  const names = userNames(
    db,
    entries.map((e) => e.id),
  );
  return entries.map((e) => ({
    entityId: e.id,
    ...(names.has(e.id) ? { entityName: names.get(e.id)! } : {}),
    entityType: 'User',
    oldValues: e.old,
    newValues: e.new,
  }));
}

function ownerChanges(db: Database.Database, before: readonly string[], after: readonly string[]): EntityChange[] {
  const was = new Set(before);
  const is = new Set(after);
  return userChanges(db, [
    ...after.filter((id) => !was.has(id)).map((id) => ({ id, old: [], new: ['owner'] })),
    ...before.filter((id) => !is.has(id)).map((id) => ({ id, old: ['owner'], new: [] })),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The member journal

/**
 * Creates the journal's temporary table and triggers on this connection when it has none. Checked on
 * every use, not remembered: created inside a change's transaction, they go again if that rolls back.
 */
function ensureJournal(db: Database.Database): void {
  if (cached(db, "SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'audit_member_delete'").get())
    return;
  const flags = (row: 'old' | 'new') => `${row}.is_individual, ${row}.is_owner, ${row}.is_rule`;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS audit_member_watch (group_id TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS audit_member_journal (
      seq INTEGER PRIMARY KEY, group_id TEXT NOT NULL, user_id TEXT NOT NULL,
      old_exists INTEGER NOT NULL, old_ind INTEGER, old_own INTEGER, old_rule INTEGER,
      new_exists INTEGER NOT NULL, new_ind INTEGER, new_own INTEGER, new_rule INTEGER);
    CREATE TEMP TRIGGER IF NOT EXISTS audit_member_insert AFTER INSERT ON main.group_members
      WHEN new.group_id IN (SELECT group_id FROM temp.audit_member_watch) BEGIN
      INSERT INTO temp.audit_member_journal (group_id, user_id, old_exists, old_ind, old_own, old_rule, new_exists, new_ind, new_own, new_rule)
      VALUES (new.group_id, new.user_id, 0, NULL, NULL, NULL, 1, ${flags('new')});
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS audit_member_update AFTER UPDATE OF is_individual, is_owner, is_rule ON main.group_members
      WHEN new.group_id IN (SELECT group_id FROM temp.audit_member_watch) BEGIN
      INSERT INTO temp.audit_member_journal (group_id, user_id, old_exists, old_ind, old_own, old_rule, new_exists, new_ind, new_own, new_rule)
      VALUES (new.group_id, new.user_id, 1, ${flags('old')}, 1, ${flags('new')});
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS audit_member_delete AFTER DELETE ON main.group_members
      WHEN old.group_id IN (SELECT group_id FROM temp.audit_member_watch) BEGIN
      INSERT INTO temp.audit_member_journal (group_id, user_id, old_exists, old_ind, old_own, old_rule, new_exists, new_ind, new_own, new_rule)
      VALUES (old.group_id, old.user_id, 1, ${flags('old')}, 0, NULL, NULL, NULL);
    END;`);
}

interface JournalRow {
  user_id: string;
  old_exists: number;
  old_ind: number | null;
  old_own: number | null;
  old_rule: number | null;
  new_exists: number;
  new_ind: number | null;
  new_own: number | null;
  new_rule: number | null;
}

const includeOwnersOf = (db: Database.Database, groupId: string): boolean =>
  (cached(db, 'SELECT include_owners FROM groups WHERE id = ?').pluck().get(groupId) as number | undefined) === 1;

/** Membership changes: who joined (or became an individual) and who left (or stopped being one). */
export interface MemberChanges {
  added: EntityChange[];
  removed: EntityChange[];
}

/**
 * Runs `change` (inside the caller's transaction) while journaling the group's member rows, and answers
 * its result with the membership changes it made. Include-owners before and after decide the `owner`
 * reason (a member because the group includes its owners).
 */
export function watchMembers<T>(
  db: Database.Database,
  groupId: string,
  change: () => T,
  /** The group's includeOwners before the change, when the change's transaction already updated it. */
  includedOwnersBefore?: boolean,
): { result: T; members: MemberChanges } {
  ensureJournal(db);
  cached(db, 'DELETE FROM temp.audit_member_journal').run();
  const includedBefore = includedOwnersBefore ?? includeOwnersOf(db, groupId);
  cached(db, 'INSERT INTO temp.audit_member_watch (group_id) VALUES (?)').run(groupId);
  let result: T;
  try {
    result = change();
  } finally {
    cached(db, 'DELETE FROM temp.audit_member_watch WHERE group_id = ?').run(groupId);
  }
  const includedAfter = includeOwnersOf(db, groupId);
  const rows = cached(
    db,
    `SELECT user_id, old_exists, old_ind, old_own, old_rule, new_exists, new_ind, new_own, new_rule
     FROM temp.audit_member_journal WHERE group_id = ? ORDER BY seq`,
  ).all(groupId) as JournalRow[];
  cached(db, 'DELETE FROM temp.audit_member_journal').run();

  // Per user: the state before its first journaled write and after its last.
  const first = new Map<string, JournalRow>();
  const last = new Map<string, JournalRow>();
  for (const row of rows) {
    if (!first.has(row.user_id)) first.set(row.user_id, row);
    last.set(row.user_id, row);
  }
  const reasons = (exists: number, ind: number | null, own: number | null, rule: number | null, included: boolean) =>
    exists ? [...(ind ? ['individual'] : []), ...(own && included ? ['owner'] : []), ...(rule ? ['rule'] : [])] : [];
  const added: Array<{ id: string; old: string[]; new: string[] }> = [];
  const removed: Array<{ id: string; old: string[]; new: string[] }> = [];
  for (const [userId, start] of first) {
    const end = last.get(userId)!;
    const wasMember = start.old_exists === 1;
    const isMember = end.new_exists === 1;
    const wasIndividual = wasMember && start.old_ind === 1;
    const isIndividual = isMember && end.new_ind === 1;
    const entry = {
      id: userId,
      old: reasons(start.old_exists, start.old_ind, start.old_own, start.old_rule, includedBefore),
      new: reasons(end.new_exists, end.new_ind, end.new_own, end.new_rule, includedAfter),
    };
    if ((!wasMember && isMember) || (!wasIndividual && isIndividual)) added.push(entry);
    else if ((wasMember && !isMember) || (wasIndividual && !isIndividual)) removed.push(entry);
  }
  const byName = (changes: EntityChange[]) =>
    changes.sort(
      (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
    );
  return {
    result: result!,
    members: { added: byName(userChanges(db, added)), removed: byName(userChanges(db, removed)) },
  };
}

// ---------------------------------------------------------------------------------------------
// The records

interface RecordContext {
  db: Database.Database;
  caller: Caller;
  origin: AuditOrigin | undefined;
  operation: GroupOperation;
  /** The group's id and name for `entity`. */
  group: { id: string; name: string };
  /** The group's version after the change (Delete: at deletion). */
  version: number;
  /** One time for every record of the change. */
  time: Date;
  /** One action id for every record of the change (`initiatingAction.transactionId`). */
  transactionId: string;
}

/** The action each operation was asked for: its record is the transaction's initiator, the others came along. */
export const INITIATING_ACTIONS: Readonly<Record<GroupOperation, AuditAction>> = {
  createGroup: 'Create',
  updateGroup: 'Update',
  deleteGroup: 'Delete',
  addGroupMembers: 'MemberAdd',
  removeGroupMembers: 'MemberRemove',
  updateGroupDynamicSettings: 'Update',
  deleteGroupDynamicSettings: 'Update',
};

function write(
  ctx: RecordContext,
  action: AuditAction,
  changes: { propertyChanges?: PropertyChange[]; entityChanges?: EntityChange[]; context?: Record<string, string> },
): void {
  recordAudit(ctx.db, {
    action,
    entityType: 'Group',
    entity: ctx.group,
    propertyChanges: changes.propertyChanges,
    entityChanges: changes.entityChanges,
    context: { operation: ctx.operation, version: String(ctx.version), ...changes.context },
    actor: actorOf(ctx.caller, ctx.origin),
    time: ctx.time,
    transactionId: ctx.transactionId,
    transactionInitiator: INITIATING_ACTIONS[ctx.operation] === action,
  });
}

function writeMembers(ctx: RecordContext, members: MemberChanges): void {
  if (members.added.length) write(ctx, 'MemberAdd', { entityChanges: members.added });
  if (members.removed.length) write(ctx, 'MemberRemove', { entityChanges: members.removed });
}

/** The recorded context keys of a request, for the records' `context`. */
function originContext(origin: AuditOrigin | undefined, key: string): Record<string, string> {
  const value = origin?.context?.[key];
  return value === undefined ? {} : { [key]: value };
}

/** Identifies the change for the records: operation, caller, origin. */
export interface ChangeBy {
  db: Database.Database;
  caller: Caller;
  origin?: AuditOrigin;
}

const context = (by: ChangeBy, operation: GroupOperation, row: GroupRow): RecordContext => ({
  db: by.db,
  caller: by.caller,
  origin: by.origin,
  operation,
  group: { id: row.id, name: row.name },
  version: row.version,
  time: new Date(),
  transactionId: randomUUID(),
});

/** Create: the group's settings and owners, then the owners who joined as members. */
export function recordGroupCreated(by: ChangeBy, after: GroupState, members: MemberChanges): void {
  const ctx = context(by, 'createGroup', after.row);
  write(ctx, 'Create', {
    propertyChanges: setProperties(after, 'new'),
    entityChanges: ownerChanges(by.db, [], after.ownerIds),
    context: originContext(by.origin, 'restoredFromGroupId'),
  });
  writeMembers(ctx, members);
}

/** Update: each property that changed and the owners added or removed, then membership changes. */
export function recordGroupUpdated(by: ChangeBy, before: GroupState, after: GroupState, members: MemberChanges): void {
  const ctx = context(by, 'updateGroup', after.row);
  const propertyChanges: PropertyChange[] = [];
  for (const [property, newValues] of after.properties) {
    const oldValues = before.properties.get(property) ?? [];
    if (!sameValues(oldValues, newValues)) propertyChanges.push({ property, oldValues, newValues });
  }
  write(ctx, 'Update', {
    propertyChanges,
    entityChanges: ownerChanges(by.db, before.ownerIds, after.ownerIds),
    context: originContext(by.origin, 'revertsAuditId'),
  });
  writeMembers(ctx, members);
}

/** Delete: the members who left, then the full snapshot (settings, owners, individuals, dynamic settings). */
export function recordGroupDeleted(
  by: ChangeBy,
  before: GroupState,
  snapshot: { individualIds: string[]; dynamicSettings: string[] },
  members: MemberChanges,
): void {
  const ctx = context(by, 'deleteGroup', before.row);
  writeMembers(ctx, members);
  write(ctx, 'Delete', {
    propertyChanges: [
      ...setProperties(before, 'old'),
      ...(snapshot.dynamicSettings.length
        ? [{ property: 'dynamicSettings', oldValues: snapshot.dynamicSettings, newValues: [] }]
        : []),
    ],
    entityChanges: [
      ...ownerChanges(by.db, before.ownerIds, []),
      ...userChanges(
        by.db,
        snapshot.individualIds.map((id) => ({ id, old: ['individual'], new: [] })),
      ),
    ],
  });
}

/** Members added or removed by hand. */
export function recordMembersChanged(
  by: ChangeBy,
  operation: 'addGroupMembers' | 'removeGroupMembers',
  after: GroupRow,
  members: MemberChanges,
): void {
  writeMembers(context(by, operation, after), members);
}

/** Dynamic settings set, changed or removed: the Update, then who the rules brought in or let go. */
export function recordDynamicSettingsChanged(
  by: ChangeBy,
  operation: 'updateGroupDynamicSettings' | 'deleteGroupDynamicSettings',
  after: GroupRow,
  settings: { before: string[]; after: string[] },
  members: MemberChanges,
): void {
  const ctx = context(by, operation, after);
  write(ctx, 'Update', {
    propertyChanges: sameValues(settings.before, settings.after)
      ? []
      : [{ property: 'dynamicSettings', oldValues: settings.before, newValues: settings.after }],
  });
  writeMembers(ctx, members);
}

/** The ids of a group's individual members, sorted. */
export const individualIdsOf = (db: Database.Database, groupId: string): string[] =>
  cached(db, 'SELECT user_id FROM group_individuals WHERE group_id = ? ORDER BY user_id')
    .pluck()
    .all(groupId) as string[];
