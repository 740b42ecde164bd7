import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installMatchMedia } from '@/testing/test-providers';
import { DeleteGroupModal } from '../delete-group-modal';

const renderModal = () =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <DeleteGroupModal
            opened
            onClose={() => {}}
            group={{
              id: 'g1',
              name: 'Night Shift',
              type: 'official',
              visibility: 'public',
              rulesVisible: true,
              memberCount: 12,
              owners: [
                { id: 'u1', name: 'Olivia Owens', version: 1 },
                { id: 'u2', name: 'Sam Smith', version: 1 },
              ],
            }}
          />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );

describe('DeleteGroupModal', () => {
  beforeAll(installMatchMedia);
  afterEach(cleanup);

  it('states the member count and owners, and enables Delete only once the name is typed', async () => {
    renderModal();
    const dialog = await screen.findByRole('dialog', { name: 'Delete Night Shift?' });
    expect(dialog).toHaveTextContent('12 members');
    expect(screen.getByText('Olivia Owens')).toBeInTheDocument();
    expect(screen.getByText('Sam Smith')).toBeInTheDocument();

    const button = screen.getByRole('button', { name: 'Delete group' });
    const input = screen.getByRole('textbox', { name: /Type the group's name/ });
    expect(button).toBeDisabled();
    await userEvent.type(input, 'Night shif');
    expect(button).toBeDisabled();
    await userEvent.type(input, 't');
    expect(button).toBeDisabled();
    await userEvent.clear(input);
    await userEvent.type(input, 'Night Shift');
    expect(button).toBeEnabled();
  });
});
