import {
  OPERATION_PERMISSIONS,
  PERMISSION_NAMES,
  SEE_ALL_GROUPS_PERMISSIONS,
  type PermissionName,
} from '@/api/generated/contract';

/**
 * The Genesys Cloud permission names the console checks: those `openapi/groups.yaml` names
 * (`x-permissions`), generated into src/api/generated/contract.ts. The embedded server answers 403
 * for the same names, and `users/me?expand=authorization` lists the caller's (possibly with `*`
 * wildcards: see permission-match.ts). Controls name the operation they offer, never the permission:
 * `useCan(permissionOf('deleteGroup'))`.
 */
export type Permission = PermissionName;

export const isPermission = (value: string): value is Permission =>
  (PERMISSION_NAMES as readonly string[]).includes(value);

type Operations = typeof OPERATION_PERMISSIONS;

/** The operations (by operationId) that need a permission. */
export type GatedOperation = {
  [K in keyof Operations]: Operations[K]['permissions'] extends readonly [] ? never : K;
}[keyof Operations];

/** The permission an operation needs (the first of its `x-permissions`), as the generated table has it. */
export const permissionOf = <K extends GatedOperation>(operationId: K): Operations[K]['permissions'][number] =>
  OPERATION_PERMISSIONS[operationId].permissions[0] as Operations[K]['permissions'][number];

/** The permission whose holders see groups of every visibility (`x-see-all-permissions`). */
export const SEE_ALL_GROUPS_PERMISSION: Permission = SEE_ALL_GROUPS_PERMISSIONS[0];
