/**
 * A generic compiler from the Genesys search request (GroupSearchRequest / UserSearchRequest) to SQL.
 *
 * API (stable; the groups and the users search both use it):
 *
 *   registerSearchFunctions(db)
 *     Registers the SQL functions the compiled conditions call (`search_fold`, `search_word_prefix`,
 *     `search_regexp`). Call it once per connection before running a compiled condition; it is idempotent.
 *
 *   compileCriteria(criteria, fieldMap, path = 'query') → { where, params }
 *     `criteria` is the request's `query` array (SearchCriteria[]; undefined or [] matches everything).
 *     `fieldMap` maps API field names to FieldSpec (below). `where` is a parenthesised SQL boolean
 *     expression with `?` placeholders; `params` their values, in order. Bad input throws ApiError 400
 *     (unknown field, bad type, missing value, bad number/date, invalid or unsafe regex), with
 *     `details[].fieldName` a path such as `query[0].fields[1]`.
 *
 *   compileSort(request, sortMap, tieBreaker) → 'ORDER BY ...'
 *     `sortMap` maps sortable API field names to SQL expressions; `sortBy`/`sortOrder` and `sort[]` are
 *     honoured; SCORE (no relevance here) and a missing sort fall back to the first key of `sortMap`
 *     ascending. `tieBreaker` (e.g. 'g.id') is appended so paging is stable. Unknown sortBy → 400.
 *
 *   searchPaging(request, { maxPageSize = 100, window = 10_000 }) → { pageSize, pageNumber, offset }
 *     Defaults 25 / 1; pageSize 1..maxPageSize, pageNumber ≥ 1, pageSize × pageNumber ≤ window (400 beyond).
 *
 * Criteria semantics: within one list, every AND criterion must match, at least one OR criterion must
 * match (when there are any), and no NOT criterion may match. A criterion listing several `fields`
 * matches when any of them matches (REQUIRED_FIELDS: when all of them are set). `group` nests a list
 * with the same rules; a criterion with a `group` matches when the group matches (and, when it also has
 * fields and a type other than MATCH_ALL, its own condition too).
 *   EXACT            equality ignoring case (dates: the instant, or the whole day/minute/... of a coarser value)
 *   STARTS_WITH/TERM a prefix of the field, or of any word in it (words split on anything not a letter/digit)
 *   CONTAINS         a substring ignoring case
 *   TERMS            any of `values` (EXACT semantics)
 *   REGEX            the whole value matches the pattern (anchored; case-insensitive; ≤ 256 chars;
 *                    back-references and nested quantifiers refused as unsafe)
 *   REQUIRED_FIELDS  the fields are set (not null, not empty; lists: not empty)
 *   MATCH_ALL        everything
 *   startValue / endValue (on any type but REQUIRED_FIELDS / MATCH_ALL; also type RANGE): inclusive range
 *   on number and date fields (and text, compared ignoring case).
 * Values are always bound parameters; LIKE patterns escape `%`, `_` and `\`. CONTAINS on a field with a
 * `substringIndex` narrows the rows with that index first (same results, without a scan).
 * Date columns must hold `Date#toISOString()` strings (they are compared as text).
 */
import type Database from 'better-sqlite3';
import { ApiError, badRequest } from '../../contract/errors.js';

export type FieldKind = 'text' | 'enum' | 'id' | 'number' | 'date' | 'list';

export interface ScalarFieldSpec {
  kind: 'text' | 'enum' | 'id' | 'number' | 'date';
  /** SQL expression for the value, e.g. `g.name`. */
  sql: string;
  /**
   * Optional SQL expression holding the value already folded to lower case (e.g. `g.sort_name`);
   * used for text matching in place of `search_fold(sql)` so an index can serve it.
   */
  folded?: string;
  /**
   * Optional trigram index (an FTS5 table with `tokenize = 'trigram'`) holding this field folded as the
   * search folds it (NFC, lower case). CONTAINS values of 3 or more characters first narrow the rows to
   * the index's matches, then check the exact condition on those.
   *   match:  SQL condition with one `?` bound to an FTS5 query, e.g.
   *           `g.rowid IN (SELECT rowid FROM groups_fts WHERE groups_fts MATCH ?)`
   *   column: the index column that holds this field, e.g. `name`
   */
  substringIndex?: { match: string; column: string };
}

export interface ListFieldSpec {
  kind: 'list';
  /** FROM clause of the correlated subquery, e.g. `group_owners go`. */
  from: string;
  /** Correlation condition, e.g. `go.group_id = g.id`. */
  where: string;
  /** SQL expression of one element, e.g. `go.user_id`. */
  value: string;
  /** How an element compares: 'id' (exact, ignoring case) or 'text'. */
  elementKind: 'id' | 'text';
}

export type FieldSpec = ScalarFieldSpec | ListFieldSpec;
export type FieldMap = Readonly<Record<string, FieldSpec>>;

export const CRITERIA_TYPES = [
  'EXACT',
  'STARTS_WITH',
  'CONTAINS',
  'REGEX',
  'TERM',
  'TERMS',
  'REQUIRED_FIELDS',
  'MATCH_ALL',
  'RANGE',
  'QUERY_STRING',
] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];

export interface SearchCriteria {
  type?: string;
  fields?: string[];
  value?: string;
  values?: string[];
  startValue?: string;
  endValue?: string;
  dateFormat?: string;
  operator?: string;
  group?: SearchCriteria[];
}

export interface SearchSort {
  sortOrder?: string;
  sortBy?: string;
}

export interface SearchRequestBase {
  sortOrder?: string;
  sortBy?: string;
  pageSize?: number;
  pageNumber?: number;
  sort?: SearchSort[];
  query?: SearchCriteria[];
  expand?: string[];
}

export interface CompiledCondition {
  where: string;
  params: unknown[];
}

const MAX_DEPTH = 10;
const MAX_CRITERIA = 200;
const MAX_VALUE_LENGTH = 1000;
export const MAX_REGEX_LENGTH = 256;
const MAX_REGEX_INPUT = 2000;

// ---------------------------------------------------------------------------------------------
// SQL functions

const fold = (s: string): string => s.normalize('NFC').toLowerCase();

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

// ---------------------------------------------------------------------------------------------
// Values

export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** An FTS5 phrase matching `s` literally: double quotes, with inner double quotes doubled. */
export const ftsPhrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function requireValue(c: SearchCriteria, path: string): string {
  if (typeof c.value === 'string' && c.value.length > 0) {
    if (c.value.length > MAX_VALUE_LENGTH)
      throw badRequest(`The search value is longer than ${MAX_VALUE_LENGTH} characters.`, [
        { errorCode: 'bad.request', fieldName: `${path}.value` },
      ]);
    return c.value;
  }
  if (Array.isArray(c.values) && c.values.length === 1 && typeof c.values[0] === 'string') return c.values[0];
  throw badRequest(`A ${c.type} criterion needs a value.`, [{ errorCode: 'bad.request', fieldName: `${path}.value` }]);
}

function requireValues(c: SearchCriteria, path: string): string[] {
  const values =
    Array.isArray(c.values) && c.values.length > 0
      ? c.values
      : typeof c.value === 'string' && c.value !== ''
        ? [c.value]
        : [];
  if (values.length === 0)
    throw badRequest(`A ${c.type} criterion needs values.`, [
      { errorCode: 'bad.request', fieldName: `${path}.values` },
    ]);
  if (values.length > 1000)
    throw badRequest('A TERMS criterion accepts at most 1000 values.', [
      { errorCode: 'bad.request', fieldName: `${path}.values` },
    ]);
  values.forEach((v, i) => {
    if (typeof v !== 'string')
      throw badRequest('Search values must be strings.', [
        { errorCode: 'bad.request', fieldName: `${path}.values[${i}]` },
      ]);
  });
  return values;
}

function parseNumber(v: string, fieldName: string): number {
  const n = Number(v.trim());
  if (v.trim() === '' || !Number.isFinite(n))
    throw badRequest(`"${v}" is not a number.`, [{ errorCode: 'bad.request', fieldName }]);
  return n;
}

interface ParsedDate {
  start: number;
  /** Size of the instant's precision in ms (e.g. 86,400,000 for a date without a time). */
  span: number;
}

const invalidDate = (v: string, fieldName: string, why = ''): ApiError =>
  new ApiError(400, 'invalid.date', `"${v}" is not a valid date${why}.`, {
    details: [{ errorCode: 'invalid.date', fieldName }],
  });

/**
 * Parses a date value. Without `dateFormat`: ISO-8601 (date, date-time, with or without zone; no zone = UTC)
 * or epoch milliseconds. With `dateFormat`: a Java pattern using yyyy, MM, dd, HH, mm, ss, SSS, X/XX/XXX/Z
 * and quoted literals; other letters are refused.
 */
export function parseSearchDate(v: string, dateFormat: string | undefined, fieldName: string): ParsedDate {
  const value = v.trim();
  if (dateFormat) return parseWithJavaPattern(value, dateFormat, fieldName);
  if (/^\d{10,}$/.test(value)) return { start: Number(value), span: 1 };
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value,
    );
  if (!m) throw invalidDate(v, fieldName);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const span = h === undefined ? 86_400_000 : s === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return {
    start: toEpoch(
      v,
      fieldName,
      +y!,
      +mo!,
      +d!,
      +(h ?? 0),
      +(mi ?? 0),
      +(s ?? 0),
      frac ? Math.floor(+(frac + '00').slice(0, 3)) : 0,
      zone,
    ),
    span,
  };
}

function toEpoch(
  raw: string,
  fieldName: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone?: string,
): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) throw invalidDate(raw, fieldName);
  let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  if (check.getUTCDate() !== d) throw invalidDate(raw, fieldName);
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zm) throw invalidDate(raw, fieldName);
    const offset = (+zm[2]! * 60 + +zm[3]!) * 60_000;
    t -= zm[1] === '+' ? offset : -offset;
  }
  return t;
}

function parseWithJavaPattern(value: string, pattern: string, fieldName: string): ParsedDate {
  if (pattern.length > 64) throw badRequest('dateFormat is too long.', [{ errorCode: 'bad.request', fieldName }]);
  const tokens: string[] = [];
  let re = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw badRequest(`Invalid dateFormat "${pattern}".`, [{ errorCode: 'bad.request', fieldName }]);
      re += end === i + 1 ? "'" : escapeRegex(pattern.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const tok = pattern.slice(i, j);
      i = j;
      const part: Record<string, string> = {
        y: '(\\d{4})',
        M: '(\\d{1,2})',
        d: '(\\d{1,2})',
        H: '(\\d{1,2})',
        m: '(\\d{1,2})',
        s: '(\\d{1,2})',
        S: '(\\d{1,9})',
        X: '(Z|[+-]\\d{2}(?::?\\d{2})?)',
        Z: '(Z|[+-]\\d{2}:?\\d{2})',
      };
      const p = part[c];
      if (!p)
        throw badRequest(`dateFormat letter "${c}" is not supported (use y, M, d, H, m, s, S, X, Z).`, [
          { errorCode: 'bad.request', fieldName },
        ]);
      tokens.push(c === 'y' && tok.length === 2 ? 'yy' : c);
      re += c === 'y' && tok.length === 2 ? '(\\d{2})' : p;
      continue;
    }
    re += escapeRegex(c);
    i++;
  }
  const m = new RegExp(`^${re}$`).exec(value);
  if (!m) throw invalidDate(value, fieldName, ` for the format "${pattern}"`);
  const f: Record<string, string> = {};
  tokens.forEach((t, k) => (f[t] = m[k + 1]!));
  const year = f.y ? +f.y : f.yy ? 2000 + +f.yy : 1970;
  const span = f.S ? 1 : f.s ? 1000 : f.m ? 60_000 : f.H ? 3_600_000 : f.d ? 86_400_000 : 86_400_000;
  let zone = f.X ?? f.Z;
  if (zone && /^[+-]\d{2}$/.test(zone)) zone += '00';
  return {
    start: toEpoch(
      value,
      fieldName,
      year,
      f.M ? +f.M : 1,
      f.d ? +f.d : 1,
      f.H ? +f.H : 0,
      f.m ? +f.m : 0,
      f.s ? +f.s : 0,
      f.S ? Math.floor(+(f.S + '00').slice(0, 3)) : 0,
      zone,
    ),
    span,
  };
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const iso = (ms: number, fieldName: string, raw: string): string => {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw invalidDate(raw, fieldName);
  return d.toISOString();
};

// ---------------------------------------------------------------------------------------------
// Compiler

const normaliseType = (t: unknown, path: string): CriteriaType => {
  const up = typeof t === 'string' ? t.toUpperCase() : '';
  if ((CRITERIA_TYPES as readonly string[]).includes(up) && up !== 'QUERY_STRING') return up as CriteriaType;
  throw new ApiError(
    400,
    'invalid.value',
    `Unknown search criteria type "${String(t)}". Valid types: EXACT, STARTS_WITH, CONTAINS, REGEX, TERM, TERMS, REQUIRED_FIELDS, MATCH_ALL.`,
    {
      details: [{ errorCode: 'invalid.value', fieldName: `${path}.type` }],
    },
  );
};

const normaliseOperator = (op: unknown, path: string): 'AND' | 'OR' | 'NOT' => {
  if (op === undefined || op === null || op === '') return 'AND';
  const up = typeof op === 'string' ? op.toUpperCase() : '';
  if (up === 'AND' || up === 'OR' || up === 'NOT') return up;
  throw new ApiError(400, 'invalid.value', `Unknown search operator "${String(op)}". Valid operators: AND, OR, NOT.`, {
    details: [{ errorCode: 'invalid.value', fieldName: `${path}.operator` }],
  });
};

class Builder {
  readonly params: unknown[] = [];
  count = 0;
  constructor(readonly fieldMap: FieldMap) {}

  list(criteria: SearchCriteria[] | undefined, path: string, depth: number): string {
    if (criteria === undefined || criteria === null) return '1';
    if (!Array.isArray(criteria))
      throw badRequest('Search criteria must be an array.', [{ errorCode: 'bad.request', fieldName: path }]);
    if (depth > MAX_DEPTH)
      throw badRequest(`Search criteria nest deeper than ${MAX_DEPTH} levels.`, [
        { errorCode: 'bad.request', fieldName: path },
      ]);
    const must: string[] = [];
    const should: string[] = [];
    const mustNot: string[] = [];
    criteria.forEach((c, i) => {
      const p = `${path}[${i}]`;
      if (++this.count > MAX_CRITERIA)
        throw badRequest(`A search may hold at most ${MAX_CRITERIA} criteria.`, [
          { errorCode: 'bad.request', fieldName: p },
        ]);
      if (!c || typeof c !== 'object')
        throw badRequest('Each search criterion must be an object.', [{ errorCode: 'bad.request', fieldName: p }]);
      const op = normaliseOperator(c.operator, p);
      const sql = this.criterion(c, p, depth);
      (op === 'AND' ? must : op === 'OR' ? should : mustNot).push(sql);
    });
    const parts = [...must];
    if (should.length) parts.push(`(${should.join(' OR ')})`);
    for (const n of mustNot) parts.push(`NOT ${n}`);
    return parts.length ? `(${parts.join(' AND ')})` : '1';
  }

  criterion(c: SearchCriteria, path: string, depth: number): string {
    const hasGroup = Array.isArray(c.group) && c.group.length > 0;
    const type = c.type === undefined && hasGroup ? 'MATCH_ALL' : normaliseType(c.type, path);
    const parts: string[] = [];
    if (hasGroup) parts.push(this.list(c.group, `${path}.group`, depth + 1));
    const hasFields = Array.isArray(c.fields) && c.fields.length > 0;
    if (type !== 'MATCH_ALL' && !(hasGroup && !hasFields)) parts.push(this.fieldsCondition(c, type, path));
    if (parts.length === 0) return '(1)';
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  }

  fieldsCondition(c: SearchCriteria, type: CriteriaType, path: string): string {
    if (!Array.isArray(c.fields) || c.fields.length === 0) {
      throw badRequest(`A ${type} criterion needs fields.`, [
        { errorCode: 'bad.request', fieldName: `${path}.fields` },
      ]);
    }
    const specs = c.fields.map((f, i) => {
      const spec = typeof f === 'string' ? this.fieldMap[f] : undefined;
      if (!spec || !Object.prototype.hasOwnProperty.call(this.fieldMap, f)) {
        throw badRequest(
          `Unknown search field "${String(f)}". Searchable fields: ${Object.keys(this.fieldMap).join(', ')}.`,
          [{ errorCode: 'bad.request', fieldName: `${path}.fields[${i}]` }],
        );
      }
      return { name: f, spec, path: `${path}.fields[${i}]` };
    });
    const isRange =
      type === 'RANGE' || ((c.startValue !== undefined || c.endValue !== undefined) && type !== 'REQUIRED_FIELDS');
    const conds = specs.map(({ spec, path: fp }) =>
      isRange ? this.range(c, spec, fp, path) : this.fieldCondition(c, type, spec, fp, path),
    );
    if (type === 'REQUIRED_FIELDS') return `(${conds.join(' AND ')})`;
    return conds.length === 1 ? conds[0]! : `(${conds.join(' OR ')})`;
  }

  range(c: SearchCriteria, spec: FieldSpec, fieldPath: string, path: string): string {
    if (c.startValue === undefined && c.endValue === undefined) {
      throw badRequest('A range criterion needs startValue or endValue.', [
        { errorCode: 'bad.request', fieldName: `${path}.startValue` },
      ]);
    }
    if (spec.kind === 'list')
      throw badRequest('Ranges are not supported on this field.', [{ errorCode: 'bad.request', fieldName: fieldPath }]);
    const conds: string[] = [];
    const bound = (raw: string | undefined, which: 'startValue' | 'endValue'): void => {
      if (raw === undefined || raw === null) return;
      if (typeof raw !== 'string')
        throw badRequest(`${which} must be a string.`, [{ errorCode: 'bad.request', fieldName: `${path}.${which}` }]);
      const fp = `${path}.${which}`;
      const cmp = which === 'startValue' ? '>=' : '<=';
      if (spec.kind === 'number') {
        conds.push(`${spec.sql} ${cmp} ?`);
        this.params.push(parseNumber(raw, fp));
      } else if (spec.kind === 'date') {
        const d = parseSearchDate(raw, c.dateFormat, fp);
        // endValue covers the whole span of its precision (endValue "2024-05-01" includes that day).
        if (which === 'startValue') {
          conds.push(`${spec.sql} >= ?`);
          this.params.push(iso(d.start, fp, raw));
        } else {
          conds.push(`${spec.sql} < ?`);
          this.params.push(iso(d.start + d.span, fp, raw));
        }
      } else {
        conds.push(`${this.foldedExpr(spec)} ${cmp} ?`);
        this.params.push(fold(raw));
      }
    };
    bound(c.startValue, 'startValue');
    bound(c.endValue, 'endValue');
    return `(${conds.join(' AND ')})`;
  }

  foldedExpr(spec: ScalarFieldSpec): string {
    if (spec.folded) return spec.folded;
    if (spec.kind === 'enum' || spec.kind === 'id') return `lower(${spec.sql})`;
    return `search_fold(${spec.sql})`;
  }

  fieldCondition(c: SearchCriteria, type: CriteriaType, spec: FieldSpec, fieldPath: string, path: string): string {
    if (spec.kind === 'list') {
      const element: ScalarFieldSpec = { kind: spec.elementKind, sql: spec.value };
      if (type === 'REQUIRED_FIELDS') return `EXISTS (SELECT 1 FROM ${spec.from} WHERE ${spec.where})`;
      const inner = this.scalar(c, type, element, fieldPath, path);
      return `EXISTS (SELECT 1 FROM ${spec.from} WHERE ${spec.where} AND ${inner})`;
    }
    return this.scalar(c, type, spec, fieldPath, path);
  }

  scalar(c: SearchCriteria, type: CriteriaType, spec: ScalarFieldSpec, fieldPath: string, path: string): string {
    const { sql } = spec;
    if (type === 'REQUIRED_FIELDS') {
      return spec.kind === 'text' || spec.kind === 'enum' || spec.kind === 'id'
        ? `(${sql} IS NOT NULL AND ${sql} <> '')`
        : `(${sql} IS NOT NULL)`;
    }
    if (spec.kind === 'number' || spec.kind === 'date') {
      if (type === 'EXACT' || type === 'TERMS') {
        const values = type === 'EXACT' ? [requireValue(c, path)] : requireValues(c, path);
        const ors = values.map((v) =>
          this.exactNumeric(spec, v, c.dateFormat, type === 'EXACT' ? `${path}.value` : `${path}.values`),
        );
        return ors.length === 1 ? ors[0]! : `(${ors.join(' OR ')})`;
      }
      if (type === 'REGEX' && spec.kind === 'number') {
        // Numbers match as their decimal text.
        const v = requireValue(c, path);
        compileSearchRegex(v, `${path}.value`);
        this.params.push(v);
        return `search_regexp(?, CAST(${sql} AS TEXT))`;
      }
      if (spec.kind === 'number' || type === 'REGEX') {
        throw badRequest(`${type} is not supported on a ${spec.kind} field; use EXACT, TERMS or a range.`, [
          { errorCode: 'bad.request', fieldName: fieldPath },
        ]);
      }
      // Text matching on a date's ISO form (e.g. STARTS_WITH "2024-05").
    }
    const f = this.foldedExpr(spec);
    switch (type) {
      case 'EXACT':
      case 'TERMS': {
        const values = type === 'EXACT' ? [requireValue(c, path)] : requireValues(c, path);
        if (spec.kind === 'id' && !spec.folded) {
          // Ids: compare the column itself so its index serves, as given and lower-cased.
          const vs = [...new Set(values.flatMap((v) => [v, v.toLowerCase()]))];
          this.params.push(...vs);
          return `${sql} IN (${vs.map(() => '?').join(', ')})`;
        }
        const vs = [...new Set(values.map(fold))];
        this.params.push(...vs);
        return vs.length === 1 ? `${f} = ?` : `${f} IN (${vs.map(() => '?').join(', ')})`;
      }
      case 'STARTS_WITH':
      case 'TERM': {
        const v = fold(requireValue(c, path));
        this.params.push(`${escapeLike(v)}%`, v);
        return `(${f} LIKE ? ESCAPE '\\' OR search_word_prefix(${f}, ?))`;
      }
      case 'CONTAINS': {
        const v = fold(requireValue(c, path));
        const like = `${f} LIKE ? ESCAPE '\\'`;
        const index = spec.substringIndex;
        // A trigram index finds substrings of 3 characters or more; shorter values scan.
        if (!index || [...v].length < 3 || v.includes('\0')) {
          this.params.push(`%${escapeLike(v)}%`);
          return like;
        }
        this.params.push(`{${index.column}} : ${ftsPhrase(v)}`, `%${escapeLike(v)}%`);
        return `(${index.match} AND ${like})`;
      }
      case 'REGEX': {
        const v = requireValue(c, path);
        compileSearchRegex(v, `${path}.value`);
        this.params.push(v);
        return `search_regexp(?, ${sql})`;
      }
      default:
        throw badRequest(`Unsupported criteria type ${type}.`, [
          { errorCode: 'bad.request', fieldName: `${path}.type` },
        ]);
    }
  }

  exactNumeric(spec: ScalarFieldSpec, v: string, dateFormat: string | undefined, fp: string): string {
    if (spec.kind === 'number') {
      this.params.push(parseNumber(v, fp));
      return `${spec.sql} = ?`;
    }
    const d = parseSearchDate(v, dateFormat, fp);
    if (d.span === 1) {
      this.params.push(iso(d.start, fp, v));
      return `${spec.sql} = ?`;
    }
    this.params.push(iso(d.start, fp, v), iso(d.start + d.span, fp, v));
    return `(${spec.sql} >= ? AND ${spec.sql} < ?)`;
  }
}

/** Compiles a search request's `query` into a SQL condition over the rows described by `fieldMap`. */
export function compileCriteria(
  criteria: SearchCriteria[] | undefined,
  fieldMap: FieldMap,
  path = 'query',
): CompiledCondition {
  const b = new Builder(fieldMap);
  const where = b.list(criteria, path, 0);
  return { where, params: b.params };
}

// ---------------------------------------------------------------------------------------------
// Sort and paging

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

/** Validates the paging of a search request. */
export function searchPaging(request: SearchRequestBase, { maxPageSize = 100, window = 10_000 } = {}): SearchPage {
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
