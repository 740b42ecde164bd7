/** Dates in search values: ISO-8601 instants, coarser values (a day, a minute...) and `dateFormat` patterns. */
import { ApiError, badRequest } from '../../contract/errors.js';

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

export const iso = (ms: number, fieldName: string, raw: string): string => {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw invalidDate(raw, fieldName);
  return d.toISOString();
};
