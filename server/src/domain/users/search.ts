/** User search (POST /users/search and GET ?q64=): the member picker, over the users' fields and query strings. */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { authorize } from '../../contract/authorize.js';
import { badRequest } from '../../contract/errors.js';
import { SEARCH_LIMITS } from '../../contract/limits.js';
import { registerSearchFunctions } from '../../db/functions.js';
import { rememberedCount, preparedBounded } from '../../db/read-memory.js';
import { compileCriteria, type FieldMap, type SearchCriteria, type SearchRequestBase } from '../search/criteria.js';
import { decodeQ64, searchResponse, type SearchResponse } from '../search/q64.js';
import { assertSearchRequestShape, compileSort, searchPaging } from '../search/request.js';
import { parseExpand, toUsers, USER_SELECT, USERS_PATH, type User, type UserRow } from './users.js';

const USER_SEARCH_FIELDS: FieldMap = {
  id: { kind: 'id', sql: 'u.id' },
  name: { kind: 'text', sql: 'u.name', folded: 'u.sort_name' },
  email: { kind: 'text', sql: 'u.email' },
  username: { kind: 'text', sql: 'u.username' },
  title: { kind: 'text', sql: 'u.title' },
  department: { kind: 'text', sql: 'u.department' },
  state: { kind: 'enum', sql: 'u.state' },
  'division.id': { kind: 'id', sql: 'u.division_id' },
  'manager.id': { kind: 'id', sql: 'u.manager_id' },
  dateLastLogin: { kind: 'date', sql: 'u.date_last_login' },
};

/** Fields a QUERY_STRING criterion searches when it names none. */
const QUERY_STRING_DEFAULT_FIELDS = ['name', 'email', 'username', 'title', 'department'];

const USER_SORT_FIELDS = {
  name: 'u.sort_name',
  email: 'u.email',
  title: 'u.title',
  department: 'u.department',
  dateLastLogin: 'u.date_last_login',
} as const;

export type UsersSearchResponse = SearchResponse<User>;

export interface UserSearchRequest extends SearchRequestBase {
  integrationPresenceSource?: string;
  enforcePermissions?: boolean;
}

const MAX_QUERY_STRING_TERMS = 20;

/** Splits a QUERY_STRING value into terms: `word`, `field:word`, `"a phrase"`, `-word`, and the words AND / OR. */
function queryStringTerms(value: string): Array<{ text: string; field?: string; phrase: boolean; negate: boolean }> {
  const out: Array<{ text: string; field?: string; phrase: boolean; negate: boolean }> = [];
  const re = /(-?)(?:([A-Za-z][\w.]*):)?(?:"([^"]*)"|(\S+))/g;
  for (const m of value.matchAll(re)) {
    const phrase = m[3] !== undefined;
    const text = ((phrase ? m[3] : m[4]) ?? '').replace(/\*+$/, '');
    if (!text) continue;
    out.push({ text, field: m[2], phrase, negate: m[1] === '-' });
  }
  return out;
}

/** Rewrites QUERY_STRING criteria (which the shared compiler does not know) into nested criteria groups. */
function expandQueryStrings(criteria: SearchCriteria[] | undefined, path = 'query'): SearchCriteria[] | undefined {
  if (!Array.isArray(criteria)) return criteria;
  return criteria.map((c, i) => {
    if (!c || typeof c !== 'object') return c;
    const p = `${path}[${i}]`;
    const group = Array.isArray(c.group) ? expandQueryStrings(c.group, `${p}.group`) : c.group;
    if (typeof c.type !== 'string' || c.type.toUpperCase() !== 'QUERY_STRING')
      return group === c.group ? c : { ...c, group };
    if (typeof c.value !== 'string' || c.value.trim() === '') {
      throw badRequest('A QUERY_STRING criterion needs a value.', [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    }
    const fields = Array.isArray(c.fields) && c.fields.length ? c.fields : QUERY_STRING_DEFAULT_FIELDS;
    const terms = queryStringTerms(c.value);
    const anyOf = terms.some((t) => t.text === 'OR' && !t.phrase && !t.field);
    const words = terms.filter((t) => t.phrase || t.field || (t.text !== 'OR' && t.text !== 'AND'));
    if (words.length === 0)
      throw badRequest('The QUERY_STRING value holds no search terms.', [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    if (words.length > MAX_QUERY_STRING_TERMS)
      throw badRequest(`A QUERY_STRING may hold at most ${MAX_QUERY_STRING_TERMS} terms.`, [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    const inner: SearchCriteria[] = words.map((t) => ({
      type: t.phrase ? 'CONTAINS' : 'TERM',
      fields: t.field ? [t.field] : fields,
      value: t.text,
      operator: t.negate ? 'NOT' : anyOf ? 'OR' : 'AND',
    }));
    const own: SearchCriteria = {
      type: 'MATCH_ALL',
      group: inner,
      ...(c.operator !== undefined ? { operator: c.operator } : {}),
    };
    return group && group.length
      ? {
          type: 'MATCH_ALL',
          operator: c.operator,
          group: [
            { ...own, operator: 'AND' },
            { type: 'MATCH_ALL', group, operator: 'AND' },
          ],
        }
      : own;
  });
}

/** Whether any criterion (at any depth) names the `state` field. */
function mentionsState(criteria: SearchCriteria[] | undefined): boolean {
  if (!Array.isArray(criteria)) return false;
  return criteria.some(
    (c) => !!c && ((Array.isArray(c.fields) && c.fields.includes('state')) || mentionsState(c.group)),
  );
}

const SEARCH_KEYS = [
  'sortOrder',
  'sortBy',
  'pageSize',
  'pageNumber',
  'sort',
  'query',
  'expand',
  'integrationPresenceSource',
  'enforcePermissions',
] as const;

/** POST /users/search. `expandOverride` (from GET …?q64=&expand=) replaces the request's expand when given. */
export function searchUsers(
  db: Database.Database,
  caller: Caller,
  request: unknown,
  expandOverride?: string[],
): UsersSearchResponse {
  authorize('searchUsers', caller);
  assertSearchRequestShape<UserSearchRequest>(request, {
    strings: ['integrationPresenceSource'],
    booleans: ['enforcePermissions'],
  });
  const expand = expandOverride?.length ? expandOverride : parseExpand(request.expand);
  registerSearchFunctions(db);
  const { pageSize, pageNumber, offset } = searchPaging(request, SEARCH_LIMITS.users);
  const criteria = compileCriteria(expandQueryStrings(request.query), USER_SEARCH_FIELDS);
  const orderBy = compileSort(request, USER_SORT_FIELDS, 'u.id');
  const stateFilter = mentionsState(request.query) ? "u.state <> 'deleted'" : "u.state = 'active'";
  const where = `${stateFilter} AND ${criteria.where}`;
  // Search SQL varies with the criteria: statements come from a bounded set; the total is kept until a write.
  const total = rememberedCount(db, `SELECT COUNT(*) FROM users u WHERE ${where}`, criteria.params);
  const rows =
    offset >= total
      ? []
      : (preparedBounded(db, `${USER_SELECT} WHERE ${where} ${orderBy} LIMIT ? OFFSET ?`).all(
          ...criteria.params,
          pageSize,
          offset,
        ) as UserRow[]);
  const base: Record<string, unknown> = {};
  for (const k of SEARCH_KEYS) if (request[k] !== undefined) base[k] = request[k];
  if (expand.length) base.expand = expand;
  else delete base.expand;
  return searchResponse(
    `${USERS_PATH}/search`,
    { ...base, types: ['users'] },
    { total, pageSize, pageNumber },
    'users',
    toUsers(db, rows, expand, caller),
  );
}

/** GET /users/search?q64=…[&expand=…]. */
export function searchUsersByQ64(
  db: Database.Database,
  caller: Caller,
  q64: unknown,
  expand?: unknown,
): UsersSearchResponse {
  authorize('searchUsersByQ64', caller);
  if (typeof q64 !== 'string')
    throw badRequest('The q64 parameter is required.', [{ errorCode: 'bad.request', fieldName: 'q64' }]);
  const decoded = decodeQ64(q64);
  const { types, returnFields: _rf, aggregations: _ag, ...request } = decoded;
  if (types !== undefined && !(Array.isArray(types) && types.every((t) => t === 'users'))) {
    throw badRequest('This q64 value is not a users search.', [{ errorCode: 'bad.request', fieldName: 'q64' }]);
  }
  return searchUsers(db, caller, request, parseExpand(expand));
}
