/**
 * Groups: the row, the Group and GroupProfile models, and reads (get, profile, lists). Searches are in
 * search.ts, writes in writes.ts (checked by validation.ts); decisions in docs/embedded-server.md, "Groups".
 * Group jabber ids: `<group id>@conference.<anything>`; `jabberId` filters match on the part before `@`.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { invalidValue } from '../../contract/errors.js';
import { rememberedCount } from '../../db/read-memory.js';
import { cached } from '../../db/statements.js';
import { entityListing, parseIdFilters, parsePaging, splitMulti, type EntityListing } from '../search/paging.js';
import { groupNotFound, groupVisibilityCondition } from './visibility.js';

export const GROUPS_PATH = '/api/v2/groups';

export interface GroupRow {
  id: string;
  name: string;
  sort_name: string;
  description: string | null;
  type: 'official' | 'social';
  visibility: 'public' | 'owners' | 'members';
  state: 'active' | 'inactive' | 'deleted';
  rules_visible: number;
  roles_enabled: number;
  include_owners: number;
  calls_enabled: number;
  email: string | null;
  addresses_json: string;
  images_json: string;
  version: number;
  date_modified: string;
  member_count: number;
}

/**
 * The columns of a GroupRow, for reads of many rows: they are read as arrays (`raw()`) and made into
 * GroupRows by `groupRowOf`, which costs half as much as letting the driver build each row's object.
 */
export const GROUP_COLUMNS = `g.id, g.name, g.sort_name, g.description, g.type, g.visibility, g.state, g.rules_visible,
  g.roles_enabled, g.include_owners, g.calls_enabled, g.email, g.addresses_json, g.images_json, g.version,
  g.date_modified, g.member_count`;

type RawGroupRow = [
  GroupRow['id'],
  GroupRow['name'],
  GroupRow['sort_name'],
  GroupRow['description'],
  GroupRow['type'],
  GroupRow['visibility'],
  GroupRow['state'],
  number,
  number,
  number,
  number,
  GroupRow['email'],
  string,
  string,
  number,
  string,
  number,
];

const groupRowOf = (r: RawGroupRow): GroupRow => ({
  id: r[0],
  name: r[1],
  sort_name: r[2],
  description: r[3],
  type: r[4],
  visibility: r[5],
  state: r[6],
  rules_visible: r[7],
  roles_enabled: r[8],
  include_owners: r[9],
  calls_enabled: r[10],
  email: r[11],
  addresses_json: r[12],
  images_json: r[13],
  version: r[14],
  date_modified: r[15],
  member_count: r[16],
});

/** The GroupRows `statement` (selecting GROUP_COLUMNS) reads with `params`. */
export const groupRows = (statement: Database.Statement, params: readonly unknown[]): GroupRow[] =>
  (statement.raw(true).all(...params) as RawGroupRow[]).map(groupRowOf);

/** An owner: a User reduced to id, name, version and selfUri. */
export interface OwnerRef {
  id: string;
  name: string;
  version: number;
  selfUri: string;
}

export interface GroupContact {
  address: string;
  extension?: string;
  display?: string;
  type: 'GROUPRING' | 'GROUPPHONE';
  mediaType: 'PHONE';
}

export interface Image {
  resolution?: string;
  imageUri?: string;
}

export interface Group {
  id: string;
  name: string;
  description?: string;
  dateModified: string;
  memberCount: number;
  state: string;
  version: number;
  type: string;
  images: Image[];
  addresses: GroupContact[];
  rulesVisible: boolean;
  visibility: string;
  rolesEnabled: boolean;
  includeOwners: boolean;
  callsEnabled: boolean;
  email?: string;
  owners: OwnerRef[];
  selfUri: string;
}

export interface GroupProfile {
  id: string;
  name?: string;
  state?: string;
  dateModified?: string;
  version: number;
  selfUri: string;
}

const userUri = (id: string) => `/api/v2/users/${encodeURIComponent(id)}`;
export const groupUri = (id: string) => `${GROUPS_PATH}/${encodeURIComponent(id)}`;
/** A name as compared and sorted: NFC, lower case. */
export const fold = (s: string) => s.normalize('NFC').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Serialisation

function ownersOf(db: Database.Database, groupIds: string[]): Map<string, OwnerRef[]> {
  const out = new Map<string, OwnerRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return out;
  const rows = cached(
    db,
    // users_ref holds every column read here, so the owners' (large) rows are never read.
    `SELECT go.group_id AS groupId, u.id, u.name, u.version FROM group_owners go
     JOIN users u INDEXED BY users_ref ON u.id = go.user_id
     WHERE go.group_id IN (SELECT value FROM json_each(?)) ORDER BY u.sort_name, u.id`,
  ).all(JSON.stringify(groupIds)) as { groupId: string; id: string; name: string; version: number }[];
  for (const r of rows)
    out.get(r.groupId)?.push({ id: r.id, name: r.name, version: r.version, selfUri: userUri(r.id) });
  return out;
}

const parseJsonArray = <T>(s: string): T[] => {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

function serialise(row: GroupRow, owners: OwnerRef[]): Group {
  const g: Group = {
    id: row.id,
    name: row.name,
    dateModified: row.date_modified,
    memberCount: row.member_count,
    state: row.state,
    version: row.version,
    type: row.type,
    images: parseJsonArray<Image>(row.images_json),
    addresses: parseJsonArray<GroupContact>(row.addresses_json),
    rulesVisible: row.rules_visible === 1,
    visibility: row.visibility,
    rolesEnabled: row.roles_enabled === 1,
    includeOwners: row.include_owners === 1,
    callsEnabled: row.calls_enabled === 1,
    owners,
    selfUri: groupUri(row.id),
  };
  if (row.description !== null && row.description !== '') g.description = row.description;
  if (row.email !== null && row.email !== '') g.email = row.email;
  return g;
}

/** Serialises rows as Groups (owners loaded in one query). */
export function toGroups(db: Database.Database, rows: GroupRow[]): Group[] {
  const owners = ownersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => serialise(r, owners.get(r.id) ?? []));
}

export const toGroup = (db: Database.Database, row: GroupRow): Group => toGroups(db, [row])[0]!;

function toProfile(row: GroupRow): GroupProfile {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    dateModified: row.date_modified,
    version: row.version,
    selfUri: `${groupUri(row.id)}/profile`,
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

export const selectGroup = (db: Database.Database, id: string): GroupRow | undefined =>
  cached(db, 'SELECT * FROM groups WHERE id = ?').get(id) as GroupRow | undefined;

/** The group if the caller may see it, else 404. */
export function loadVisibleGroup(db: Database.Database, caller: Caller, id: string): GroupRow {
  const v = groupVisibilityCondition(caller);
  const row = cached(db, `SELECT g.* FROM groups g WHERE g.id = ? AND ${v.sql}`).get(id, ...v.params) as
    GroupRow | undefined;
  if (!row) throw groupNotFound(id);
  return row;
}

export const getGroup = (db: Database.Database, caller: Caller, id: string): Group =>
  toGroup(db, loadVisibleGroup(db, caller, id));

const PROFILE_KEYS = ['id', 'name', 'state', 'dateModified', 'version', 'selfUri'] as const;

export function getGroupProfile(
  db: Database.Database,
  caller: Caller,
  id: string,
  fields: string | undefined,
): GroupProfile {
  const profile = toProfile(loadVisibleGroup(db, caller, id));
  const wanted = splitMulti(fields);
  if (!wanted || wanted.length === 0) return profile;
  const unknown = wanted.filter(
    (k) => !(PROFILE_KEYS as readonly string[]).includes(k) && !GROUP_PROFILE_EXTRA_KEYS.has(k),
  );
  if (unknown.length) {
    throw invalidValue(
      `Unknown profile field(s): ${unknown.join(', ')}. Valid fields: ${[...PROFILE_KEYS, ...GROUP_PROFILE_EXTRA_KEYS].join(', ')}.`,
      'fields',
    );
  }
  // id, version and selfUri always stay (version is required in GroupProfile).
  const out: GroupProfile = { id: profile.id, version: profile.version, selfUri: profile.selfUri };
  if (wanted.includes('name')) out.name = profile.name;
  if (wanted.includes('state')) out.state = profile.state;
  if (wanted.includes('dateModified')) out.dateModified = profile.dateModified;
  return out;
}

/** Field keys of the group field configuration that a profile may be narrowed by (they carry no profile value). */
const GROUP_PROFILE_EXTRA_KEYS = new Set(['description', 'groupEmail', 'groupPhone', 'groupRing', 'images', 'owners']);

export interface ListQuery {
  pageSize?: unknown;
  pageNumber?: unknown;
  sortOrder?: unknown;
  id?: unknown;
  jabberId?: unknown;
}

function listRows(db: Database.Database, caller: Caller, query: ListQuery, path: string) {
  const paging = parsePaging(query as Record<string, unknown>);
  const { ids, jabberIds } = parseIdFilters(query);
  const v = groupVisibilityCondition(caller);
  let filter = '';
  const params: unknown[] = [...v.params];
  if (ids?.length) {
    filter = ' AND g.id IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(ids));
  } else if (jabberIds?.length) {
    filter = ' AND g.id IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(jabberIds.map((j) => j.split('@')[0])));
  }
  const where = `${v.sql}${filter}`;
  const total = rememberedCount(db, `SELECT COUNT(*) FROM groups g WHERE ${where}`, params);
  const dir = paging.sortOrder;
  const rows =
    paging.offset >= total
      ? []
      : groupRows(
          cached(
            db,
            `SELECT ${GROUP_COLUMNS} FROM groups g WHERE ${where} ORDER BY g.sort_name ${dir}, g.id ${dir} LIMIT ? OFFSET ?`,
          ),
          [...params, paging.pageSize, paging.offset],
        );
  const listingQuery = { id: ids, jabberId: jabberIds };
  return { rows, total, paging, listingQuery, path };
}

export function listGroups(db: Database.Database, caller: Caller, query: ListQuery): EntityListing<Group> {
  const r = listRows(db, caller, query, GROUPS_PATH);
  return entityListing(toGroups(db, r.rows), { path: r.path, query: r.listingQuery, paging: r.paging, total: r.total });
}

export function listGroupProfiles(
  db: Database.Database,
  caller: Caller,
  query: ListQuery,
): EntityListing<GroupProfile> {
  const r = listRows(db, caller, query, '/api/v2/profiles/groups');
  return entityListing(r.rows.map(toProfile), {
    path: r.path,
    query: r.listingQuery,
    paging: r.paging,
    total: r.total,
  });
}
