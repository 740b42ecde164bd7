import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installMatchMedia } from '@/testing/test-providers';

const ID = '3f1c2a9e-5b7d-4c1e-9a0f-123456789abc';

/**
 * QueryErrorAlert as a page first gets it: its alert's code not loaded yet, or (`failing`) not to be
 * fetched, the network that failed the query being away for it too. The unit tests share their modules
 * (vitest.config.ts, isolate: false), so the component is imported afresh, with the error class it
 * knows an API error by.
 */
const freshAlert = async ({ failing }: { failing: boolean }) => {
  vi.resetModules();
  if (failing)
    vi.doMock('../query-error-alert-view', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
  const { ApiError } = await import('@/api/errors');
  const { QueryErrorAlert } = await import('../query-error-alert');
  return { QueryErrorAlert, error: new ApiError(0, { message: 'Offline' }, null, ID) };
};

describe('QueryErrorAlert', () => {
  beforeAll(installMatchMedia);
  afterEach(() => {
    cleanup();
    vi.doUnmock('../query-error-alert-view');
    vi.resetModules();
  });

  it("words the error at once, then shows it in Mantine's alert once that code has come, announced once", async () => {
    const { QueryErrorAlert, error } = await freshAlert({ failing: false });
    const user = userEvent.setup();
    const retry = vi.fn();
    const { container } = render(
      <MantineProvider>
        <QueryErrorAlert error={error} onRetry={retry} title="Members" />
      </MantineProvider>,
    );
    // Before the alert's code: the same words, not announced (the alert is, when it comes).
    expect(screen.getByText('The server could not be reached. Check your connection and try again.')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    const alert = await screen.findByRole('alert');
    expect(container.querySelector('.mantine-Alert-root')).toBe(alert);
    expect(alert).toHaveTextContent('Members');
    expect(alert).toHaveTextContent('The server could not be reached.');
    expect(alert).toHaveTextContent(`Reference: ${ID}`);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('without its code, shows the error in plain lines, as an alert, with its reference and a working Try again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { QueryErrorAlert, error } = await freshAlert({ failing: true });
    const user = userEvent.setup();
    const retry = vi.fn();
    render(
      <MantineProvider>
        <QueryErrorAlert error={error} onRetry={retry} />
      </MantineProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load data');
    expect(alert).toHaveTextContent('The server could not be reached. Check your connection and try again.');
    expect(alert).toHaveTextContent(`Reference: ${ID}`);
    expect(document.querySelector('.mantine-Alert-root')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
