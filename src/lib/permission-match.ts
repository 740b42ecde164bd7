import type { Permission } from './permission-names';

/**
 * Permission matching as Genesys Cloud's answers need it (docs/real-org.md, "Permissions"):
 * - a permission is `domain:entity:action`; a granted segment `*` matches any value there
 *   (`directory:group:*`, `directory:*:*`, `*:*:*`);
 * - a granted string with more segments is division-qualified (Genesys's own apps match `users/me`
 *   permissions by prefix "because of how permissions look with divisions"): its first three segments
 *   are the permission;
 * - the legacy one-word `admin` permission ("can create, update, or delete anything within the
 *   organization") grants everything;
 * - anything else grants nothing, and a required permission is always three plain segments.
 * The server's matcher (server/src/contract/permissions.ts) follows the same rules; a parity test
 * checks them on one table.
 */
const segments = (permission: string, qualified: boolean): string[] | null => {
  const parts = permission.split(':');
  if (parts.length < 3 || (!qualified && parts.length > 3)) return null;
  const permissionParts = parts.slice(0, 3);
  return permissionParts.every((p) => p !== '') ? permissionParts : null;
};

/** The legacy permission that grants everything. */
export const LEGACY_ADMIN = 'admin';

/** Whether the granted permission (wildcards, division qualifier or legacy admin) covers the required one. */
export const permissionMatches = (granted: string, required: string): boolean => {
  const need = segments(required, false);
  if (!need || need.includes('*')) return false;
  if (granted === LEGACY_ADMIN) return true;
  const have = segments(granted, true);
  if (!have) return false;
  return have.every((part, i) => part === '*' || part === need[i]);
};

/** Whether any of the granted permissions covers the required one. */
export const holds = (granted: readonly string[], required: string): boolean =>
  granted.some((g) => permissionMatches(g, required));

/** Whether the granted permissions cover at least one of `required` (an operation's `x-permissions`). */
export const holdsAny = (granted: readonly string[], required: readonly string[]): boolean =>
  required.some((r) => holds(granted, r));

/** A user's granted permissions, asked by name. */
export interface PermissionGrants {
  /** The strings as the API listed them (wildcards included). */
  readonly granted: readonly string[];
  has(permission: Permission): boolean;
}

export const grantsOf = (granted: readonly string[]): PermissionGrants => ({
  granted,
  has: (permission) => holds(granted, permission),
});
