import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getGetMeQueryOptions } from '@/api/generated/endpoints/users/users';
import type { Group } from '@/api/generated/model/group';
import type { UserMe } from '@/api/generated/model/userMe';
import { useIsSignedIn } from './auth';
import { mayEditGroup, mayReadRules } from './group-rules';
import { grantsOf, type PermissionGrants } from './permission-match';
import type { Permission } from './permission-names';

/**
 * The signed-in user and their permissions, read once per session from
 * `GET /api/v2/users/me?expand=authorization` (the root route's loader ensures it before any page
 * renders, so these hooks have data synchronously).
 *
 * Page code asks named questions at the top of the component:
 * ```tsx
 * const canCreate = useCan('directory:group:add');
 * const canEdit = useCanEditGroup(group);      // edit permission, or an owner of this group
 * <Can permission="directory:group:delete"><DeleteGroupButton … /></Can>
 * ```
 */
export const meQueryOptions = () =>
  getGetMeQueryOptions({ expand: ['authorization'] }, { query: { staleTime: Infinity, gcTime: Infinity } });

/** The signed-in user (with `id`, `name`, `authorization`), or undefined while unknown. */
export const useMe = (): UserMe | undefined => {
  const signedIn = useIsSignedIn();
  const { data } = useQuery({ ...meQueryOptions(), enabled: signedIn });
  return signedIn ? data : undefined;
};

/** The permissions of a user as the API lists them, asked by name with Genesys wildcard matching. */
const permissionsOf = (me: UserMe | undefined): PermissionGrants => grantsOf(me?.authorization?.permissions ?? []);

export const usePermissions = (): PermissionGrants => permissionsOf(useMe());

export const useCan = (permission: Permission): boolean => usePermissions().has(permission);

export interface CanProps {
  permission: Permission;
  /** Rendered instead when the permission is missing (nothing by default). */
  fallback?: ReactNode;
  children: ReactNode;
}

export const Can = ({ permission, fallback = null, children }: CanProps) => (useCan(permission) ? children : fallback);

/** Whether `me` owns `group`. */
const owns = (me: UserMe | undefined, group: Pick<Group, 'owners'> | undefined): boolean =>
  !!me?.id && !!group?.owners?.some((owner) => owner.id === me.id);

/** Whether `me` may edit `group`: `directory:group:edit`, or being one of its owners (group-rules.ts). */
export const canEditGroup = (me: UserMe | undefined, group: Pick<Group, 'owners'> | undefined): boolean =>
  !!me && mayEditGroup(permissionsOf(me).granted, owns(me, group));

/** Edit permission OR the signed-in user is among `group.owners` (same rule for membership changes). */
export const useCanEditGroup = (group: Pick<Group, 'owners'> | undefined): boolean => canEditGroup(useMe(), group);

/** Whether the signed-in user may read `group`'s dynamic rules (the server answers 403 otherwise). */
export const useCanReadRules = (group: Pick<Group, 'owners' | 'rulesVisible'> | undefined): boolean => {
  const me = useMe();
  return !!me && !!group && mayReadRules(permissionsOf(me).granted, owns(me, group), group.rulesVisible !== false);
};
