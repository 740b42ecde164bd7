/**
 * Groups: reading, listing, searching, creating, updating and deleting (contract §5).
 *
 * Decisions where the contract leaves room:
 *   - PUT merges: fields absent from the body keep their values; `ownerIds` present replaces the owners.
 *   - PUT with a `type` other than the group's answers 400 invalid.value (fieldName `type`): the type is
 *     fixed after creation. The same type is accepted and ignored.
 *   - `state: deleted` is refused on create and update (400): DELETE removes a group.
 *   - Names are unique ignoring case among the org's groups (400 on create/update with a taken name).
 *   - DELETE removes the group and its owners, individuals, members and dynamic settings at once.
 *   - Group jabber ids: `<group id>@conference.<anything>`; `jabberId` filters match on the part before `@`.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { authorize } from '../../contract/authorize.js';
import { ApiError, badRequest, invalidValue, versionConflict, type ErrorDetail } from '../../contract/errors.js';
import { entityListing, parseIdFilters, parsePaging, splitMulti, type EntityListing } from '../search/paging.js';
import { searchResponse, type SearchResponse } from '../search/q64.js';
import { cachedCount, preparedBounded, readMemory } from '../../db/read-memory.js';
import {
  assertSearchRequestShape,
  compileCriteria,
  compileSort,
  registerSearchFunctions,
  searchPaging,
  type FieldMap,
  type SearchRequestBase,
} from '../search/criteria.js';
import { assertGroupVisible, cached, groupNotFound, groupVisibilityCondition, isGroupOwner } from './visibility.js';

export const GROUPS_PATH = '/api/v2/groups';
export const MAX_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_OWNERS = 100;
export const MAX_ADDRESSES = 10;
export const MAX_IMAGES = 10;

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
const GROUP_COLUMNS = `g.id, g.name, g.sort_name, g.description, g.type, g.visibility, g.state, g.rules_visible,
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
const groupRows = (statement: Database.Statement, params: readonly unknown[]): GroupRow[] =>
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
const fold = (s: string) => s.normalize('NFC').toLowerCase();
const now = () => new Date().toISOString();

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

export function toProfile(row: GroupRow): GroupProfile {
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
// Maintenance of group_members (call inside the write's transaction): individuals, owners when
// include_owners, rule matches; is_owner marks any member who owns the group.

const PRUNE = `DELETE FROM group_members WHERE group_id = @g AND is_individual = 0 AND is_rule = 0
  AND NOT (is_owner = 1 AND (SELECT include_owners FROM groups WHERE id = @g) = 1)`;

/** Brings is_owner flags and owner rows in line with group_owners and include_owners. */
export function syncOwnerMembers(db: Database.Database, groupId: string): void {
  cached(
    db,
    `UPDATE group_members SET is_owner = EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = group_members.group_id AND o.user_id = group_members.user_id)
     WHERE group_id = ?`,
  ).run(groupId);
  cached(
    db,
    `INSERT INTO group_members (group_id, user_id, sort_name, is_individual, is_owner, is_rule)
     SELECT o.group_id, o.user_id, u.sort_name, 0, 1, 0
     FROM group_owners o JOIN users u ON u.id = o.user_id JOIN groups g ON g.id = o.group_id AND g.include_owners = 1
     WHERE o.group_id = ?
     ON CONFLICT (group_id, user_id) DO UPDATE SET is_owner = 1`,
  ).run(groupId);
  cached(db, PRUNE).run({ g: groupId });
}

/** Removes member rows that no longer have a reason to exist. */
export const pruneMembers = (db: Database.Database, groupId: string): void =>
  void cached(db, PRUNE).run({ g: groupId });

/** Sets groups.member_count to the group's row count (an index range count). */
export function recountMembers(db: Database.Database, groupId: string): void {
  cached(
    db,
    'UPDATE groups SET member_count = (SELECT COUNT(*) FROM group_members WHERE group_id = @g) WHERE id = @g',
  ).run({ g: groupId });
}

// ---------------------------------------------------------------------------------------------
// Reads

const selectGroup = (db: Database.Database, id: string): GroupRow | undefined =>
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
  const total = cachedCount(db, `SELECT COUNT(*) FROM groups g WHERE ${where}`, params);
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

// ---------------------------------------------------------------------------------------------
// Search

/** The groups trigram index (schema.sql `groups_fts`), for CONTAINS on name and description. */
const GROUPS_FTS_MATCH = 'g.rowid IN (SELECT rowid FROM groups_fts WHERE groups_fts MATCH ?)';

export const GROUP_SEARCH_FIELDS: FieldMap = {
  id: { kind: 'id', sql: 'g.id' },
  name: {
    kind: 'text',
    sql: 'g.name',
    folded: 'g.sort_name',
    substringIndex: { match: GROUPS_FTS_MATCH, column: 'name' },
  },
  description: {
    kind: 'text',
    sql: 'g.description',
    substringIndex: { match: GROUPS_FTS_MATCH, column: 'description' },
  },
  type: { kind: 'enum', sql: 'g.type' },
  visibility: { kind: 'enum', sql: 'g.visibility' },
  state: { kind: 'enum', sql: 'g.state' },
  dateModified: { kind: 'date', sql: 'g.date_modified' },
  memberCount: { kind: 'number', sql: 'g.member_count' },
  'owners.id': {
    kind: 'list',
    from: 'group_owners so',
    where: 'so.group_id = g.id',
    value: 'so.user_id',
    elementKind: 'id',
  },
};

export const GROUP_SORT_FIELDS = {
  name: 'g.sort_name',
  dateModified: 'g.date_modified',
  memberCount: 'g.member_count',
  type: 'g.type',
} as const;

export type GroupsSearchResponse = SearchResponse<Group>;

/** The rows with these rowids, in the order given. */
function groupRowsInOrder(db: Database.Database, rowids: readonly number[]): GroupRow[] {
  if (rowids.length === 0) return [];
  const statement = cached(
    db,
    `SELECT ${GROUP_COLUMNS} FROM json_each(?) AS j CROSS JOIN groups g ON g.rowid = j.value ORDER BY j.key`,
  );
  return groupRows(statement, [JSON.stringify(rowids)]);
}

/**
 * A search whose page lies within its first ONE_PASS_MATCHES matches reads their ids in order in one
 * pass; when that is all of them, their number is the total and no count runs. Most searches of a name
 * or description find a few hundred groups; broader ones are counted as well.
 */
const ONE_PASS_MATCHES = 500;

/**
 * The total and one page of rowids of `SELECT g.rowid ${from} ${orderBy}`. Search SQL varies with the
 * criteria: statements come from a bounded set. The ids found and the total are remembered until a write,
 * so paging, refreshes and steps back skip the search.
 */
function searchPage(
  db: Database.Database,
  from: string,
  params: readonly unknown[],
  orderBy: string,
  offset: number,
  pageSize: number,
): { total: number; page: number[] } {
  const memory = readMemory(db);
  const countSql = `SELECT COUNT(*) ${from}`;
  const end = offset + pageSize;
  if (end > ONE_PASS_MATCHES) {
    const total = cachedCount(db, countSql, params, memory);
    const pageSql = `SELECT g.rowid ${from} ${orderBy} LIMIT ? OFFSET ?`;
    const pageParams = [...params, pageSize, offset];
    const page = memory.recallOr('page', pageSql, pageParams, () =>
      offset >= total
        ? []
        : (preparedBounded(db, pageSql)
            .pluck()
            .all(...pageParams) as number[]),
    );
    return { total, page };
  }
  // The first ONE_PASS_MATCHES matches in order, and one more to tell whether there are others.
  const matchesSql = `SELECT g.rowid ${from} ${orderBy} LIMIT ${ONE_PASS_MATCHES + 1}`;
  const matches = memory.recallOr(
    'page',
    matchesSql,
    params,
    () =>
      preparedBounded(db, matchesSql)
        .pluck()
        .all(...params) as number[],
  );
  let total: number;
  if (matches.length <= ONE_PASS_MATCHES) {
    total = matches.length;
    memory.remember('count', countSql, params, total);
  } else {
    total = cachedCount(db, countSql, params, memory);
  }
  return { total, page: matches.slice(offset, end) };
}

const SEARCH_KEYS = ['sortOrder', 'sortBy', 'pageSize', 'pageNumber', 'sort', 'query', 'expand'] as const;

export function searchGroups(
  db: Database.Database,
  caller: Caller,
  request: SearchRequestBase,
  expand?: string[],
): GroupsSearchResponse {
  assertSearchRequestShape(request);
  registerSearchFunctions(db);
  const { pageSize, pageNumber, offset } = searchPaging(request);
  const criteria = compileCriteria(request.query, GROUP_SEARCH_FIELDS);
  const orderBy = compileSort(request, GROUP_SORT_FIELDS, 'g.id');
  const v = groupVisibilityCondition(caller);
  const where = `${v.sql} AND ${criteria.where}`;
  const params = [...v.params, ...criteria.params];
  const { total, page } = searchPage(db, `FROM groups g WHERE ${where}`, params, orderBy, offset, pageSize);
  const rows = groupRowsInOrder(db, page);
  const base: Record<string, unknown> = {};
  for (const k of SEARCH_KEYS) if (request[k] !== undefined) base[k] = request[k];
  if (expand?.length) base.expand = expand;
  return searchResponse(`${GROUPS_PATH}/search`, base, { total, pageSize, pageNumber }, 'groups', toGroups(db, rows));
}

// ---------------------------------------------------------------------------------------------
// Validation of writes

export interface GroupWrite {
  name?: unknown;
  description?: unknown;
  state?: unknown;
  type?: unknown;
  version?: unknown;
  images?: unknown;
  addresses?: unknown;
  rulesVisible?: unknown;
  visibility?: unknown;
  rolesEnabled?: unknown;
  includeOwners?: unknown;
  callsEnabled?: unknown;
  email?: unknown;
  ownerIds?: unknown;
}

const PHONE = /^\+?[0-9][0-9 ().-]*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validName(db: Database.Database, raw: unknown, selfId: string | null): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw badRequest('The group name is required and cannot be blank.', [
      { errorCode: 'bad.request', fieldName: 'name' },
    ]);
  const name = raw.trim();
  if (name.length > MAX_NAME_LENGTH)
    throw badRequest(`The group name is longer than ${MAX_NAME_LENGTH} characters.`, [
      { errorCode: 'bad.request', fieldName: 'name' },
    ]);
  const clash = cached(db, `SELECT id FROM groups WHERE sort_name = ? AND state <> 'deleted' AND id <> ? LIMIT 1`)
    .pluck()
    .get(fold(name), selfId ?? '') as string | undefined;
  if (clash) {
    throw new ApiError(400, 'bad.request', `A group named "${name}" already exists. Group names must be unique.`, {
      messageWithParams: 'A group named "{name}" already exists. Group names must be unique.',
      messageParams: { name },
      details: [{ errorCode: 'bad.request', fieldName: 'name', entityId: clash }],
    });
  }
  return name;
}

function validDescription(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string')
    throw badRequest('description must be a string.', [{ errorCode: 'bad.request', fieldName: 'description' }]);
  if (raw.length > MAX_DESCRIPTION_LENGTH)
    throw badRequest(`The description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`, [
      { errorCode: 'bad.request', fieldName: 'description' },
    ]);
  return raw;
}

function validEnum<T extends string>(raw: unknown, allowed: readonly T[], fieldName: string): T {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalidValue(`${fieldName} must be one of ${allowed.join(', ')}.`, fieldName);
}

function validBool(raw: unknown, fieldName: string): number {
  if (typeof raw !== 'boolean')
    throw badRequest(`${fieldName} must be true or false.`, [{ errorCode: 'bad.request', fieldName }]);
  return raw ? 1 : 0;
}

function validState(raw: unknown): 'active' | 'inactive' {
  const s = validEnum(raw, ['active', 'inactive', 'deleted'] as const, 'state');
  if (s === 'deleted')
    throw badRequest('A group cannot be set to deleted; delete it instead.', [
      { errorCode: 'bad.request', fieldName: 'state' },
    ]);
  return s;
}

function validEmail(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > 320 || !EMAIL.test(raw.trim()))
    throw badRequest('email is not a valid email address.', [{ errorCode: 'bad.request', fieldName: 'email' }]);
  return raw.trim();
}

/** A phone number as displayed: North American numbers as +1 (NXX) NXX-XXXX, others as given. */
export function displayPhone(address: string): string {
  const digits = address.replace(/\D/g, '');
  const nanp =
    digits.length === 11 && digits.startsWith('1')
      ? digits.slice(1)
      : digits.length === 10 && !address.trim().startsWith('+')
        ? digits
        : null;
  return nanp ? `+1 (${nanp.slice(0, 3)}) ${nanp.slice(3, 6)}-${nanp.slice(6)}` : address;
}

function validAddresses(raw: unknown): GroupContact[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw badRequest('addresses must be an array.', [{ errorCode: 'bad.request', fieldName: 'addresses' }]);
  if (raw.length > MAX_ADDRESSES)
    throw badRequest(`At most ${MAX_ADDRESSES} addresses are allowed.`, [
      { errorCode: 'bad.request', fieldName: 'addresses' },
    ]);
  return raw.map((a: unknown, i) => {
    const p = `addresses[${i}]`;
    if (!a || typeof a !== 'object')
      throw badRequest(`${p} must be an object.`, [{ errorCode: 'bad.request', fieldName: p }]);
    const o = a as Record<string, unknown>;
    const type = validEnum(o.type, ['GROUPRING', 'GROUPPHONE'] as const, `${p}.type`);
    const mediaType = validEnum(o.mediaType, ['PHONE'] as const, `${p}.mediaType`);
    const address = typeof o.address === 'string' ? o.address.trim() : '';
    const digits = address.replace(/\D/g, '');
    if (!PHONE.test(address) || digits.length < 3 || digits.length > 20) {
      throw badRequest(
        `${p}.address must be a phone number (digits, with an optional leading +, spaces, dashes and parentheses).`,
        [{ errorCode: 'bad.request', fieldName: `${p}.address` }],
      );
    }
    const out: GroupContact = { address, display: displayPhone(address), type, mediaType };
    if (o.extension !== undefined && o.extension !== null && o.extension !== '') {
      if (typeof o.extension !== 'string' || !/^[0-9*#]{1,10}$/.test(o.extension)) {
        throw badRequest(`${p}.extension must be up to 10 digits.`, [
          { errorCode: 'bad.request', fieldName: `${p}.extension` },
        ]);
      }
      out.extension = o.extension;
      out.display = `${out.display} ext. ${o.extension}`;
    }
    return out;
  });
}

function validImages(raw: unknown): Image[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw badRequest('images must be an array.', [{ errorCode: 'bad.request', fieldName: 'images' }]);
  if (raw.length > MAX_IMAGES)
    throw badRequest(`At most ${MAX_IMAGES} images are allowed.`, [{ errorCode: 'bad.request', fieldName: 'images' }]);
  return raw.map((img: unknown, i) => {
    const p = `images[${i}]`;
    if (!img || typeof img !== 'object')
      throw badRequest(`${p} must be an object.`, [{ errorCode: 'bad.request', fieldName: p }]);
    const o = img as Record<string, unknown>;
    const out: Image = {};
    for (const k of ['resolution', 'imageUri'] as const) {
      if (o[k] === undefined || o[k] === null) continue;
      if (typeof o[k] !== 'string' || (o[k] as string).length > 2048)
        throw badRequest(`${p}.${k} must be a string.`, [{ errorCode: 'bad.request', fieldName: `${p}.${k}` }]);
      out[k] = o[k] as string;
    }
    return out;
  });
}

/** Validates owner ids (existing, not deleted users); unknown ids answer 400 listing them. */
function validOwnerIds(db: Database.Database, raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || x === '')) {
    throw badRequest('ownerIds must be an array of user ids.', [{ errorCode: 'bad.request', fieldName: 'ownerIds' }]);
  }
  const ids = [...new Set(raw as string[])];
  if (ids.length > MAX_OWNERS)
    throw badRequest(`A group can have at most ${MAX_OWNERS} owners.`, [
      { errorCode: 'bad.request', fieldName: 'ownerIds' },
    ]);
  const unknown = unknownUserIds(db, ids);
  if (unknown.length) {
    throw badRequest(
      `Unknown user id(s) in ownerIds: ${unknown.join(', ')}.`,
      unknown.map((id): ErrorDetail => ({ errorCode: 'not.found', fieldName: 'ownerIds', entityId: id })),
    );
  }
  return ids;
}

/** The ids among `ids` that name no user (or a deleted one). */
export function unknownUserIds(db: Database.Database, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    cached(db, `SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?)) AND state <> 'deleted'`)
      .pluck()
      .all(JSON.stringify(ids)) as string[],
  );
  return ids.filter((id) => !found.has(id));
}

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

export function createGroup(db: Database.Database, caller: Caller, body: GroupWrite): Group {
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
      syncOwnerMembers(db, row.id);
      recountMembers(db, row.id);
      return toGroup(db, selectGroup(db, row.id)!);
    })
    .immediate();
}

export function updateGroup(db: Database.Database, caller: Caller, id: string, body: GroupWrite | undefined): Group {
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
      // Conditional on the version: of several updates carrying the same version, exactly one succeeds.
      const result = cached(
        db,
        `UPDATE groups SET name = @name, sort_name = @sort_name, description = @description, visibility = @visibility, state = @state,
         rules_visible = @rules_visible, roles_enabled = @roles_enabled, include_owners = @include_owners, calls_enabled = @calls_enabled,
         email = @email, addresses_json = @addresses_json, images_json = @images_json, date_modified = @date_modified, version = version + 1
       WHERE id = @id AND version = @version`,
      ).run(next);
      if (result.changes === 0) throw versionConflict(version, current.version, id);
      if (owners) replaceOwners(db, id, owners);
      if (owners || next.include_owners !== current.include_owners) {
        syncOwnerMembers(db, id);
        recountMembers(db, id);
      }
      return toGroup(db, selectGroup(db, id)!);
    })
    .immediate();
}

export function deleteGroup(db: Database.Database, caller: Caller, id: string): void {
  db.transaction(() => {
    assertGroupVisible(db, caller, id);
    authorize('deleteGroup', caller);
    for (const table of ['group_members', 'group_individuals', 'group_owners', 'group_dynamic_settings']) {
      cached(db, `DELETE FROM ${table} WHERE group_id = ?`).run(id);
    }
    cached(db, 'DELETE FROM groups WHERE id = ?').run(id);
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
