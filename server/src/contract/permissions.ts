/**
 * The one permission matcher. Genesys permissions are `domain:entity:action` strings; a granted
 * permission with `*` in a segment matches any value there (`directory:group:*`, `directory:*:*`).
 * Pure: no imports, so the rules (group-rules.ts) and their parity test can use it anywhere.
 */

/** Whether the granted permission covers the required one. Strings not of three segments match nothing. */
export function permissionMatches(granted: string, required: string): boolean {
  const g = granted.split(':');
  const r = required.split(':');
  if (g.length !== 3 || r.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    if (!g[i] || !r[i]) return false;
    if (g[i] !== '*' && g[i] !== r[i]) return false;
  }
  return true;
}

/** Whether any granted permission covers any of the required ones. */
export function hasAnyPermission(granted: Iterable<string>, required: readonly string[]): boolean {
  for (const g of granted) for (const r of required) if (permissionMatches(g, r)) return true;
  return false;
}
