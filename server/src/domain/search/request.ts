/** The rest of a search request: its sort, its paging, and its shape (the keys and their types). */
import { ApiError, badRequest } from '../../contract/errors.js';
import { SEARCH_LIMITS, type SearchLimits } from '../../contract/limits.js';
import type { SearchRequestBase } from './criteria.js';

const sortDirection = (order: string | undefined, fieldName: string): 'ASC' | 'DESC' | 'SCORE' => {
  if (order === undefined || order === null || order === '') return 'ASC';
  const up = String(order).toUpperCase();
  if (up === 'ASC' || up === 'ASCENDING') return 'ASC';
  if (up === 'DESC' || up === 'DESCENDING') return 'DESC';
  if (up === 'SCORE') return 'SCORE';
  throw new ApiError(400, 'invalid.value', `Unknown sortOrder "${order}". Valid values: ASC, DESC, SCORE.`, {
    details: [{ errorCode: 'invalid.value', fieldName }],
  });
};

/** Builds the ORDER BY clause of a search. The first key of `sortMap` is the default (and SCORE) sort. */
export function compileSort(
  request: SearchRequestBase,
  sortMap: Readonly<Record<string, string>>,
  tieBreaker: string,
): string {
  const keys: { expr: string; dir: 'ASC' | 'DESC' }[] = [];
  const defaultExpr = Object.values(sortMap)[0];
  const add = (sortBy: string | undefined, sortOrder: string | undefined, path: string): void => {
    const dir = sortDirection(sortOrder, `${path}sortOrder`);
    if (dir === 'SCORE' || sortBy === undefined || sortBy === null || sortBy === '') {
      if (defaultExpr) keys.push({ expr: defaultExpr, dir: dir === 'SCORE' ? 'ASC' : dir });
      return;
    }
    const expr = Object.prototype.hasOwnProperty.call(sortMap, sortBy) ? sortMap[sortBy] : undefined;
    if (!expr) {
      throw badRequest(`Cannot sort by "${sortBy}". Sortable fields: ${Object.keys(sortMap).join(', ')}.`, [
        { errorCode: 'bad.request', fieldName: `${path}sortBy` },
      ]);
    }
    keys.push({ expr, dir });
  };
  if (Array.isArray(request.sort) && request.sort.length > 0) {
    if (request.sort.length > 10)
      throw badRequest('At most 10 sort keys are allowed.', [{ errorCode: 'bad.request', fieldName: 'sort' }]);
    request.sort.forEach((s, i) => add(s?.sortBy, s?.sortOrder, `sort[${i}].`));
  } else {
    add(request.sortBy, request.sortOrder, '');
  }
  const seen = new Set<string>();
  const parts = keys
    .filter((k) => (seen.has(k.expr) ? false : (seen.add(k.expr), true)))
    .map((k) => `${k.expr} ${k.dir}`);
  parts.push(`${tieBreaker} ASC`);
  return `ORDER BY ${parts.join(', ')}`;
}

export interface SearchPage {
  pageSize: number;
  pageNumber: number;
  offset: number;
}

/** Validates the paging of a search request against its search's limits (groups' by default). */
export function searchPaging(
  request: SearchRequestBase,
  { maxPageSize, window }: SearchLimits = SEARCH_LIMITS.groups,
): SearchPage {
  const pageSize = request.pageSize ?? 25;
  const pageNumber = request.pageNumber ?? 1;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw badRequest(`pageSize must be between 1 and ${maxPageSize}.`, [
      { errorCode: 'bad.request', fieldName: 'pageSize' },
    ]);
  }
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    throw badRequest('pageNumber must be 1 or more.', [{ errorCode: 'bad.request', fieldName: 'pageNumber' }]);
  }
  if (pageSize * pageNumber > window) {
    throw badRequest(`A search can page through at most ${window} results (pageSize × pageNumber ≤ ${window}).`, [
      { errorCode: 'bad.request', fieldName: 'pageNumber' },
    ]);
  }
  return { pageSize, pageNumber, offset: (pageNumber - 1) * pageSize };
}

/**
 * Checks the JSON types of a search request (a q64 request is not validated by the HTTP layer).
 * `strings` and `booleans` name extra top-level fields a particular search accepts (users search:
 * integrationPresenceSource, enforcePermissions).
 */
export function assertSearchRequestShape<T extends SearchRequestBase = SearchRequestBase>(
  request: unknown,
  { strings = [], booleans = [] }: { strings?: readonly string[]; booleans?: readonly string[] } = {},
): asserts request is T {
  const fail = (fieldName: string, what: string) =>
    badRequest(`${fieldName} must be ${what}.`, [{ errorCode: 'bad.request', fieldName }]);
  if (!request || typeof request !== 'object' || Array.isArray(request)) throw fail('body', 'a JSON object');
  const r = request as Record<string, unknown>;
  for (const k of ['sortOrder', 'sortBy', ...strings])
    if (r[k] !== undefined && typeof r[k] !== 'string') throw fail(k, 'a string');
  for (const k of booleans) if (r[k] !== undefined && typeof r[k] !== 'boolean') throw fail(k, 'a boolean');
  for (const k of ['pageSize', 'pageNumber'] as const)
    if (r[k] !== undefined && !Number.isInteger(r[k])) throw fail(k, 'an integer');
  if (r.sort !== undefined) {
    if (!Array.isArray(r.sort)) throw fail('sort', 'an array');
    r.sort.forEach((s: unknown, i) => {
      if (!s || typeof s !== 'object') throw fail(`sort[${i}]`, 'an object');
      const o = s as Record<string, unknown>;
      for (const k of ['sortOrder', 'sortBy'])
        if (o[k] !== undefined && typeof o[k] !== 'string') throw fail(`sort[${i}].${k}`, 'a string');
    });
  }
  if (r.expand !== undefined && (!Array.isArray(r.expand) || r.expand.some((e) => typeof e !== 'string')))
    throw fail('expand', 'an array of strings');
  const checkCriteria = (list: unknown, path: string, depth: number): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw fail(path, 'an array');
    if (depth > 10) throw fail(path, 'nested at most 10 levels deep');
    list.forEach((c: unknown, i) => {
      const p = `${path}[${i}]`;
      if (!c || typeof c !== 'object' || Array.isArray(c)) throw fail(p, 'an object');
      const o = c as Record<string, unknown>;
      for (const k of ['type', 'value', 'startValue', 'endValue', 'dateFormat', 'operator'])
        if (o[k] !== undefined && typeof o[k] !== 'string') throw fail(`${p}.${k}`, 'a string');
      for (const k of ['fields', 'values']) {
        const a = o[k];
        if (a !== undefined && (!Array.isArray(a) || a.some((x) => typeof x !== 'string')))
          throw fail(`${p}.${k}`, 'an array of strings');
      }
      checkCriteria(o.group, `${p}.group`, depth + 1);
    });
  };
  checkCriteria(r.query, 'query', 0);
}
