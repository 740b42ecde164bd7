import { useLingui } from '@lingui/react/macro';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type LoaderFunction, type RouteObject } from 'react-router';
import { BASE_PATH, routerPath } from '@/lib/base-path';
import { loader as groupDetailLoader } from '@/app/routes/groups/detail-loader';
import { loader as groupListLoader } from '@/app/routes/groups/list-loader';
import { RouteErrorBoundary } from '@/components/feedback/route-error-boundary';
import { StatusPage } from '@/components/feedback/status-page';
import { paths, PUBLIC_PATHS } from '@/config/paths';
import { beginSignIn, getAccessToken, setNavigationTarget } from '@/lib/auth';
import { ensurePermissions } from '@/lib/permissions';
import type { RouteHandle, RouteLoaderFactory } from '@/lib/routing';
import { AppLayout } from './app-layout';

/**
 * The console's routes. Page modules live in src/app/routes and are lazy-loaded; each exports
 * `Component` (named), `handle` ({ title, permission? }), and optionally `loader` (a factory that
 * receives the QueryClient) and `ErrorBoundary` (defaults to the shared RouteErrorBoundary).
 */
export interface RouteModule {
  Component: ComponentType;
  handle?: RouteHandle;
  loader?: RouteLoaderFactory;
  ErrorBoundary?: ComponentType;
}

/**
 * What runs before any loader: the runtime configuration (which environment, hence which session and
 * API origin). The router starts at once, so the pages' code downloads while it is read.
 */
let ready: Promise<unknown> = Promise.resolve();

const afterReady =
  (loader: LoaderFunction): LoaderFunction =>
  async (args) => {
    await ready;
    return loader(args);
  };

const lazyPage = (queryClient: QueryClient, load: () => Promise<RouteModule>) => async () => {
  const module = await load();
  return {
    Component: module.Component,
    handle: module.handle,
    // Only when the module has one: a route with a loader of its own (the list's) keeps it.
    ...(module.loader ? { loader: afterReady(module.loader(queryClient)) } : {}),
    ErrorBoundary: module.ErrorBoundary ?? RouteErrorBoundary,
  };
};

const currentPath = (request: Request) => {
  const url = new URL(request.url);
  return `${routerPath(url.pathname)}${url.search}${url.hash}`;
};

/**
 * Runs before every page: without a session, sign-in starts (except on public pages); with one,
 * the user and permissions are loaded once, so guards and `useCan` answer synchronously.
 */
const rootLoader =
  (queryClient: QueryClient): LoaderFunction =>
  async ({ request }) => {
    const isPublic = PUBLIC_PATHS.includes(routerPath(new URL(request.url).pathname));
    if (!getAccessToken()) {
      if (isPublic) return null;
      return beginSignIn(currentPath(request));
    }
    await ensurePermissions(queryClient);
    return null;
  };

const SigningIn = () => {
  const { t } = useLingui();
  return getAccessToken() ? (
    <StatusPage loading title={t`Loading…`} />
  ) : (
    <StatusPage loading title={t`Signing you in…`} description={t`Taking you to the sign-in page.`} />
  );
};

export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: paths.auth.callback.path,
    lazy: lazyPage(queryClient, () => import('./routes/auth-callback')),
    HydrateFallback: SigningIn,
  },
  {
    path: paths.auth.signedOut.path,
    lazy: lazyPage(queryClient, () => import('./routes/signed-out')),
    HydrateFallback: SigningIn,
  },
  {
    id: 'root',
    path: '/',
    loader: afterReady(rootLoader(queryClient)),
    Component: AppLayout,
    ErrorBoundary: RouteErrorBoundary,
    HydrateFallback: SigningIn,
    children: [
      { index: true, loader: () => redirect(paths.groups.list.getHref()) },
      {
        // The first screen's loader is not lazy: its request starts with users/me, while the page's code loads.
        path: paths.groups.list.path,
        loader: afterReady(groupListLoader(queryClient)),
        lazy: lazyPage(queryClient, () => import('./routes/groups/list')),
      },
      {
        path: paths.groups.new.path,
        lazy: lazyPage(queryClient, () => import('./routes/groups/new')),
      },
      {
        path: paths.groups.compare.path,
        lazy: lazyPage(queryClient, () => import('./routes/groups/compare')),
      },
      {
        path: paths.groups.deleted.path,
        lazy: lazyPage(queryClient, () => import('./routes/groups/deleted')),
      },
      {
        // Not lazy either: the group and its first members page are asked for while the page's code loads.
        path: paths.groups.detail.path,
        loader: afterReady(groupDetailLoader(queryClient)),
        lazy: lazyPage(queryClient, () => import('./routes/groups/detail')),
      },
      {
        path: paths.groups.edit.path,
        lazy: lazyPage(queryClient, () => import('./routes/groups/edit')),
      },
      {
        path: paths.settings.path,
        lazy: lazyPage(queryClient, () => import('./routes/settings')),
      },
      {
        path: '*',
        lazy: lazyPage(queryClient, () => import('./routes/not-found')),
      },
    ],
  },
];

/** `configured`: resolves when the runtime configuration is read; the loaders wait for it. */
export const createAppRouter = (queryClient: QueryClient, configured: Promise<unknown> = Promise.resolve()) => {
  ready = configured;
  const router = createBrowserRouter(createRoutes(queryClient), { basename: BASE_PATH || undefined });
  router.subscribe((state) => {
    const target = state.navigation.location;
    setNavigationTarget(target ? `${target.pathname}${target.search}${target.hash}` : null);
  });
  return router;
};
