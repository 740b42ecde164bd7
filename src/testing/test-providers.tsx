import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { UserMe } from '@/api/generated/model/userMe';
import { saveSession } from '@/lib/auth';
import type { Permission } from '@/lib/permission-names';
import { divisionsPermittedQueryOptions, meQueryOptions, ungrantedPermissions } from '@/lib/permissions';

/** jsdom has no matchMedia; Mantine asks for it. */
export const installMatchMedia = (): void => {
  if (typeof window.matchMedia === 'function') return;
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
};

/** jsdom has no ResizeObserver; Mantine's indicators and the virtualised table ask for one. */
export const installResizeObserver = (): void => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
};

export const makeMe = (permissions: string[], id = 'user-1'): UserMe => ({
  id,
  name: 'Test User',
  version: 1,
  authorization: { permissions },
});

/**
 * A query client that already knows the signed-in user and the divisionspermitted answers for the
 * permissions `users/me` does not grant, as the root loader guarantees: a division for those in
 * `permitted`, none for the others.
 */
export const signedInClient = (me: UserMe, permitted: readonly Permission[] = []): QueryClient => {
  saveSession({ accessToken: 'test-token', expiresAt: null, issuedAt: Date.now(), afterUnauthorized: false });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(meQueryOptions().queryKey, me);
  for (const permission of ungrantedPermissions(me)) {
    const entities = permitted.includes(permission) ? [{ id: 'division-1', name: 'Home', description: '' }] : [];
    queryClient.setQueryData(divisionsPermittedQueryOptions(permission).queryKey, {
      entities,
      total: entities.length,
      allDivsPermitted: false,
    });
  }
  return queryClient;
};

export const TestProviders = ({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) => (
  <MantineProvider>
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  </MantineProvider>
);
