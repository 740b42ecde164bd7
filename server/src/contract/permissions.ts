/**
 * The one permission matcher of the server, with the console's rules (src/lib/permission-match.ts;
 * docs/real-org.md, "Permissions"): `domain:entity:action` strings where a granted `*` matches any value
 * of its segment; a granted string with more segments is division-qualified and its first three segments
 * are the permission; the legacy one-word `admin` grants everything; anything else grants nothing, and a
 * required permission is three plain segments. Pure: no imports, so the rules (group-rules.ts) and the
 * console's parity tests can use it anywhere.
 */

/** The legacy permission that grants everything. */
export const LEGACY_ADMIN = 'admin';

/** Whether the granted permission covers the required one. */
export function permissionMatches(granted: string, required: string): boolean {
  const r = required.split(':');
  if (r.length !== 3 || r.some((part) => !part || part === '*')) return false;
  if (granted === LEGACY_ADMIN) return true;
  const g = granted.split(':');
  if (g.length < 3) return false;
  for (let i = 0; i < 3; i++) {
    if (!g[i]) return false;
    if (g[i] !== '*' && g[i] !== r[i]) return false;
  }
  return true;
}

/** Whether any granted permission covers any of the required ones. */
export function hasAnyPermission(granted: Iterable<string>, required: readonly string[]): boolean {
  for (const g of granted) for (const r of required) if (permissionMatches(g, r)) return true;
  return false;
}
