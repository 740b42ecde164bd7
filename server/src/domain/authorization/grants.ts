/**
 * Grants: a role over a division (or `*`, every division) given to a subject, a user or a group. Reading
 * a subject (AuthzSubject), bulk add and remove (RoleDivisionGrants), and one grant made or deleted. Each
 * change writes its audit record in the same transaction (docs/audit.md, "Grants"): entity = the subject,
 * one entity change per role whose divisions changed. A request that changes nothing writes no record.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { ApiError, badRequest, invalidValue, notFound } from '../../contract/errors.js';
import { cached } from '../../db/statements.js';
import { recordAudit, type AuditActor } from '../audit/record.js';
import type { EntityChange } from '../audit/types.js';
import { groupVisibilityCondition } from '../groups/visibility.js';
import { ALL_DIVISIONS_ENTITY, divisionOr404, findDivision, type AuthzDivision } from './divisions.js';
import { policiesOf, roleOr404, rolePermissions, ROLES_PATH } from './roles.js';

export type SubjectType = 'PC_USER' | 'PC_GROUP';
const SUBJECT_TYPES = ['PC_USER', 'PC_GROUP', 'PC_OAUTH_CLIENT'] as const;

export interface Subject {
  id: string;
  name: string;
  type: SubjectType;
  /** Groups only: whether members inherit the group's roles. */
  rolesEnabled: boolean;
}

/** Where the change came from, for its audit record. */
export interface GrantOrigin {
  remoteIp: readonly string[];
}

/** The `subjectType` query parameter: absent means "find the id among users, then groups". */
function parseSubjectType(value: unknown): SubjectType | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(SUBJECT_TYPES as readonly unknown[]).includes(value))
    throw invalidValue(
      `subjectType must be one of ${SUBJECT_TYPES.join(', ')} (got "${String(value)}").`,
      'subjectType',
    );
  if (value === 'PC_OAUTH_CLIENT')
    throw badRequest('OAuth clients cannot be granted roles on this server: subjectType must be PC_USER or PC_GROUP.', [
      { errorCode: 'bad.request', fieldName: 'subjectType' },
    ]);
  return value as SubjectType;
}

/**
 * The subject with this id: a user (not deleted), or a group the caller may see. With a `subjectType`,
 * only that kind. 404 not.found otherwise.
 */
export function subjectOr404(db: Database.Database, caller: Caller, id: string, subjectType?: unknown): Subject {
  const type = parseSubjectType(subjectType);
  if (type !== 'PC_GROUP') {
    const user = cached(db, "SELECT id, name FROM users WHERE id = ? AND state <> 'deleted'").get(id) as
      { id: string; name: string } | undefined;
    if (user) return { ...user, type: 'PC_USER', rolesEnabled: true };
  }
  if (type !== 'PC_USER') {
    const v = groupVisibilityCondition(caller);
    const group = cached(db, `SELECT g.id, g.name, g.roles_enabled FROM groups g WHERE g.id = ? AND ${v.sql}`).get(
      id,
      ...v.params,
    ) as { id: string; name: string; roles_enabled: number } | undefined;
    if (group) return { id: group.id, name: group.name, type: 'PC_GROUP', rolesEnabled: group.roles_enabled === 1 };
  }
  const kind = type === 'PC_USER' ? 'user' : type === 'PC_GROUP' ? 'group' : 'user or group';
  throw notFound(`No ${kind} with id ${id} was found (subjectType ${type ?? 'not given'}).`, id);
}

interface GrantRow {
  subject_id: string;
  role_id: string;
  role_name: string;
  role_description: string | null;
  division_id: string;
  granted_at: string;
}

const GRANT_COLUMNS = `ag.subject_id, ag.role_id, r.name AS role_name, r.description AS role_description,
  ag.division_id, ag.granted_at`;

export interface AuthzGrant {
  subjectId: string;
  division: AuthzDivision;
  role: {
    id: string;
    name: string;
    description: string;
    policies: Array<{ domain: string; entityName: string; actions: string[] }>;
    default: boolean;
    selfUri: string;
  };
  grantMadeAt: string;
}

export interface AuthzSubject {
  id: string;
  name: string;
  grants: AuthzGrant[];
  version: number;
  selfUri: string;
}

/**
 * GET /api/v2/authorization/subjects/{subjectId}: the subject's grants by role name and division; for a
 * user, also those inherited from their roles-enabled groups (`subjectId` is then the group's id).
 */
export function getSubject(db: Database.Database, caller: Caller, subjectId: string): AuthzSubject {
  const subject = subjectOr404(db, caller, subjectId);
  const inherited =
    subject.type === 'PC_USER'
      ? `UNION ALL SELECT ${GRANT_COLUMNS} FROM group_members gm
           JOIN groups g ON g.id = gm.group_id AND g.roles_enabled = 1
           JOIN authz_grants ag ON ag.subject_id = gm.group_id AND ag.subject_type = 'PC_GROUP'
           JOIN roles r ON r.id = ag.role_id
         WHERE gm.user_id = ?`
      : '';
  const rows = cached(
    db,
    `SELECT * FROM (SELECT ${GRANT_COLUMNS} FROM authz_grants ag JOIN roles r ON r.id = ag.role_id WHERE ag.subject_id = ?
     ${inherited}) ORDER BY lower(role_name), role_id, division_id, subject_id`,
  ).all(...(subject.type === 'PC_USER' ? [subject.id, subject.id] : [subject.id])) as GrantRow[];
  const divisions = new Map<string, AuthzDivision | undefined>();
  const policies = new Map<string, AuthzGrant['role']['policies']>();
  const grants = rows.map((row): AuthzGrant => {
    if (!divisions.has(row.division_id)) divisions.set(row.division_id, findDivision(db, row.division_id));
    if (!policies.has(row.role_id))
      policies.set(
        row.role_id,
        policiesOf(rolePermissions(db, row.role_id)).map((p) => ({
          domain: p.domain,
          entityName: p.entityName,
          actions: p.actionSet,
        })),
      );
    return {
      subjectId: row.subject_id,
      division: divisions.get(row.division_id) ?? { ...ALL_DIVISIONS_ENTITY, id: row.division_id },
      role: {
        id: row.role_id,
        name: row.role_name,
        description: row.role_description ?? '',
        policies: policies.get(row.role_id) ?? [],
        default: false,
        selfUri: `${ROLES_PATH}/${row.role_id}`,
      },
      grantMadeAt: row.granted_at,
    };
  });
  return {
    id: subject.id,
    name: subject.name,
    grants,
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${subject.id}`,
  };
}

export interface RoleDivisionPair {
  roleId: string;
  divisionId: string;
}

/** Checks every pair's role and division (404 naming the first unknown one), and drops repeated pairs. */
function checkedPairs(db: Database.Database, pairs: readonly RoleDivisionPair[]): RoleDivisionPair[] {
  const seen = new Map<string, RoleDivisionPair>();
  for (const pair of pairs) {
    roleOr404(db, pair.roleId);
    divisionOr404(db, pair.divisionId);
    seen.set(`${pair.roleId} ${pair.divisionId}`, pair);
  }
  return [...seen.values()];
}

export const rolesNotEnabled = (subject: Subject): ApiError =>
  new ApiError(
    400,
    'bad.request',
    `Roles cannot be granted to group ${subject.name} (${subject.id}): the group's rolesEnabled is false. Set rolesEnabled to true first.`,
    {
      messageWithParams:
        "Roles cannot be granted to group {groupName} ({groupId}): the group's rolesEnabled is false. Set rolesEnabled to true first.",
      messageParams: { groupName: subject.name, groupId: subject.id },
      details: [{ errorCode: 'roles.not.enabled', fieldName: 'rolesEnabled', entityId: subject.id }],
      entityId: subject.id,
      entityName: subject.name,
    },
  );

/** Each role's division ids held by the subject, for the roles named. */
function divisionsByRole(db: Database.Database, subjectId: string, roleIds: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(roleIds.map((id) => [id, []]));
  const rows = cached(
    db,
    'SELECT role_id, division_id FROM authz_grants WHERE subject_id = ? AND role_id IN (SELECT value FROM json_each(?)) ORDER BY division_id',
  ).all(subjectId, JSON.stringify(roleIds)) as Array<{ role_id: string; division_id: string }>;
  for (const r of rows) out.get(r.role_id)?.push(r.division_id);
  return out;
}

/** The records' entity changes: one per role whose divisions differ, by role name. */
function roleChanges(
  db: Database.Database,
  before: Map<string, string[]>,
  after: Map<string, string[]>,
): EntityChange[] {
  const changes: EntityChange[] = [];
  for (const [roleId, oldValues] of before) {
    const newValues = after.get(roleId) ?? [];
    if (oldValues.join(',') === newValues.join(',')) continue;
    changes.push({
      entityId: roleId,
      entityName: roleOr404(db, roleId).name,
      entityType: 'Role',
      oldValues,
      newValues,
    });
  }
  return changes.sort(
    (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
  );
}

function actorOf(caller: Caller, origin: GrantOrigin): AuditActor {
  return { userId: caller.userId, clientId: caller.clientId, remoteIp: origin.remoteIp };
}

/**
 * Adds or removes `pairs` for the subject in one transaction with its audit record. Adding to a group
 * whose rolesEnabled is false answers 400; adding a grant the subject holds, or removing one it does not
 * hold, changes nothing.
 */
export function changeGrants(
  db: Database.Database,
  caller: Caller,
  input: {
    subjectId: string;
    subjectType?: unknown;
    pairs: readonly RoleDivisionPair[];
    add: boolean;
    /** The operationId of the request, for the record's `context.operation`. */
    operation: string;
    origin: GrantOrigin;
    now?: Date;
  },
): void {
  db.transaction(() => {
    const subject = subjectOr404(db, caller, input.subjectId, input.subjectType);
    const pairs = checkedPairs(db, input.pairs);
    if (input.add && subject.type === 'PC_GROUP' && !subject.rolesEnabled) throw rolesNotEnabled(subject);
    const roleIds = [...new Set(pairs.map((p) => p.roleId))];
    const before = divisionsByRole(db, subject.id, roleIds);
    const now = (input.now ?? new Date()).toISOString();
    const insert = cached(
      db,
      'INSERT OR IGNORE INTO authz_grants (subject_id, subject_type, role_id, division_id, granted_at) VALUES (?, ?, ?, ?, ?)',
    );
    const remove = cached(db, 'DELETE FROM authz_grants WHERE subject_id = ? AND role_id = ? AND division_id = ?');
    for (const pair of pairs) {
      if (input.add) insert.run(subject.id, subject.type, pair.roleId, pair.divisionId, now);
      else remove.run(subject.id, pair.roleId, pair.divisionId);
    }
    const entityChanges = roleChanges(db, before, divisionsByRole(db, subject.id, roleIds));
    if (entityChanges.length === 0) return;
    recordAudit(db, {
      action: input.add ? 'GrantAdd' : 'GrantRemove',
      entityType: subject.type === 'PC_GROUP' ? 'Group' : 'User',
      entity: { id: subject.id, name: subject.name },
      entityChanges,
      context: { operation: input.operation },
      actor: actorOf(caller, input.origin),
      time: new Date(now),
    });
  }).immediate();
}
