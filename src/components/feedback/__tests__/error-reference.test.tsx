import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { BUILD_INFO, describeBuild } from '@/config/build-info';
import { installMatchMedia } from '@/testing/test-providers';
import { ErrorReference } from '../error-reference';
import { QueryErrorAlert } from '../query-error-alert';

const ID = '3f1c2a9e-5b7d-4c1e-9a0f-123456789abc';

describe('ErrorReference', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it("shows an API error's correlation id with a named copy button that copies it, and the console's version", async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(
      <MantineProvider>
        <ErrorReference error={new ApiError(500, { message: 'Boom', contextId: 'from-the-body' }, null, ID)} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('error-reference')).toHaveTextContent(`Reference: ${ID}`);
    expect(screen.getByText(`Groups Console ${describeBuild(BUILD_INFO)}`)).toBeInTheDocument();
    const copy = screen.getByRole('button', { name: 'Copy reference' });
    // First the closed line with the API's own text ("Boom"), then the copy button.
    await user.tab();
    expect(screen.getByText('Details from the server')).toHaveFocus();
    await user.tab();
    expect(copy).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledWith(ID);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
  });

  it("falls back to the ErrorBody's contextId, and shows only the version without either", () => {
    const { rerender } = render(
      <MantineProvider>
        <ErrorReference error={new ApiError(503, { contextId: 'ctx-42' })} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('error-reference')).toHaveTextContent('Reference: ctx-42');
    rerender(
      <MantineProvider>
        <ErrorReference error={new ApiError(0, { message: 'Offline' })} />
      </MantineProvider>,
    );
    expect(screen.queryByText(/Reference:/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy reference' })).toBeNull();
    expect(screen.getByText(/^Groups Console /)).toBeInTheDocument();
  });

  it("puts the API's own text under the console's words, in a Details line", async () => {
    render(
      <MantineProvider>
        <QueryErrorAlert
          error={new ApiError(500, { code: 'internal.server.error', message: 'The search service failed.' }, null, ID)}
        />
      </MantineProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server ran into a problem. Try again later.');
    const details = screen.getByTestId('error-api-text');
    expect(details.tagName).toBe('DETAILS');
    expect(details).toHaveTextContent('Details from the server');
    expect(details).toHaveTextContent('The search service failed.');
  });

  it('is part of the inline error of a part of a page', async () => {
    render(
      <MantineProvider>
        <QueryErrorAlert error={new ApiError(500, { message: 'Boom' }, null, ID)} />
      </MantineProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(`Reference: ${ID}`);
  });
});
