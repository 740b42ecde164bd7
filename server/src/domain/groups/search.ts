/** Group search (POST /groups/search and GET ?q64=): criteria over the groups' fields, paged and remembered. */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { SEARCH_LIMITS } from '../../contract/limits.js';
import { registerSearchFunctions } from '../../db/functions.js';
import { rememberedCount, preparedBounded, readMemory } from '../../db/read-memory.js';
import { cached } from '../../db/statements.js';
import { compileCriteria, type FieldMap, type SearchRequestBase } from '../search/criteria.js';
import { searchResponse, type SearchResponse } from '../search/q64.js';
import { assertSearchRequestShape, compileSort, searchPaging } from '../search/request.js';
import { GROUP_COLUMNS, GROUPS_PATH, groupRows, toGroups, type Group, type GroupRow } from './groups.js';
import { groupVisibilityCondition } from './visibility.js';

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
    const total = rememberedCount(db, countSql, params, memory);
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
    total = rememberedCount(db, countSql, params, memory);
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
  const { pageSize, pageNumber, offset } = searchPaging(request, SEARCH_LIMITS.groups);
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
