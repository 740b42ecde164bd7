import type { Permission } from './permission-names';

/**
 * Permission matching as Genesys Cloud evaluates it: a permission is `domain:entity:action`, and a
 * granted permission whose segment is `*` matches any value of that segment (`directory:group:*`,
 * `directory:*:*`, `*:*:*`). Anything else must be equal segment by segment; strings of another shape
 * grant nothing.
 */
const segments = (permission: string): string[] | null => {
  const parts = permission.split(':');
  return parts.length === 3 && parts.every((p) => p !== '') ? parts : null;
};

/** Whether the granted permission (possibly with wildcards) covers the required one. */
export const permissionMatches = (granted: string, required: string): boolean => {
  const have = segments(granted);
  const need = segments(required);
  if (!have || !need) return false;
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
