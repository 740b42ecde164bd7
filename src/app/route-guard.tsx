import type { ReactNode } from 'react';
import { useMatches } from 'react-router';
import { Forbidden } from '@/components/feedback/forbidden';
import { isRouteHandle } from '@/lib/routing';
import { usePermissions } from '@/lib/permissions';

/**
 * The one permission wall: every matched route may declare `handle.permission`; when the user
 * lacks one, a 403 page names it instead of the page.
 */
export const RouteGuard = ({ children }: { children: ReactNode }) => {
  const matches = useMatches();
  const permissions = usePermissions();
  for (const match of matches) {
    const handle = match.handle;
    if (isRouteHandle(handle) && handle.permission && !permissions.has(handle.permission)) {
      return <Forbidden permission={handle.permission} action={handle.permissionAction} />;
    }
  }
  return children;
};
