/**
 * The Genesys Cloud permission strings the console checks. The embedded server answers 403 for the
 * same strings, and `users/me?expand=authorization` lists the caller's ones.
 */
export const PERMISSIONS = [
  'directory:group:add',
  'directory:group:edit',
  'directory:group:delete',
  'directory:group:view',
  'directory:privateGroup:view',
  'directory:user:view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);
