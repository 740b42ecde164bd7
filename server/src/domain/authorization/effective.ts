/**
 * What a user may do: the roles granted to the user directly, plus the roles granted to every group the
 * user is a member of (direct, owner or rule membership, as `group_members` holds it) while that group
 * has `rolesEnabled`. Read with one indexed query per request (authentication) or per page of users
 * (`expand=authorization`), so a grant or a membership change applies to the next request: no cache to
 * invalidate. Division scope does not narrow the permission list (docs/embedded-server.md, Authorization).
 */
import type Database from 'better-sqlite3';
import { cached } from '../../db/statements.js';

/**
 * The subjects that stand for each user of `ids` (`?` = a JSON array of user ids): the user, and each
 * roles-enabled group they are a member of. Each branch is an index lookup (users by id, group_members by
 * user, groups by id); the grants are then read by their primary key (subject_id first).
 */
const SUBJECTS_OF_USERS = `
  WITH wanted(id) AS (SELECT value FROM json_each(?)),
  subjects(user_id, subject_id, subject_type) AS (
    SELECT id, id, 'PC_USER' FROM wanted
    UNION ALL
    SELECT gm.user_id, gm.group_id, 'PC_GROUP'
    FROM group_members gm JOIN groups g ON g.id = gm.group_id
    WHERE gm.user_id IN (SELECT id FROM wanted) AND g.roles_enabled = 1
  )`;

const PERMISSIONS_OF_USER = `${SUBJECTS_OF_USERS}
  SELECT DISTINCT rp.permission
  FROM subjects s
  JOIN authz_grants ag ON ag.subject_id = s.subject_id AND ag.subject_type = s.subject_type
  JOIN role_permissions rp ON rp.role_id = ag.role_id`;

const ROLES_OF_USERS = `${SUBJECTS_OF_USERS}
  SELECT DISTINCT s.user_id, r.id, r.name
  FROM subjects s
  JOIN authz_grants ag ON ag.subject_id = s.subject_id AND ag.subject_type = s.subject_type
  JOIN roles r ON r.id = ag.role_id
  ORDER BY s.user_id, r.name, r.id`;

const DIVISIONS_OF_USER = `${SUBJECTS_OF_USERS}
  SELECT DISTINCT ag.division_id AS division_id, rp.permission AS permission
  FROM subjects s
  JOIN authz_grants ag ON ag.subject_id = s.subject_id AND ag.subject_type = s.subject_type
  JOIN role_permissions rp ON rp.role_id = ag.role_id`;

/** Every permission string the user holds, directly or through their roles-enabled groups. */
export function effectivePermissions(db: Database.Database, userId: string): Set<string> {
  return new Set(
    cached(db, PERMISSIONS_OF_USER)
      .pluck()
      .all(JSON.stringify([userId])) as string[],
  );
}

export interface EffectiveRole {
  id: string;
  name: string;
}

/** Each user's roles (direct and inherited, each once, by name), for a page of users. */
export function effectiveRolesOfUsers(db: Database.Database, ids: readonly string[]): Map<string, EffectiveRole[]> {
  const out = new Map<string, EffectiveRole[]>();
  const rows = cached(db, ROLES_OF_USERS).all(JSON.stringify(ids)) as Array<{
    user_id: string;
    id: string;
    name: string;
  }>;
  for (const row of rows) {
    let list = out.get(row.user_id);
    if (!list) out.set(row.user_id, (list = []));
    list.push({ id: row.id, name: row.name });
  }
  return out;
}

/** The division ids (`*` for every division) over which the user holds each of their permissions. */
export function grantedDivisions(
  db: Database.Database,
  userId: string,
): Array<{ divisionId: string; permission: string }> {
  return (
    cached(db, DIVISIONS_OF_USER).all(JSON.stringify([userId])) as Array<{ division_id: string; permission: string }>
  ).map((r) => ({ divisionId: r.division_id, permission: r.permission }));
}
