import type { MessageDescriptor } from '@lingui/core';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunction } from 'react-router';
import type { Permission } from './permission-names';

/**
 * What a route module under src/app/routes exports (the router lazy-loads it):
 *
 * ```ts
 * export const loader: RouteLoaderFactory = (queryClient) => async ({ params }) => {
 *   await queryClient.ensureQueryData(getGetGroupQueryOptions(params.groupId!));
 *   return null;
 * };
 * export const handle: RouteHandle = { permission: permissionOf('createGroup'), title: msg`Create group` };
 * export function Component() { ... }            // named export, not default
 * export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
 * ```
 */
export type RouteLoaderFactory = (queryClient: QueryClient) => LoaderFunction;

export interface RouteHandle {
  /** The permission the page needs; without it the root layout shows a 403 page naming it. */
  permission?: Permission;
  /**
   * The 403 page's sentence when the permission is missing, whole: what the permission allows and who
   * can grant it (`msg`, e.g. "You need the {permission} permission to create groups. Ask an
   * administrator of your organization to grant it."). Default: the page's own, for "open this page".
   */
  forbiddenMessage?: MessageDescriptor;
  /**
   * The document title (the app name is appended), a `msg` descriptor: route modules declare it when they
   * load, before the page's language is active; it is translated where it is shown. A page may refine it
   * with `usePageTitle`.
   */
  title: MessageDescriptor;
}

const isDescriptor = (value: unknown): value is MessageDescriptor =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

export const isRouteHandle = (handle: unknown): handle is RouteHandle =>
  typeof handle === 'object' && handle !== null && isDescriptor((handle as { title?: unknown }).title);
