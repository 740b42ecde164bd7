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
 * export const handle: RouteHandle = { permission: permissionOf('createGroup'), title: 'Create group' };
 * export function Component() { ... }            // named export, not default
 * export { RouteErrorBoundary as ErrorBoundary } from '@/components/feedback/route-error-boundary';
 * ```
 */
export type RouteLoaderFactory = (queryClient: QueryClient) => LoaderFunction;

export interface RouteHandle {
  /** The permission the page needs; without it the root layout shows a 403 page naming it. */
  permission?: Permission;
  /** Shown in the 403 page: "You need the <permission> permission to <action>". */
  permissionAction?: string;
  /** The document title (the app name is appended). A page may refine it with `usePageTitle`. */
  title: string;
}

export const isRouteHandle = (handle: unknown): handle is RouteHandle =>
  typeof handle === 'object' && handle !== null && typeof (handle as { title?: unknown }).title === 'string';
