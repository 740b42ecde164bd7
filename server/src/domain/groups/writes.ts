/**
 * Group writes: create, update (merging), delete, and the version every change raises.
 *
 * Decisions where the contract leaves room:
 *   - PUT merges: fields absent from the body keep their values; `ownerIds` present replaces the owners.
 *   - PUT with a `type` other than the group's answers 400 invalid.value (fieldName `type`): the type is
 *     fixed after creation. The same type is accepted and ignored.
 *   - `state: deleted` is refused on create and update (400): DELETE removes a group.
 *   - Names are unique ignoring case among the org's groups (400 on create/update with a taken name).
 *   - DELETE removes the group and its owners, individuals, members and dynamic settings at once.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { authorize } from '../../contract/authorize.js';
import { badRequest, invalidValue, versionConflict } from '../../contract/errors.js';
import { cached } from '../../db/statements.js';
import {
  groupState,
  individualIdsOf,
  dynamicSettingsOf,
  recordGroupCreated,
  recordGroupDeleted,
  recordGroupUpdated,
  watchMembers,
  type AuditOrigin,
} from '../audit/group-changes.js';
import { forgetGroupMembers, recountMembers, syncOwnerMembers } from '../membership/upkeep.js';
import { fold, loadVisibleGroup, selectGroup, toGroup, type Group } from './groups.js';
import {
  validAddresses,
  validBool,
  validDescription,
  validEmail,
  validEnum,
  validImages,
  validName,
  validOwnerIds,
  validState,
  type GroupWrite,
} from './validation.js';
import { assertGroupVisible, isGroupOwner } from './visibility.js';

const now = () => new Date().toISOString();

function replaceOwners(db: Database.Database, groupId: string, ownerIds: string[]): void {
  cached(db, 'DELETE FROM group_owners WHERE group_id = ?').run(groupId);
  const ins = cached(db, 'INSERT OR IGNORE INTO group_owners (group_id, user_id) VALUES (?, ?)');
  for (const id of ownerIds) ins.run(groupId, id);
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Checks the permissions of an operation that the group's owners may call without them. */
export const authorizeGroupEdit = (
  db: Database.Database,
  caller: Caller,
  groupId: string,
  operationId: 'updateGroup' | 'addGroupMembers' | 'removeGroupMembers',
): void => authorize(operationId, caller, () => isGroupOwner(db, groupId, caller.userId));

export function createGroup(db: Database.Database, caller: Caller, body: GroupWrite, origin?: AuditOrigin): Group {
  authorize('createGroup', caller);
  if (!body || typeof body !== 'object')
    throw badRequest('A group is required in the body.', [{ errorCode: 'bad.request', fieldName: 'body' }]);
  return db
    .transaction(() => {
      const name = validName(db, body.name, null);
      const row = {
        id: randomUUID(),
        name,
        sort_name: fold(name),
        description: validDescription(body.description),
        type: validEnum(body.type, ['official', 'social'] as const, 'type'),
        visibility: validEnum(
          body.visibility === 'ownerIds' ? 'owners' : body.visibility,
          ['public', 'owners', 'members'] as const,
          'visibility',
        ),
        state: body.state === undefined ? 'active' : validState(body.state),
        rules_visible: body.rulesVisible === undefined ? 1 : validBool(body.rulesVisible, 'rulesVisible'),
        roles_enabled: body.rolesEnabled === undefined ? 0 : validBool(body.rolesEnabled, 'rolesEnabled'),
        include_owners: body.includeOwners === undefined ? 0 : validBool(body.includeOwners, 'includeOwners'),
        calls_enabled: body.callsEnabled === undefined ? 0 : validBool(body.callsEnabled, 'callsEnabled'),
        email: validEmail(body.email),
        addresses_json: JSON.stringify(validAddresses(body.addresses)),
        images_json: JSON.stringify(validImages(body.images)),
        date_modified: now(),
      };
      const owners = body.ownerIds === undefined || body.ownerIds === null ? [] : validOwnerIds(db, body.ownerIds);
      cached(
        db,
        `INSERT INTO groups (id, name, sort_name, description, type, visibility, state, rules_visible, roles_enabled, include_owners,
         calls_enabled, email, addresses_json, images_json, version, date_modified, member_count)
       VALUES (@id, @name, @sort_name, @description, @type, @visibility, @state, @rules_visible, @roles_enabled, @include_owners,
         @calls_enabled, @email, @addresses_json, @images_json, 1, @date_modified, 0)`,
      ).run(row);
      replaceOwners(db, row.id, owners);
      const { members } = watchMembers(db, row.id, () => {
        syncOwnerMembers(db, row.id);
        recountMembers(db, row.id);
      });
      const created = selectGroup(db, row.id)!;
      recordGroupCreated({ db, caller, origin }, groupState(db, created), members);
      return toGroup(db, created);
    })
    .immediate();
}

export function updateGroup(
  db: Database.Database,
  caller: Caller,
  id: string,
  body: GroupWrite | undefined,
  origin?: AuditOrigin,
): Group {
  return db
    .transaction(() => {
      const current = loadVisibleGroup(db, caller, id);
      authorizeGroupEdit(db, caller, id, 'updateGroup');
      if (!body || typeof body !== 'object')
        throw badRequest('A group update with its version is required in the body.', [
          { errorCode: 'bad.request', fieldName: 'version' },
        ]);
      if (body.version === undefined || body.version === null)
        throw badRequest('version is required.', [{ errorCode: 'bad.request', fieldName: 'version' }]);
      if (!Number.isInteger(body.version))
        throw badRequest('version must be an integer.', [{ errorCode: 'bad.request', fieldName: 'version' }]);
      const version = body.version as number;
      if (body.type !== undefined && body.type !== current.type) {
        throw invalidValue(`The type of a group cannot change after creation (it is ${current.type}).`, 'type');
      }
      const name = body.name === undefined ? current.name : validName(db, body.name, id);
      const next = {
        id,
        version,
        name,
        sort_name: fold(name),
        description: body.description === undefined ? current.description : validDescription(body.description),
        visibility:
          body.visibility === undefined
            ? current.visibility
            : validEnum(
                body.visibility === 'ownerIds' ? 'owners' : body.visibility,
                ['public', 'owners', 'members'] as const,
                'visibility',
              ),
        state: body.state === undefined ? current.state : validState(body.state),
        rules_visible:
          body.rulesVisible === undefined ? current.rules_visible : validBool(body.rulesVisible, 'rulesVisible'),
        roles_enabled:
          body.rolesEnabled === undefined ? current.roles_enabled : validBool(body.rolesEnabled, 'rolesEnabled'),
        include_owners:
          body.includeOwners === undefined ? current.include_owners : validBool(body.includeOwners, 'includeOwners'),
        calls_enabled:
          body.callsEnabled === undefined ? current.calls_enabled : validBool(body.callsEnabled, 'callsEnabled'),
        email: body.email === undefined ? current.email : validEmail(body.email),
        addresses_json:
          body.addresses === undefined ? current.addresses_json : JSON.stringify(validAddresses(body.addresses)),
        images_json: body.images === undefined ? current.images_json : JSON.stringify(validImages(body.images)),
        date_modified: now(),
      };
      const owners = body.ownerIds === undefined || body.ownerIds === null ? null : validOwnerIds(db, body.ownerIds);
      const before = groupState(db, current);
      // Conditional on the version: of several updates carrying the same version, exactly one succeeds.
      const result = cached(
        db,
        `UPDATE groups SET name = @name, sort_name = @sort_name, description = @description, visibility = @visibility, state = @state,
         rules_visible = @rules_visible, roles_enabled = @roles_enabled, include_owners = @include_owners, calls_enabled = @calls_enabled,
         email = @email, addresses_json = @addresses_json, images_json = @images_json, date_modified = @date_modified, version = version + 1
       WHERE id = @id AND version = @version`,
      ).run(next);
      if (result.changes === 0) throw versionConflict(version, current.version, id);
      const { members } = watchMembers(
        db,
        id,
        () => {
          if (owners) replaceOwners(db, id, owners);
          if (owners || next.include_owners !== current.include_owners) {
            syncOwnerMembers(db, id);
            recountMembers(db, id);
          }
        },
        current.include_owners === 1,
      );
      const updated = selectGroup(db, id)!;
      recordGroupUpdated({ db, caller, origin }, before, groupState(db, updated), members);
      return toGroup(db, updated);
    })
    .immediate();
}

export function deleteGroup(db: Database.Database, caller: Caller, id: string, origin?: AuditOrigin): void {
  db.transaction(() => {
    assertGroupVisible(db, caller, id);
    authorize('deleteGroup', caller);
    const before = groupState(db, selectGroup(db, id)!);
    const snapshot = { individualIds: individualIdsOf(db, id), dynamicSettings: dynamicSettingsOf(db, id) };
    const { members } = watchMembers(db, id, () => forgetGroupMembers(db, id));
    for (const table of ['group_individuals', 'group_owners', 'group_dynamic_settings']) {
      cached(db, `DELETE FROM ${table} WHERE group_id = ?`).run(id);
    }
    cached(db, 'DELETE FROM groups WHERE id = ?').run(id);
    recordGroupDeleted({ db, caller, origin }, before, snapshot, members);
  }).immediate();
}

/** Raises the version and modification date of a group whose membership or settings changed. */
export function bumpVersion(db: Database.Database, id: string, expected?: number): void {
  if (expected === undefined) {
    cached(db, 'UPDATE groups SET version = version + 1, date_modified = ? WHERE id = ?').run(now(), id);
    return;
  }
  const r = cached(db, 'UPDATE groups SET version = version + 1, date_modified = ? WHERE id = ? AND version = ?').run(
    now(),
    id,
    expected,
  );
  if (r.changes === 0) {
    const current = cached(db, 'SELECT version FROM groups WHERE id = ?').pluck().get(id) as number;
    throw versionConflict(expected, current, id);
  }
}

/** The current version of a group (for checks before a write). */
export const currentVersion = (db: Database.Database, id: string): number =>
  cached(db, 'SELECT version FROM groups WHERE id = ?').pluck().get(id) as number;
