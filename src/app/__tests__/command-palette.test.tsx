import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import {
  installMatchMedia,
  installResizeObserver,
  makeMe,
  signedInClient,
  TestProviders,
} from '@/testing/test-providers';
import { CommandPalette, openCommandPalette } from '../command-palette';

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
  // jsdom lays nothing out; Spotlight scrolls the highlighted result into view.
  Element.prototype.scrollIntoView ??= () => {};
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
  sessionStorage.clear();
});

it('opens empty when opened again before its closing transition has ended', async () => {
  render(
    <MemoryRouter>
      <TestProviders queryClient={signedInClient(makeMe([]))}>
        <CommandPalette />
      </TestProviders>
    </MemoryRouter>,
  );
  act(() => openCommandPalette());
  const search = await screen.findByRole('textbox', { name: 'Search groups' });
  fireEvent.change(search, { target: { value: 'settings' } });
  expect(search).toHaveValue('settings');

  // The closing transition's end (where Spotlight clears the query) does not come before it opens again.
  vi.useFakeTimers();
  fireEvent.keyDown(search, { key: 'Escape' });
  act(() => openCommandPalette());
  expect(screen.getByRole('textbox', { name: 'Search groups' })).toHaveValue('');
  expect(screen.getByRole('button', { name: 'Browse groups' })).toBeInTheDocument();
});
