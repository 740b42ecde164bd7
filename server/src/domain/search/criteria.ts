/**
 * A generic compiler from the Genesys search request (GroupSearchRequest / UserSearchRequest) to SQL.
 *
 * API (stable; the groups and the users search both use it):
 *
 *   registerSearchFunctions(db) (db/functions.ts)
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
 *   compileSort(request, sortMap, tieBreaker) → 'ORDER BY ...' (request.ts)
 *     `sortMap` maps sortable API field names to SQL expressions; `sortBy`/`sortOrder` and `sort[]` are
 *     honoured; SCORE (no relevance here) and a missing sort fall back to the first key of `sortMap`
 *     ascending. `tieBreaker` (e.g. 'g.id') is appended so paging is stable. Unknown sortBy → 400.
 *
 *   searchPaging(request, SEARCH_LIMITS.groups | .users) → { pageSize, pageNumber, offset } (request.ts)
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
import { ApiError, badRequest } from '../../contract/errors.js';
import { compileSearchRegex, fold } from '../../db/functions.js';
import { iso, parseSearchDate } from './dates.js';

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

const CRITERIA_TYPES = [
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

// ---------------------------------------------------------------------------------------------
// Values

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** An FTS5 phrase matching `s` literally: double quotes, with inner double quotes doubled. */
const ftsPhrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

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
