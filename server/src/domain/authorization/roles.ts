/**
 * Roles (DomainOrganizationRole): the listing, one role, and the subjects granted a role
 * (SubjectDivisionGrants). A role's permissions are `domain:entity:action` strings (`*` in a segment
 * matches anything); its permissionPolicies group them by domain and entity.
 */
import type Database from 'better-sqlite3';
import { badRequest, notFound } from '../../contract/errors.js';
import { QUERY_LIST_LIMITS } from '../../contract/limits.js';
import { cached } from '../../db/statements.js';
import { entityListing, parsePaging, splitMulti, type EntityListing } from '../search/paging.js';
import { ALL_DIVISIONS_ENTITY, DIVISIONS_PATH } from './divisions.js';

export const ROLES_PATH = '/api/v2/authorization/roles';

export interface DomainPermissionPolicy {
  domain: string;
  entityName: string;
  policyName: string;
  actionSet: string[];
  namedResources: string[];
  allowConditions: boolean;
}

export interface DomainOrganizationRole {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  permissionPolicies: DomainPermissionPolicy[];
  userCount?: number;
  default: boolean;
  base: boolean;
  selfUri: string;
}

interface RoleRow {
  id: string;
  name: string;
  description: string | null;
}

/** One policy per domain and entity, with the actions of its permissions. */
export function policiesOf(permissions: readonly string[]): DomainPermissionPolicy[] {
  const byKey = new Map<string, DomainPermissionPolicy>();
  for (const p of permissions) {
    const [domain = p, entityName = '*', action = '*'] = p.split(':');
    const key = `${domain}:${entityName}`;
    let policy = byKey.get(key);
    if (!policy) {
      policy = {
        domain,
        entityName,
        policyName: `${domain} ${entityName}`,
        actionSet: [],
        namedResources: [],
        allowConditions: false,
      };
      byKey.set(key, policy);
    }
    policy.actionSet.push(action);
  }
  for (const policy of byKey.values()) policy.actionSet.sort();
  return [...byKey.values()];
}

export function rolePermissions(db: Database.Database, roleId: string): string[] {
  return cached(db, 'SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission')
    .pluck()
    .all(roleId) as string[];
}

/** Users holding the role: granted it directly, or members of a roles-enabled group granted it. */
const USER_COUNT = `SELECT COUNT(*) FROM (
  SELECT subject_id FROM authz_grants WHERE role_id = ? AND subject_type = 'PC_USER'
  UNION
  SELECT gm.user_id FROM authz_grants ag
    JOIN groups g ON g.id = ag.subject_id AND g.roles_enabled = 1
    JOIN group_members gm ON gm.group_id = ag.subject_id
  WHERE ag.role_id = ? AND ag.subject_type = 'PC_GROUP')`;

function toRole(db: Database.Database, row: RoleRow, userCount: boolean): DomainOrganizationRole {
  const permissions = rolePermissions(db, row.id);
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    permissions,
    permissionPolicies: policiesOf(permissions),
    ...(userCount ? { userCount: cached(db, USER_COUNT).pluck().get(row.id, row.id) as number } : {}),
    default: false,
    base: false,
    selfUri: `${ROLES_PATH}/${row.id}`,
  };
}

export function findRole(db: Database.Database, roleId: string): RoleRow | undefined {
  return cached(db, 'SELECT id, name, description FROM roles WHERE id = ?').get(roleId) as RoleRow | undefined;
}

export function roleOr404(db: Database.Database, roleId: string): RoleRow {
  const row = findRole(db, roleId);
  if (!row) throw notFound(`Role ${roleId} was not found.`, roleId);
  return row;
}

const bool = (v: unknown, fallback: boolean): boolean => (v === undefined ? fallback : v === true || v === 'true');

/**
 * GET /api/v2/authorization/roles: by name; `name` matches a substring of the name in any case, `id` any
 * of the ids, `permission` roles granting any of the permissions exactly as written. `userCount`
 * (default true) counts each role's users.
 */
export function listRoles(
  db: Database.Database,
  query: Record<string, unknown>,
): EntityListing<DomainOrganizationRole> {
  const paging = parsePaging(query);
  const ids = splitMulti(query.id);
  const permissions = splitMulti(query.permission);
  for (const [field, list, most] of [
    ['id', ids, QUERY_LIST_LIMITS.roleIds],
    ['permission', permissions, QUERY_LIST_LIMITS.rolePermissions],
  ] as const)
    if (list && list.length > most)
      throw badRequest(`At most ${most} values of ${field} are allowed.`, [
        { errorCode: 'bad.request', fieldName: field },
      ]);
  const name = typeof query.name === 'string' ? query.name.trim().toLowerCase() : '';
  const where: string[] = [];
  const params: unknown[] = [];
  if (ids?.length) {
    where.push('r.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
  }
  if (name) {
    where.push('instr(lower(r.name), ?) > 0');
    params.push(name);
  }
  if (permissions?.length) {
    where.push(
      'EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_id = r.id AND rp.permission IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(permissions));
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = cached(db, `SELECT COUNT(*) FROM roles r ${filter}`)
    .pluck()
    .get(...params) as number;
  const rows = cached(
    db,
    `SELECT r.id, r.name, r.description FROM roles r ${filter} ORDER BY r.name COLLATE NOCASE, r.id LIMIT ? OFFSET ?`,
  ).all(...params, paging.pageSize, paging.offset) as RoleRow[];
  const userCount = bool(query.userCount, true);
  return entityListing(
    rows.map((r) => toRole(db, r, userCount)),
    {
      path: ROLES_PATH,
      query: { name: name || undefined, id: ids, permission: permissions },
      paging,
      total,
    },
  );
}

/** GET /api/v2/authorization/roles/{roleId}. */
export function getRole(db: Database.Database, roleId: string, query: Record<string, unknown>): DomainOrganizationRole {
  return toRole(db, roleOr404(db, roleId), bool(query.userCount, true));
}

export interface SubjectDivisionGrants {
  id: string;
  name: string;
  divisions: Array<{ id: string; name: string; selfUri: string }>;
  type: 'PC_USER' | 'PC_GROUP';
  selfUri: string;
}

/**
 * GET /api/v2/authorization/roles/{roleId}/subjectgrants: the users and groups granted the role (directly;
 * a group's members are not listed), each with the divisions of their grants, by name.
 */
export function roleSubjectGrants(
  db: Database.Database,
  roleId: string,
  query: Record<string, unknown>,
): EntityListing<SubjectDivisionGrants> {
  roleOr404(db, roleId);
  const paging = parsePaging(query);
  const SUBJECTS = `SELECT ag.subject_id AS id, ag.subject_type AS type, COALESCE(u.name, g.name, ag.subject_id) AS name
    FROM authz_grants ag
    LEFT JOIN users u ON ag.subject_type = 'PC_USER' AND u.id = ag.subject_id
    LEFT JOIN groups g ON ag.subject_type = 'PC_GROUP' AND g.id = ag.subject_id
    WHERE ag.role_id = ? GROUP BY ag.subject_id, ag.subject_type`;
  const total = cached(db, `SELECT COUNT(*) FROM (${SUBJECTS})`).pluck().get(roleId) as number;
  const subjects = cached(db, `SELECT * FROM (${SUBJECTS}) ORDER BY lower(name), id LIMIT ? OFFSET ?`).all(
    roleId,
    paging.pageSize,
    paging.offset,
  ) as Array<{ id: string; type: 'PC_USER' | 'PC_GROUP'; name: string }>;
  const divisionsOf = cached(
    db,
    `SELECT ag.division_id AS id, d.name AS name FROM authz_grants ag LEFT JOIN divisions d ON d.id = ag.division_id
     WHERE ag.subject_id = ? AND ag.role_id = ? ORDER BY lower(COALESCE(d.name, '')), ag.division_id`,
  );
  const entities = subjects.map((s): SubjectDivisionGrants => ({
    id: s.id,
    name: s.name,
    type: s.type,
    divisions: (divisionsOf.all(s.id, roleId) as Array<{ id: string; name: string | null }>).map((d) =>
      d.name === null
        ? { id: d.id, name: ALL_DIVISIONS_ENTITY.name, selfUri: ALL_DIVISIONS_ENTITY.selfUri }
        : { id: d.id, name: d.name, selfUri: `${DIVISIONS_PATH}/${d.id}` },
    ),
    selfUri: `/api/v2/authorization/subjects/${s.id}`,
  }));
  return entityListing(entities, { path: `${ROLES_PATH}/${roleId}/subjectgrants`, paging, total });
}
