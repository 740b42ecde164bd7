import { type Permission, permissionOf } from '@/lib/permission-names';

/**
 * Every URL of the console, with a typed href builder, so links are never concatenated by hand.
 * `path` is the React Router pattern; `permission` (when set) is what the route's `handle` demands
 * and what the navigation checks before showing a link to it.
 */
const withSearch = (base: string, search?: string | URLSearchParams | Record<string, string>): string => {
  if (search === undefined) return base;
  const s = typeof search === 'string' ? search.replace(/^\?/, '') : new URLSearchParams(search).toString();
  return s ? `${base}?${s}` : base;
};

const CREATE_PERMISSION: Permission = permissionOf('createGroup');

export const paths = {
  home: { path: '/', getHref: () => '/' },
  groups: {
    list: {
      path: '/groups',
      /** `search`: the list's URL state (query string, URLSearchParams or a plain record). */
      getHref: (search?: string | URLSearchParams | Record<string, string>) => withSearch('/groups', search),
    },
    new: {
      path: '/groups/new',
      permission: CREATE_PERMISSION,
      getHref: () => '/groups/new',
    },
    compare: {
      path: '/groups/compare',
      /** Compares group `a` with group `b` (either may be missing: the page asks for it). */
      getHref: (a?: string, b?: string) => withSearch('/groups/compare', { ...(a ? { a } : {}), ...(b ? { b } : {}) }),
    },
    deleted: {
      path: '/groups/deleted',
      /** Restoring creates groups; the page also needs the history permission (it checks that itself). */
      permission: CREATE_PERMISSION,
      /** `groupId`: the deleted group whose entry the page points out. */
      getHref: (groupId?: string) => withSearch('/groups/deleted', groupId ? { group: groupId } : undefined),
    },
    detail: {
      path: '/groups/:groupId',
      getHref: (groupId: string) => `/groups/${encodeURIComponent(groupId)}`,
    },
    edit: {
      path: '/groups/:groupId/edit',
      getHref: (groupId: string) => `/groups/${encodeURIComponent(groupId)}/edit`,
    },
  },
  settings: { path: '/settings', getHref: () => '/settings' },
  auth: {
    callback: { path: '/auth/callback', getHref: () => '/auth/callback' },
    signedOut: { path: '/signed-out', getHref: () => '/signed-out' },
  },
} as const;

/** Pages that work without a session: sign-in itself, the signed-out page and the environment settings. */
export const PUBLIC_PATHS: readonly string[] = [
  paths.auth.callback.path,
  paths.auth.signedOut.path,
  paths.settings.path,
];
