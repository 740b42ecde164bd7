/**
 * The path the console is served under: '' at the root of its origin, or e.g. '/groups-console' when
 * built with `BASE_PATH=/groups-console/` (Vite's `base`, vite.config.ts). The router's basename, the
 * sign-in redirect URI and config.json's URL all start with it.
 */
export const BASE_PATH = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** `pathname` as the router sees it: without BASE_PATH ('/groups-console/groups' → '/groups'). */
export const routerPath = (pathname: string): string =>
  BASE_PATH && (pathname === BASE_PATH || pathname.startsWith(`${BASE_PATH}/`))
    ? pathname.slice(BASE_PATH.length) || '/'
    : pathname;

/** The absolute URL of a router path on this origin ('/auth/callback' → 'https://host/groups-console/auth/callback'). */
export const absoluteUrl = (path: string, origin = window.location.origin): string => `${origin}${BASE_PATH}${path}`;
