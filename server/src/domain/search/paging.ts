/**
 * Paging of the listing endpoints (GET /groups, /profiles/groups, /groups/{id}/members, /users ...)
 * and the URIs of an EntityListing.
 *
 *   parsePaging(query, { maxPageSize = the listings' `pageSize` maximum }) → { pageSize, pageNumber, sortOrder, offset }
 *     pageSize 1..maxPageSize (default 25), pageNumber ≥ 1 (default 1); 400 bad.request otherwise.
 *     sortOrder: ASC / DESC / ascending / descending in any case (default ASC); 400 invalid.value otherwise.
 *     `offset` may exceed the row count (then the page is empty); it is capped so it stays a safe integer.
 *   splitMulti(value) → string[] | undefined
 *     A multi-valued query param (`id=a,b` or `id=a&id=b` or both) as one trimmed list without blanks.
 *   entityListing(entities, { path, query, paging, total }) → EntityListing
 *     Builds { entities, pageSize, pageNumber, total, pageCount, firstUri, selfUri, lastUri, nextUri?,
 *     previousUri? }. The URIs keep `query` (insertion order; arrays comma-joined) with pageSize,
 *     pageNumber and sortOrder first: `/api/v2/groups/{id}/members?pageSize=25&pageNumber=2&sortOrder=ASC&expand=presence`.
 */
import { ApiError, badRequest } from '../../contract/errors.js';
import { QUERY_LIST_LIMITS } from '../../contract/limits.js';

export type SortOrder = 'ASC' | 'DESC';

export interface Paging {
  pageSize: number;
  pageNumber: number;
  sortOrder: SortOrder;
  offset: number;
}

export interface EntityListing<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}

const toInt = (v: unknown, name: string, dflt: number): number => {
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    throw badRequest(`${name} must be a whole number.`, [{ errorCode: 'bad.request', fieldName: name }]);
  }
  return n;
};

function parseSortOrder(v: unknown, fieldName = 'sortOrder'): SortOrder {
  if (v === undefined || v === null || v === '') return 'ASC';
  const s = String(v).toUpperCase();
  if (s === 'ASC' || s === 'ASCENDING') return 'ASC';
  if (s === 'DESC' || s === 'DESCENDING') return 'DESC';
  throw new ApiError(
    400,
    'invalid.value',
    `sortOrder must be one of ASC, DESC, ascending, descending (got "${String(v)}").`,
    {
      details: [{ errorCode: 'invalid.value', fieldName }],
    },
  );
}

/** Page numbers are int32 in the API document. */
const INT32_MAX = 2_147_483_647;

export function parsePaging(
  query: Record<string, unknown> | undefined,
  { maxPageSize = QUERY_LIST_LIMITS.listingPageSize } = {},
): Paging {
  const q = query ?? {};
  const pageSize = toInt(q.pageSize, 'pageSize', 25);
  const pageNumber = toInt(q.pageNumber, 'pageNumber', 1);
  if (pageSize < 1 || pageSize > maxPageSize) {
    throw badRequest(`pageSize must be between 1 and ${maxPageSize}.`, [
      { errorCode: 'bad.request', fieldName: 'pageSize' },
    ]);
  }
  if (pageNumber < 1)
    throw badRequest('pageNumber must be 1 or more.', [{ errorCode: 'bad.request', fieldName: 'pageNumber' }]);
  if (pageNumber > INT32_MAX) {
    throw badRequest(`pageNumber must be at most ${INT32_MAX}.`, [
      { errorCode: 'bad.request', fieldName: 'pageNumber' },
    ]);
  }
  const offset = Math.min((pageNumber - 1) * pageSize, Number.MAX_SAFE_INTEGER);
  return { pageSize, pageNumber, sortOrder: parseSortOrder(q.sortOrder), offset };
}

/** A multi-valued query parameter as a flat list (commas split, blanks dropped). */
export function splitMulti(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const raw = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of raw) {
    for (const part of String(item).split(',')) {
      const t = part.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/**
 * The `id` and `jabberId` filters of GET /groups, /profiles/groups and /users: split, not both at once,
 * at most as many values each as the contract's `maxItems` (400 bad.request otherwise).
 */
export function parseIdFilters(query: { id?: unknown; jabberId?: unknown }): {
  ids: string[] | undefined;
  jabberIds: string[] | undefined;
} {
  const ids = splitMulti(query.id);
  const jabberIds = splitMulti(query.jabberId);
  if (ids?.length && jabberIds?.length)
    throw badRequest('id and jabberId cannot be used together.', [{ errorCode: 'bad.request', fieldName: 'jabberId' }]);
  for (const [name, list, most] of [
    ['id', ids, QUERY_LIST_LIMITS.listingIds],
    ['jabberId', jabberIds, QUERY_LIST_LIMITS.listingJabberIds],
  ] as const) {
    if (list && list.length > most)
      throw badRequest(`At most ${most} values of ${name} are allowed.`, [
        { errorCode: 'bad.request', fieldName: name },
      ]);
  }
  return { ids, jabberIds };
}

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** A query string (without '?') from ordered params; arrays comma-joined, undefined/empty dropped. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      parts.push(`${encodeURIComponent(k)}=${v.map((x) => encodeURIComponent(x)).join(',')}`);
    } else {
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    }
  }
  return parts.join('&');
}

export function entityListing<T>(
  entities: T[],
  {
    path,
    query = {},
    paging,
    total,
  }: { path: string; query?: Record<string, QueryValue>; paging: Paging; total: number },
): EntityListing<T> {
  const { pageSize, pageNumber, sortOrder } = paging;
  const pageCount = Math.ceil(total / pageSize);
  const lastPage = Math.max(pageCount, 1);
  const uri = (n: number) => {
    const { pageSize: _ps, pageNumber: _pn, sortOrder: _so, ...rest } = query;
    return `${path}?${queryString({ pageSize, pageNumber: n, sortOrder, ...rest })}`;
  };
  const listing: EntityListing<T> = {
    entities,
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(lastPage),
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1 && pageNumber - 1 <= lastPage) listing.previousUri = uri(pageNumber - 1);
  return listing;
}
