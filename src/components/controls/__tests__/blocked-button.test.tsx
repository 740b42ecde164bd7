import { cleanup, render, screen } from '@testing-library/react';
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
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('tooltip', {}, { timeout: 5_000 })).toHaveTextContent('Not while the import runs.');
    await userEvent.click(button);
    await userEvent.keyboard('{Enter}');
    expect(submit).not.toHaveBeenCalled();
  });
});
