import { msg } from '@lingui/core/macro';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installMatchMedia, makeMe, signedInClient, TestProviders } from '@/testing/test-providers';
import type { RouteHandle } from '@/lib/routing';
import { divisionsPermittedQueryOptions } from '@/lib/permissions';
import { RouteGuard } from '../route-guard';

beforeAll(installMatchMedia);
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const renderAt = (path: string, permissions: string[], queryClient = signedInClient(makeMe(permissions))) => {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <RouteGuard>
            <Outlet />
          </RouteGuard>
        ),
        children: [
          { path: 'groups', element: <h1>Groups</h1>, handle: { title: msg`Groups` } satisfies RouteHandle },
          {
            path: 'groups/new',
            element: <h1>Create group</h1>,
            handle: {
              title: msg`Create group`,
              permission: 'directory:group:add',
              forbiddenMessage: msg`You need the directory:group:add permission to create groups. Ask an administrator of your organization to grant it.`,
            } satisfies RouteHandle,
          },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <TestProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </TestProviders>,
  );
};

describe('RouteGuard', () => {
  it('shows the page when the user holds the route permission', async () => {
    renderAt('/groups/new', ['directory:group:add']);
    expect(await screen.findByRole('heading', { name: 'Create group' })).toBeInTheDocument();
  });

  it('shows a 403 page naming the missing permission instead', async () => {
    renderAt('/groups/new', ['directory:user:view']);
    expect(await screen.findByRole('heading', { name: 'You do not have access' })).toBeInTheDocument();
    expect(screen.getByText(/You need the directory:group:add permission to create groups/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Create group' })).not.toBeInTheDocument();
  });

  it('waits for the API’s answer about a permission users/me does not list, then shows the page it grants', async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))),
    );
    try {
      const queryClient = signedInClient(makeMe(['directory:user:view']));
      queryClient.removeQueries({ queryKey: divisionsPermittedQueryOptions('directory:group:add').queryKey });
      renderAt('/groups/new', [], queryClient);
      expect(await screen.findByLabelText('Checking your permissions')).toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'You do not have access' })).not.toBeInTheDocument();
      answer(
        new Response(JSON.stringify({ entities: [{ id: 'd1', name: 'Home' }], total: 1 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
      expect(await screen.findByRole('heading', { name: 'Create group' })).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lets routes without a permission through', async () => {
    renderAt('/groups', []);
    expect(await screen.findByRole('heading', { name: 'Groups' })).toBeInTheDocument();
  });
});
