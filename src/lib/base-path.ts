/**
 * The path the console is served under: '' at the root of its origin, or e.g. '/groups-console' when
 * built with `BASE_PATH=/groups-console/` (Vite's `base`, vite.config.ts). The router's basename, the
 * sign-in redirect URI and config.json's URL all start with it.
 */
export const basePathTools = (baseUrl: string) => {
  const basePath = baseUrl.replace(/\/+$/, '');
  return {
    basePath,
    /** `pathname` as the router sees it: without the base path ('/groups-console/groups' → '/groups'). */
    routerPath: (pathname: string): string =>
      basePath && (pathname === basePath || pathname.startsWith(`${basePath}/`))
        ? pathname.slice(basePath.length) || '/'
        : pathname,
    /** The absolute URL of a router path ('/auth/callback' → 'https://host/groups-console/auth/callback'). */
    absoluteUrl: (path: string, origin = window.location.origin): string => `${origin}${basePath}${path}`,
  };
};

const tools = basePathTools(import.meta.env.BASE_URL);

export const BASE_PATH = tools.basePath;
export const { routerPath, absoluteUrl } = tools;
