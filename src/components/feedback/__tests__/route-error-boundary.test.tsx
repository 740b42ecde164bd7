import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { installMatchMedia } from '@/testing/test-providers';
import { RouteErrorBoundary } from '../route-error-boundary';

const ID = 'c0ffee00-1234-4abc-9def-000000000500';

/** A route whose loader fails with `error`, shown by the console's error boundary. */
const renderFailingRoute = (error: unknown) => {
  const router = createMemoryRouter(
    [
      {
        path: '/groups/:groupId',
        loader: () => {
          throw error;
        },
        Component: () => null,
        ErrorBoundary: RouteErrorBoundary,
      },
    ],
    { initialEntries: ['/groups/g1'] },
  );
  render(
    <MantineProvider>
      <RouterProvider router={router} />
    </MantineProvider>,
  );
};

describe('the error pages show the reference of the API error behind them', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it('5xx', async () => {
    renderFailingRoute(new ApiError(500, { message: 'The server encountered an unexpected error.' }, null, ID));
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByTestId('error-reference')).toHaveTextContent(`Reference: ${ID}`);
    expect(screen.getByRole('button', { name: 'Copy reference' })).toBeInTheDocument();
    expect(screen.getByText(/^Groups Console /)).toBeInTheDocument();
  });

  it('404 and 403 from the API', async () => {
    renderFailingRoute(new ApiError(404, { message: 'Not found', contextId: 'ctx-404' }));
    expect(await screen.findByRole('heading', { name: 'Group not found' })).toBeInTheDocument();
    expect(screen.getByTestId('error-reference')).toHaveTextContent('Reference: ctx-404');
    cleanup();
    renderFailingRoute(new ApiError(403, { message: 'Missing permission' }, null, 'ctx-403'));
    expect(await screen.findByRole('heading', { name: 'You do not have access' })).toBeInTheDocument();
    expect(screen.getByTestId('error-reference')).toHaveTextContent('Reference: ctx-403');
  });

  it('no reference on a page that no API error caused', async () => {
    renderFailingRoute(new Response(null, { status: 404 }));
    expect(await screen.findByRole('heading', { name: 'Group not found' })).toBeInTheDocument();
    expect(screen.queryByTestId('error-reference')).toBeNull();
  });
});
