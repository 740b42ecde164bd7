/** Results: every figure beside its target, printed as a table and written as JSON. */

export interface Figure {
  section: string;
  name: string;
  /** null when the figure could not be measured (see `note`). */
  value: number | null;
  unit: string;
  /** Human-readable target, e.g. "≤ 180 kB"; absent for figures reported without a target. */
  target?: string;
  /** true = met, false = missed (a finding), undefined = no target or not measured. */
  met?: boolean;
  note?: string;
  /** The stack floor's value of the same figure in the same run (null when not measured). */
  floor?: number | null;
  /** value / floor, when both are measured. */
  ratio?: number | null;
}

export type Comparator = '<' | '<=' | '>=' | '=';

export function figure(
  section: string,
  name: string,
  value: number | null,
  unit: string,
  target?: { op: Comparator; limit: number; label?: string },
  note?: string,
): Figure {
  const f: Figure = { section, name, value, unit, note };
  if (target) {
    f.target =
      target.label ??
      `${target.op === '<=' ? '≤' : target.op === '>=' ? '≥' : target.op} ${target.limit} ${unit}`.trim();
    if (value !== null) {
      f.met =
        target.op === '<'
          ? value < target.limit
          : target.op === '<='
            ? value <= target.limit
            : target.op === '>='
              ? value >= target.limit
              : value === target.limit;
    }
  }
  return f;
}

/** value / floor to two decimals; null when either is missing or the floor is 0. */
export const ratioOf = (value: number | null, floor: number | null): number | null =>
  value === null || floor === null || floor === 0 ? null : Math.round((value / floor) * 100) / 100;

/**
 * A figure read beside the stack floor's: the console's value, the floor's, and their ratio. A target
 * `of: 'ratio'` is met by the ratio (e.g. "≤ 2× floor"), otherwise by the value. Without a floor
 * (`floorValue` undefined) it is a plain figure; a ratio target is then not judged.
 */
export function compared(
  section: string,
  name: string,
  value: number | null,
  floorValue: number | null | undefined,
  unit: string,
  target?: { op: Comparator; limit: number; label?: string; of?: 'value' | 'ratio' },
  note?: string,
): Figure {
  const ratio = floorValue === undefined ? undefined : ratioOf(value, floorValue);
  if (target?.of === 'ratio') {
    const label =
      target.label ?? `${target.op === '<=' ? '≤' : target.op === '>=' ? '≥' : target.op} ${target.limit}× floor`;
    const f = figure(section, name, ratio ?? null, '', { ...target, label }, note);
    const judged: Figure = { ...f, value, unit };
    return floorValue === undefined ? judged : { ...judged, floor: floorValue, ratio: ratio ?? null };
  }
  const f = figure(section, name, value, unit, target, note);
  return floorValue === undefined ? f : { ...f, floor: floorValue, ratio: ratio ?? null };
}

export const notMeasured = (section: string, name: string, reason: string): Figure => ({
  section,
  name,
  value: null,
  unit: '',
  note: `not measured: ${reason}`,
});

/** Sorted-copy percentile (nearest rank), p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const round = (value: number | null, digits = 1): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const formatValue = (f: Figure) =>
  f.value === null ? '—' : `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`;

const formatFloor = (f: Figure) =>
  f.floor === undefined
    ? ''
    : f.floor === null
      ? '—'
      : `${f.floor.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`;

const formatRatio = (f: Figure) => (f.ratio === undefined ? '' : f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`);

const verdict = (f: Figure) => (f.met === true ? 'ok' : f.met === false ? 'MISS' : '');

/** A plain-text table, one block per section: the console's value, the floor's and their ratio where measured. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    formatValue(f),
    formatFloor(f),
    formatRatio(f),
    f.target ?? '',
    verdict(f),
    f.note ?? '',
  ]);
  const header = ['section', 'figure', 'console', 'floor', 'ratio', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let previous = '';
  for (const row of rows) {
    if (row[0] === previous) row[0] = '';
    else previous = row[0]!;
    out.push(line(row));
  }
  return out.join('\n');
}
