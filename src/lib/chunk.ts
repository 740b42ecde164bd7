/** Splits a list into consecutive runs of at most `size` items (the last may be shorter). */
export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  if (size < 1) throw new RangeError('Batch size must be at least 1.');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
