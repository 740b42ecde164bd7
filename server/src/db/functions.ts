/**
 * The SQL functions of a connection: `search_fold` (the schema's triggers fill the substring index with
 * it), `search_word_prefix` and `search_regexp` (compiled search conditions call them). The database
 * opener registers them on every connection; searches call registerSearchFunctions too (it is idempotent).
 */
import type Database from 'better-sqlite3';
import { badRequest } from '../contract/errors.js';

const MAX_REGEX_LENGTH = 256;
const MAX_REGEX_INPUT = 2000;

/** Text as searches compare it: NFC, lower case. */
export const fold = (s: string): string => s.normalize('NFC').toLowerCase();

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

const registered = new WeakSet<Database.Database>();
const regexCache = new Map<string, RegExp>();

/** Compiles (and caches) a search REGEX pattern; throws ApiError 400 when it is invalid or unsafe. */
export function compileSearchRegex(pattern: string, fieldName = 'value'): RegExp {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  if (pattern.length > MAX_REGEX_LENGTH) {
    throw badRequest(`The regular expression is longer than ${MAX_REGEX_LENGTH} characters.`, [
      { errorCode: 'bad.request', fieldName },
    ]);
  }
  if (/\\[1-9]|\\k</.test(pattern)) {
    throw badRequest('Back-references are not supported in regular expressions.', [
      { errorCode: 'bad.request', fieldName },
    ]);
  }
  if (/\(\?<?[=!]/.test(pattern)) {
    throw badRequest('Look-around is not supported in regular expressions.', [{ errorCode: 'bad.request', fieldName }]);
  }
  if (hasNestedQuantifier(pattern)) {
    throw badRequest('The regular expression nests quantifiers (e.g. "(a+)+"), which is not allowed.', [
      { errorCode: 'bad.request', fieldName },
    ]);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'iu');
  } catch (e) {
    throw badRequest(`Invalid regular expression: ${(e as Error).message}`, [{ errorCode: 'bad.request', fieldName }]);
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(pattern, re);
  return re;
}

/**
 * True when a quantified group contains a quantifier or an alternation (the shapes behind catastrophic
 * backtracking: `(a+)+`, `(a|aa)*`, `(.*x){2,}`).
 */
function hasNestedQuantifier(pattern: string): boolean {
  // Walk the pattern tracking, for each open group, whether it holds a quantifier or an alternation.
  const stack: { risky: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '*' || c === '+' || c === '{' || c === '|') {
      if (top) top.risky = true;
      if (c === '{') {
        const end = pattern.indexOf('}', i);
        if (end > i) i = end;
      }
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (group?.risky && quantified) return true;
      // A group holding a quantifier makes its parent risky too.
      const parent = stack[stack.length - 1];
      if (parent && (group?.risky || quantified)) parent.risky = true;
    }
  }
  return false;
}

/** Registers the SQL functions used by compiled conditions on this connection (idempotent). */
export function registerSearchFunctions(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function('search_fold', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? fold(s) : s === null || s === undefined ? null : fold(String(s)),
  );
  db.function('search_word_prefix', { deterministic: true }, (s: unknown, prefix: unknown) => {
    if (s === null || s === undefined || typeof prefix !== 'string') return 0;
    const text = fold(String(s));
    if (text.startsWith(prefix)) return 1;
    for (const word of text.split(WORD_SPLIT)) if (word.startsWith(prefix)) return 1;
    return 0;
  });
  db.function('search_regexp', { deterministic: true }, (pattern: unknown, s: unknown) => {
    if (s === null || s === undefined || typeof pattern !== 'string') return 0;
    const re = compileSearchRegex(pattern);
    return re.test(String(s).slice(0, MAX_REGEX_INPUT)) ? 1 : 0;
  });
  registered.add(db);
}
