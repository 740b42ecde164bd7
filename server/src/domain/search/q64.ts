/**
 * q64: a search request carried in a URL. URL-safe base64 of the gzipped JSON of the request
 * (the form Genesys Cloud uses); decoding also accepts standard base64 and un-gzipped JSON.
 *
 *   encodeQ64(request) → string          (URL-safe base64, no padding)
 *   decodeQ64(q64) → object               (throws ApiError 400 bad.request, fieldName "q64", when bad)
 *   searchPageUri(path, request) → string (e.g. `/api/v2/groups/search?q64=<percent-encoded>`)
 *   searchResponse(path, request, page, type, results) → a search answer with its page URIs
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { badRequest } from '../../contract/errors.js';

/** Longest q64 accepted, and the most a q64 may inflate to. */
export const MAX_Q64_LENGTH = 64 * 1024;
const MAX_JSON_BYTES = 1024 * 1024;

/** Recent encodings by JSON text: paging repeats the links of the page before (its next is this one's current). */
const recentEncodings = new Map<string, string>();
const MAX_RECENT_ENCODINGS = 256;

export function encodeQ64(request: unknown): string {
  const json = JSON.stringify(request);
  let q64 = recentEncodings.get(json);
  if (q64 === undefined) {
    q64 = gzipSync(Buffer.from(json, 'utf8')).toString('base64url');
    if (recentEncodings.size >= MAX_RECENT_ENCODINGS) recentEncodings.delete(recentEncodings.keys().next().value!);
    recentEncodings.set(json, q64);
  }
  return q64;
}

const bad = (why: string) =>
  badRequest(`The q64 parameter is not a valid encoded search request: ${why}.`, [
    { errorCode: 'bad.request', fieldName: 'q64' },
  ]);

export function decodeQ64(q64: string): Record<string, unknown> {
  if (typeof q64 !== 'string' || q64.trim() === '') throw bad('it is empty');
  if (q64.length > MAX_Q64_LENGTH) throw bad(`it is longer than ${MAX_Q64_LENGTH} characters`);
  // Query-string decoding may turn '+' into ' '; base64 never holds spaces, so put them back.
  const text = q64.trim().replace(/ /g, '+');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw bad('it is not base64');
  const bytes = Buffer.from(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
  let json: Buffer;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      json = gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES });
    } catch {
      throw bad('its gzip data is damaged or too large');
    }
  } else {
    json = bytes;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw bad('it does not hold JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw bad('it does not hold a JSON object');
  return parsed as Record<string, unknown>;
}

/** A relative URI that repeats `request` through GET `path`?q64=. */
export const searchPageUri = (path: string, request: unknown): string =>
  `${path}?q64=${encodeURIComponent(encodeQ64(request))}`;

/** GroupsSearchResponse / UsersSearchResponse. */
export interface SearchResponse<T> {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  previousPage?: string;
  currentPage: string;
  nextPage?: string;
  types: string[];
  results: T[];
}

/**
 * A search answer for one page: `currentPage`, and `previousPage` / `nextPage` where those pages exist,
 * each a q64 URI of `request` (what the page links repeat) with that page's number.
 */
export function searchResponse<T>(
  path: string,
  request: Record<string, unknown>,
  page: { total: number; pageSize: number; pageNumber: number },
  type: string,
  results: T[],
): SearchResponse<T> {
  const { total, pageSize, pageNumber } = page;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number) => searchPageUri(path, { ...request, pageSize, pageNumber: n });
  const response: SearchResponse<T> = {
    total,
    pageCount,
    pageSize,
    pageNumber,
    currentPage: uri(pageNumber),
    types: [type],
    results,
  };
  if (pageNumber > 1) response.previousPage = uri(pageNumber - 1);
  if (pageNumber < pageCount) response.nextPage = uri(pageNumber + 1);
  return response;
}
