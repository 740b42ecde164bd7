import { PERMISSION_NAMES, type PermissionName } from '@/api/generated/contract';

/**
 * The Genesys Cloud permission names the console checks: those `openapi/groups.yaml` names
 * (`x-permissions`), generated into src/api/generated/contract.ts. The embedded server answers 403
 * for the same names, and `users/me?expand=authorization` lists the caller's (possibly with `*`
 * wildcards: see permission-match.ts).
 */
export type Permission = PermissionName;

export const isPermission = (value: string): value is Permission =>
  (PERMISSION_NAMES as readonly string[]).includes(value);
