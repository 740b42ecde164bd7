/**
 * Divisions (AuthzDivision): the listing, the home division, and the divisions in which the caller holds a
 * permission (`divisionspermitted/paged/me`). A grant over `*` covers every division.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { badRequest, notFound } from '../../contract/errors.js';
import { QUERY_LIST_LIMITS } from '../../contract/limits.js';
import { hasAnyPermission, permissionMatches } from '../../contract/permissions.js';
import { cached } from '../../db/statements.js';
import { entityListing, parsePaging, splitMulti, type EntityListing } from '../search/paging.js';
import { grantedDivisions } from './effective.js';

export const DIVISIONS_PATH = '/api/v2/authorization/divisions';
/** The division id of a grant over every division, current and future. */
export const ALL_DIVISIONS = '*';

export interface AuthzDivision {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}

interface DivisionRow {
  id: string;
  name: string;
  home: number;
}

const toDivision = (r: DivisionRow): AuthzDivision => ({
  id: r.id,
  name: r.name,
  description: r.home ? 'The home division of the organization.' : '',
  homeDivision: r.home === 1,
  selfUri: `${DIVISIONS_PATH}/${r.id}`,
});

/** The division of a grant over every division, as grants answer it. */
export const ALL_DIVISIONS_ENTITY: AuthzDivision = {
  id: ALL_DIVISIONS,
  name: 'All divisions',
  description: 'Every division of the organization, current and future.',
  homeDivision: false,
  selfUri: `${DIVISIONS_PATH}/${ALL_DIVISIONS}`,
};

function allDivisions(db: Database.Database): DivisionRow[] {
  return cached(db, 'SELECT id, name, home FROM divisions ORDER BY name COLLATE NOCASE, id').all() as DivisionRow[];
}

/** The division with this id (`*` too), or undefined. */
export function findDivision(db: Database.Database, id: string): AuthzDivision | undefined {
  if (id === ALL_DIVISIONS) return ALL_DIVISIONS_ENTITY;
  const row = cached(db, 'SELECT id, name, home FROM divisions WHERE id = ?').get(id) as DivisionRow | undefined;
  return row && toDivision(row);
}

/** The division with this id (`*` too); 404 not.found otherwise. */
export function divisionOr404(db: Database.Database, id: string): AuthzDivision {
  const division = findDivision(db, id);
  if (!division) throw notFound(`Division ${id} was not found.`, id);
  return division;
}

/** GET /api/v2/authorization/divisions: by name, filtered by `id` (any of) and `name` (a substring, any case). */
export function listDivisions(db: Database.Database, query: Record<string, unknown>): EntityListing<AuthzDivision> {
  const paging = parsePaging(query);
  const ids = splitMulti(query.id);
  if (ids && ids.length > QUERY_LIST_LIMITS.divisionIds)
    throw badRequest(`At most ${QUERY_LIST_LIMITS.divisionIds} values of id are allowed.`, [
      { errorCode: 'bad.request', fieldName: 'id' },
    ]);
  const name = typeof query.name === 'string' ? query.name.trim().toLowerCase() : '';
  const matching = allDivisions(db).filter(
    (d) => (!ids?.length || ids.includes(d.id)) && (!name || d.name.toLowerCase().includes(name)),
  );
  return entityListing(matching.slice(paging.offset, paging.offset + paging.pageSize).map(toDivision), {
    path: DIVISIONS_PATH,
    query: { id: ids, name: name || undefined },
    paging,
    total: matching.length,
  });
}

/** GET /api/v2/authorization/divisions/home. */
export function homeDivision(db: Database.Database): AuthzDivision {
  const row = cached(db, 'SELECT id, name, home FROM divisions WHERE home = 1').get() as DivisionRow | undefined;
  if (!row) throw notFound('The organization has no home division.');
  return toDivision(row);
}

export interface DivsPermittedEntityListing extends EntityListing<AuthzDivision> {
  allDivsPermitted: boolean;
}

/** A required permission as the query names it: `domain:entity:action`, no wildcard. */
function requiredPermission(value: unknown): string {
  const permission = typeof value === 'string' ? value.trim() : '';
  const segments = permission.split(':');
  if (segments.length !== 3 || segments.some((s) => !s || s === '*' || !/^[A-Za-z0-9_-]+$/.test(s)))
    throw badRequest(`permission must be a permission string such as directory:group:add (got "${permission}").`, [
      { errorCode: 'bad.request', fieldName: 'permission' },
    ]);
  return permission;
}

/**
 * GET /api/v2/authorization/divisionspermitted/paged/me: the divisions in which the caller holds
 * `permission` (directly or through a roles-enabled group; a grant over `*` is every division, and
 * `allDivsPermitted` says so). A client-credentials token holds its permissions in every division.
 */
export function divisionsPermittedMe(
  db: Database.Database,
  caller: Caller,
  query: Record<string, unknown>,
): DivsPermittedEntityListing {
  const permission = requiredPermission(query.permission);
  const paging = parsePaging(query);
  let all = false;
  const permitted = new Set<string>();
  if (caller.userId === null) {
    all = hasAnyPermission(caller.permissions, [permission]);
  } else {
    for (const grant of grantedDivisions(db, caller.userId)) {
      if (!permissionMatches(grant.permission, permission)) continue;
      if (grant.divisionId === ALL_DIVISIONS) all = true;
      else permitted.add(grant.divisionId);
    }
  }
  const divisions = allDivisions(db).filter((d) => all || permitted.has(d.id));
  return {
    ...entityListing(divisions.slice(paging.offset, paging.offset + paging.pageSize).map(toDivision), {
      path: '/api/v2/authorization/divisionspermitted/paged/me',
      query: { permission },
      paging,
      total: divisions.length,
    }),
    allDivsPermitted: all,
  };
}
