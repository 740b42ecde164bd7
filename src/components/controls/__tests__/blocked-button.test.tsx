import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { installMatchMedia } from '@/testing/test-providers';
import { BlockedButton } from '../blocked-button';

describe('BlockedButton', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it('can be reached by keyboard, says why it is blocked, and does nothing when pressed', async () => {
    const submit = vi.fn((e: Event) => e.preventDefault());
    render(
      <MantineProvider>
        <form onSubmit={(e) => submit(e.nativeEvent)}>
          <BlockedButton reason="Not while the import runs." type="submit">
            Save
          </BlockedButton>
        </form>
      </MantineProvider>,
    );
    // The tooltip's version (its code loads when the button first shows), with no hidden description beside it.
    await waitFor(() => expect(screen.queryByText('Not while the import runs.')).toBeNull());
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.tab();
    expect(button).toHaveFocus();
    // Focus opens the tooltip and the button is described by it. Not `findByRole('tooltip')`: floating-ui's
    // `hide` middleware sees jsdom's zero-sized layout as a hidden reference and sets the tooltip to
    // display: none once its position is worked out, so a role query passes only if it runs before that.
    await waitFor(() => expect(button).toHaveAccessibleDescription('Not while the import runs.'), { timeout: 5_000 });
    await userEvent.click(button);
    await userEvent.keyboard('{Enter}');
    expect(submit).not.toHaveBeenCalled();
  });
});
