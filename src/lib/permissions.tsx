import { skipToken, useQueries, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { OPERATION_PERMISSIONS, SEE_ALL_GROUPS_PERMISSIONS } from '@/api/generated/contract';
import {
  getGetAuthorizationDivisionspermittedPagedMeQueryKey,
  getGetAuthorizationDivisionspermittedPagedMeQueryOptions,
} from '@/api/generated/endpoints/authorization/authorization';
import { getGetMeQueryOptions } from '@/api/generated/endpoints/users/users';
import type { DivsPermittedEntityListing } from '@/api/generated/model/divsPermittedEntityListing';
import type { Group } from '@/api/generated/model/group';
import type { UserMe } from '@/api/generated/model/userMe';
import { useIsSignedIn } from './auth';
import { whenIdleAfterFirstScreen } from './idle';
import { mayEditGroup, mayReadRules } from './group-rules';
import { grantsOf, holds, type PermissionGrants } from './permission-match';
import type { Permission } from './permission-names';

/**
 * The signed-in user and their permissions, read once per session from
 * `GET /api/v2/users/me?expand=authorization`, and for each permission the console gates on that this
 * list does not grant, from `GET /api/v2/authorization/divisionspermitted/paged/me` (the root route's
 * loader ensures both before any page renders, so these hooks have data synchronously).
 *
 * Page code asks named questions at the top of the component:
 * ```tsx
 * const canCreate = useCan(permissionOf('createGroup'));
 * const canEdit = useCanEditGroup(group);      // edit permission, or an owner of this group
 * <Can permission={permissionOf('deleteGroup')}><DeleteGroupButton … /></Can>
 * ```
 */
export const meQueryOptions = () =>
  // The user's own language in Genesys Cloud comes with it (useAccountLanguage).
  getGetMeQueryOptions(
    { expand: ['authorization', 'languagePreference'] },
    { query: { staleTime: Infinity, gcTime: Infinity } },
  );

/** The signed-in user (with `id`, `name`, `authorization`), or undefined while unknown. */
export const useMe = (): UserMe | undefined => {
  const signedIn = useIsSignedIn();
  const { data } = useQuery({ ...meQueryOptions(), enabled: signedIn });
  return signedIn ? data : undefined;
};

/**
 * The permissions the console gates pages and controls on: every permission an operation of the contract
 * requires, and the one that shows every group whatever its visibility.
 */
export const GATED_PERMISSIONS: readonly Permission[] = [
  ...new Set([
    ...Object.values(OPERATION_PERMISSIONS).flatMap((operation) => operation.permissions),
    ...SEE_ALL_GROUPS_PERMISSIONS,
  ]),
].sort();

/** The gated permissions that `me`'s `users/me` list does not grant (wildcards and qualifiers read). */
export const ungrantedPermissions = (me: UserMe | undefined): Permission[] => {
  const listed = me?.authorization?.permissions ?? [];
  return GATED_PERMISSIONS.filter((permission) => !holds(listed, permission));
};

/**
 * `GET /api/v2/authorization/divisionspermitted/paged/me?permission=…`: the API's own answer to whether the
 * user holds `permission` in any division, asked for a permission `users/me` does not list in a shape the
 * console can read (docs/real-org.md, "Permissions"). One page of one division is enough; kept for the
 * session, and a failed answer is not asked again on mount (it counts as not granted).
 */
export const divisionsPermittedQueryOptions = (permission: Permission) =>
  getGetAuthorizationDivisionspermittedPagedMeQueryOptions(
    { permission, pageSize: 1 },
    { query: { staleTime: Infinity, gcTime: Infinity, retryOnMount: false, refetchOnWindowFocus: false } },
  );

/** The key of the question a page that demands no permission does not ask. */
// eslint-disable-next-line lingui/no-unlocalized-strings -- a query key, not words
const NO_PERMISSION_KEY = [...getGetAuthorizationDivisionspermittedPagedMeQueryKey(), 'no permission'] as const;

/**
 * The divisionspermitted question for a page that may demand a permission: asked only with `ask` and
 * a permission; without one (a route that demands none) a disabled query with nothing to ask.
 */
export const permissionAnswerQueryOptions = (
  permission: Permission | undefined,
  ask: boolean,
): Omit<ReturnType<typeof divisionsPermittedQueryOptions>, 'queryKey'> & { queryKey: QueryKey } =>
  permission
    ? { ...divisionsPermittedQueryOptions(permission), enabled: ask }
    : { queryKey: NO_PERMISSION_KEY, queryFn: skipToken, enabled: false };

/** Whether a divisionspermitted answer names at least one division (or every division). */
export const permittedSomewhere = (listing: DivsPermittedEntityListing | undefined): boolean =>
  !!listing && (listing.allDivsPermitted === true || (listing.entities?.length ?? 0) > 0 || (listing.total ?? 0) > 0);

/** Asks divisionspermitted about `permission`, once: a failed answer stays failed (not granted) for the session. */
const askOnce = (queryClient: QueryClient, permission: Permission): Promise<unknown> => {
  const options = divisionsPermittedQueryOptions(permission);
  if (queryClient.getQueryState(options.queryKey)?.status === 'error') return Promise.resolve();
  return queryClient.ensureQueryData(options).catch(() => undefined);
};

/**
 * The signed-in user, loaded before any page renders (the root loader); the answers about the permissions
 * their `users/me` list does not grant are asked when the browser is idle, so the first screen's own
 * requests go first. Until an answer comes, the control it gates stays hidden, and a page that demands
 * that permission waits for it (`usePermissionAnswer`) rather than showing its 403.
 */
export const ensurePermissions = async (queryClient: QueryClient): Promise<void> => {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  const missing = ungrantedPermissions(me);
  if (missing.length)
    whenIdleAfterFirstScreen(() => void Promise.all(missing.map((permission) => askOnce(queryClient, permission))));
};

/**
 * The ungranted permissions that divisionspermitted answered with a division, for the signed-in user. It
 * only reads the answers (asked by `ensurePermissions`): a control re-renders when one arrives.
 */
const usePermittedByDivision = (me: UserMe | undefined): Permission[] => {
  const missing = ungrantedPermissions(me);
  return useQueries({
    queries: missing.map((permission) => ({ ...divisionsPermittedQueryOptions(permission), enabled: false })),
    combine: (results) => missing.filter((_, i) => permittedSomewhere(results[i]?.data)),
  });
};

/**
 * Whether the signed-in user holds `permission`, for a page that demands it: 'pending' while the
 * divisionspermitted answer about a permission `users/me` does not grant is on its way (asked now).
 */
export const usePermissionAnswer = (permission: Permission | undefined): 'granted' | 'denied' | 'pending' => {
  const me = useMe();
  const held = !!permission && holds(me?.authorization?.permissions ?? [], permission);
  const ask = !!me && !!permission && !held;
  const answer = useQuery(permissionAnswerQueryOptions(permission, ask));
  if (!permission || held) return 'granted';
  if (!ask) return 'denied';
  if (answer.isPending && answer.fetchStatus === 'fetching') return 'pending';
  return permittedSomewhere(answer.data) ? 'granted' : 'denied';
};

/**
 * The permissions of a user: those `users/me` lists (asked by name with Genesys wildcard matching), and
 * those divisionspermitted granted (`permitted`).
 */
const permissionsOf = (me: UserMe | undefined, permitted: readonly Permission[] = []): PermissionGrants =>
  grantsOf([...(me?.authorization?.permissions ?? []), ...permitted]);

export const usePermissions = (): PermissionGrants => {
  const me = useMe();
  return permissionsOf(me, usePermittedByDivision(me));
};

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

/**
 * Whether `me` may edit `group`: `directory:group:edit`, or being one of its owners (group-rules.ts).
 * `permitted`: the permissions divisionspermitted granted beyond `users/me` (`usePermittedPermissions`).
 */
export const canEditGroup = (
  me: UserMe | undefined,
  group: Pick<Group, 'owners'> | undefined,
  permitted: readonly Permission[] = [],
): boolean => !!me && mayEditGroup(permissionsOf(me, permitted).granted, owns(me, group));

/** The permissions divisionspermitted granted the signed-in user beyond those `users/me` lists. */
export const usePermittedPermissions = (): Permission[] => usePermittedByDivision(useMe());

/** Edit permission OR the signed-in user is among `group.owners` (same rule for membership changes). */
export const useCanEditGroup = (group: Pick<Group, 'owners'> | undefined): boolean => {
  const me = useMe();
  return canEditGroup(me, group, usePermittedByDivision(me));
};

/** Whether the signed-in user may read `group`'s dynamic rules (the server answers 403 otherwise). */
export const useCanReadRules = (group: Pick<Group, 'owners' | 'rulesVisible'> | undefined): boolean => {
  const me = useMe();
  const granted = permissionsOf(me, usePermittedByDivision(me)).granted;
  return !!me && !!group && mayReadRules(granted, owns(me, group), group.rulesVisible !== false);
};
