/**
 * Group membership: the member list (`group_members`, kept by upkeep.ts), individuals, adding and removing.
 *
 * Decisions:
 *   - Adding a user who is already an individual changes nothing. Adding a member who is in only through
 *     ownership or a rule makes them an individual too (the individuals list changes; the member list
 *     does not).
 *   - The version rises once per add/remove call that changed something; a call that changed nothing
 *     leaves it alone (a given `version` is still checked, 409 when stale).
 *   - The 100 official + 100 social groups limit is checked when users are added as individuals (the
 *     calls that a person makes); owners and rule matches are not refused for it.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { badRequest, versionConflict, type ErrorDetail } from '../../contract/errors.js';
import { MEMBERSHIP_LIMITS } from '../../contract/limits.js';
import { entityListing, parsePaging, splitMulti, type EntityListing } from '../search/paging.js';
import { recordMembersChanged, watchMembers, type AuditOrigin } from '../audit/group-changes.js';
import { groupUri, loadVisibleGroup, selectGroup } from '../groups/groups.js';
import { unknownUserIds } from '../groups/validation.js';
import { authorizeGroupEdit, bumpVersion, currentVersion } from '../groups/writes.js';
import { addIndividualMembers, removeIndividualMembers } from './upkeep.js';
import { memberPageIds } from './member-pages.js';
import { cached } from '../../db/statements.js';
import { parseExpand, usersByIds, type User } from '../users/users.js';

// ---------------------------------------------------------------------------------------------
// Reads

export interface MembersQuery {
  pageSize?: unknown;
  pageNumber?: unknown;
  sortOrder?: unknown;
  expand?: unknown;
}

/**
 * A page of members sorted by name. Paging walks the (group_id, sort_name, user_id) index, from an anchor
 * on deep pages (member-pages.ts); the total is the group's member_count, so no page counts rows.
 */
export function listGroupMembers(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  query: MembersQuery,
): EntityListing<User> {
  const page = groupMembersPage(db, caller, groupId, query);
  return { ...page.listing, entities: usersByIds(db, page.ids, page.expand, caller) };
}

/** A members page before its users are read: their ids, the expands and the listing (entities empty). */
export function groupMembersPage(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  query: MembersQuery,
): { ids: string[]; expand: string[]; listing: EntityListing<User> } {
  const paging = parsePaging(query as Record<string, unknown>);
  const expand = parseExpand(query.expand);
  const group = loadVisibleGroup(db, caller, groupId);
  const total = group.member_count;
  const ids = memberPageIds(db, group, paging);
  const listing = entityListing<User>([], {
    path: `${groupUri(groupId)}/members`,
    query: { expand: expand.length ? expand : undefined },
    paging,
    total,
  });
  return { ids, expand, listing };
}

/** Every individual of the group, sorted by name, as a single-page UserEntityListing. */
export function listGroupIndividuals(db: Database.Database, caller: Caller, groupId: string): EntityListing<User> {
  loadVisibleGroup(db, caller, groupId);
  const ids = cached(
    db,
    `SELECT gi.user_id FROM group_individuals gi JOIN users u ON u.id = gi.user_id WHERE gi.group_id = ? ORDER BY u.sort_name, u.id`,
  )
    .pluck()
    .all(groupId) as string[];
  const total = ids.length;
  const paging = { pageSize: Math.max(total, 1), pageNumber: 1, sortOrder: 'ASC' as const, offset: 0 };
  const listing = entityListing(usersByIds(db, ids, [], caller), {
    path: `${groupUri(groupId)}/individuals`,
    paging,
    total,
  });
  const self = `${groupUri(groupId)}/individuals`;
  return { ...listing, pageSize: total, pageCount: 1, firstUri: self, selfUri: self, lastUri: self };
}

// ---------------------------------------------------------------------------------------------
// Writes

function validIds(raw: unknown, fieldName: string): string[] {
  const ids = splitMulti(raw);
  if (!ids || ids.length === 0)
    throw badRequest(`${fieldName} must list at least one user id.`, [{ errorCode: 'bad.request', fieldName }]);
  if (ids.length > MEMBERSHIP_LIMITS.memberIds) {
    throw badRequest(`At most ${MEMBERSHIP_LIMITS.memberIds} user ids can be given at once (got ${ids.length}).`, [
      { errorCode: 'bad.request', fieldName },
    ]);
  }
  return [...new Set(ids)];
}

function assertUsersExist(db: Database.Database, ids: string[], fieldName: string): void {
  const unknown = unknownUserIds(db, ids);
  if (unknown.length) {
    throw badRequest(
      `Unknown user id(s): ${unknown.join(', ')}.`,
      unknown.map((id): ErrorDetail => ({ errorCode: 'not.found', fieldName, entityId: id })),
    );
  }
}

export interface AddMembersBody {
  memberIds?: unknown;
  version?: unknown;
}

export function addGroupMembers(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  body: AddMembersBody | undefined,
  origin?: AuditOrigin,
): void {
  db.transaction(() => {
    const group = loadVisibleGroup(db, caller, groupId);
    authorizeGroupEdit(db, caller, groupId, 'addGroupMembers');
    if (!body || typeof body !== 'object')
      throw badRequest('memberIds is required.', [{ errorCode: 'bad.request', fieldName: 'memberIds' }]);
    if (!Array.isArray(body.memberIds) || body.memberIds.some((x) => typeof x !== 'string')) {
      throw badRequest('memberIds must be an array of user ids.', [
        { errorCode: 'bad.request', fieldName: 'memberIds' },
      ]);
    }
    const ids = validIds(body.memberIds, 'memberIds');
    const version = optionalVersion(body.version);
    if (version !== undefined && version !== group.version) throw versionConflict(version, group.version, groupId);
    assertUsersExist(db, ids, 'memberIds');
    const isIndividual = cached(db, 'SELECT 1 FROM group_individuals WHERE group_id = ? AND user_id = ?');
    const isMember = cached(db, 'SELECT 1 FROM group_members WHERE group_id = ? AND user_id = ?');
    const groupsOfType = cached(
      db,
      'SELECT COUNT(*) FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE gm.user_id = ? AND g.type = ?',
    ).pluck();
    const toAdd = ids.filter((id) => isIndividual.get(groupId, id) === undefined);
    if (toAdd.length === 0) return;
    const overLimit = toAdd.filter(
      (id) =>
        isMember.get(groupId, id) === undefined &&
        (groupsOfType.get(id, group.type) as number) >= MEMBERSHIP_LIMITS.groupsPerType,
    );
    if (overLimit.length) {
      const names = cached(db, 'SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(overLimit),
      ) as { id: string; name: string }[];
      const label = names.map((u) => `${u.name} (${u.id})`).join(', ');
      throw badRequest(
        `A user can be in at most ${MEMBERSHIP_LIMITS.groupsPerType} ${group.type} groups; already at the limit: ${label}.`,
        names.map((u): ErrorDetail => ({
          errorCode: 'bad.request',
          fieldName: 'memberIds',
          entityId: u.id,
          entityName: u.name,
        })),
      );
    }
    const insIndividual = cached(db, 'INSERT OR IGNORE INTO group_individuals (group_id, user_id) VALUES (?, ?)');
    for (const id of toAdd) insIndividual.run(groupId, id);
    const { members } = watchMembers(db, groupId, () => addIndividualMembers(db, groupId, toAdd));
    bumpVersion(db, groupId, group.version);
    recordMembersChanged({ db, caller, origin }, 'addGroupMembers', selectGroup(db, groupId)!, members);
  }).immediate();
}

export function removeGroupMembers(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  rawIds: unknown,
  rawVersion?: unknown,
  origin?: AuditOrigin,
): void {
  db.transaction(() => {
    const group = loadVisibleGroup(db, caller, groupId);
    authorizeGroupEdit(db, caller, groupId, 'removeGroupMembers');
    const ids = validIds(rawIds, 'ids');
    const version = optionalVersion(rawVersion);
    if (version !== undefined && version !== group.version) throw versionConflict(version, group.version, groupId);
    assertUsersExist(db, ids, 'ids');
    const del = cached(db, 'DELETE FROM group_individuals WHERE group_id = ? AND user_id = ?');
    let changed = 0;
    for (const id of ids) changed += del.run(groupId, id).changes;
    if (changed === 0) return;
    const { members } = watchMembers(db, groupId, () => removeIndividualMembers(db, groupId, ids));
    bumpVersion(db, groupId, currentVersion(db, groupId));
    recordMembersChanged({ db, caller, origin }, 'removeGroupMembers', selectGroup(db, groupId)!, members);
  }).immediate();
}

function optionalVersion(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw badRequest('version must be a positive integer.', [{ errorCode: 'bad.request', fieldName: 'version' }]);
  return n;
}
