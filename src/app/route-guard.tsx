import { i18n } from '@lingui/core';
import { useLingui } from '@lingui/react/macro';
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMatches } from 'react-router';
import { Forbidden } from '@/components/feedback/forbidden';
import { isRouteHandle, type RouteHandle } from '@/lib/routing';
import { usePermissionAnswer } from '@/lib/permissions';

/**
 * The one permission wall: every matched route may declare `handle.permission`; when the user
 * lacks it, a 403 page names it instead of the page. While the API is still being asked about it
 * (divisionspermitted, for a permission `users/me` does not list), the page waits.
 */
export const RouteGuard = ({ children }: { children: ReactNode }) => {
  const { t } = useLingui();
  const demand = useMatches()
    .map((match) => match.handle)
    .find((handle): handle is RouteHandle => isRouteHandle(handle) && !!handle.permission);
  const answer = usePermissionAnswer(demand?.permission);
  if (answer === 'pending')
    return (
      <Center py="xl">
        <Loader aria-label={t`Checking your permissions`} />
      </Center>
    );
  if (answer === 'denied' && demand?.permission)
    return (
      <Forbidden
        permission={demand.permission}
        description={demand.forbiddenMessage && i18n._(demand.forbiddenMessage)}
      />
    );
  return children;
};
