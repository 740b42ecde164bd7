import type { Person } from '../core/transfer';

export const COMPARE_SETS = ['onlyA', 'onlyB', 'both'] as const;
export type CompareSet = (typeof COMPARE_SETS)[number];

export interface CompareResult {
  onlyA: Person[];
  onlyB: Person[];
  both: Person[];
}

/**
 * Members only in A, only in B, and in both, each in the order read (the API lists members by name);
 * `both` follows A's order. Only ids and names are kept: the details of a page are read when shown.
 */
export const compareMembers = (a: readonly Person[], b: readonly Person[]): CompareResult => {
  const inA = new Set(a.map((p) => p.id));
  const inB = new Set(b.map((p) => p.id));
  return {
    onlyA: a.filter((p) => !inB.has(p.id)),
    onlyB: b.filter((p) => !inA.has(p.id)),
    both: a.filter((p) => inB.has(p.id)),
  };
};

/** One page of a set, in the chosen order. */
export const pageOf = <T>(items: readonly T[], page: number, pageSize: number, order: 'ASC' | 'DESC'): T[] => {
  const ordered = order === 'DESC' ? [...items].reverse() : items;
  return ordered.slice((page - 1) * pageSize, page * pageSize);
};
