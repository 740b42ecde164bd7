import { i18n } from '@lingui/core';
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installMatchMedia, installResizeObserver } from '@/testing/test-providers';
import type { MembershipReason } from '../../core/membership-reason';
import { INFERRED_RULE_HINT, MemberFinder } from '../member-finder';
import { SEARCH_DEBOUNCE_MS } from '../member-search';

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const setup = (query = '', reason: MembershipReason | null = null, inferred = false) => {
  const onQueryChange = vi.fn<(q: string) => void>();
  const onReasonChange = vi.fn<(r: MembershipReason | null) => void>();
  const ui = (q: string) => (
    <MantineProvider>
      <MemberFinder
        query={q}
        onQueryChange={onQueryChange}
        reason={reason}
        onReasonChange={onReasonChange}
        counts={{ individual: 12, owner: 2 }}
        inferred={inferred}
      />
    </MantineProvider>
  );
  const view = render(ui(query));
  const input = screen.getByRole('searchbox', { name: 'Find a member' }) as HTMLInputElement;
  const type = (value: string) => fireEvent.change(input, { target: { value } });
  return { onQueryChange, onReasonChange, input, type, setUrlQuery: (q: string) => view.rerender(ui(q)) };
};

describe('MemberFinder', () => {
  it('sends the trimmed search once typing pauses, and at once on Enter', () => {
    vi.useFakeTimers();
    const { onQueryChange, input, type } = setup();
    type('an');
    type('ana lo ');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    expect(onQueryChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(60));
    expect(onQueryChange).toHaveBeenCalledTimes(1);
    expect(onQueryChange).toHaveBeenCalledWith('ana lo');
    type('ana lop');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onQueryChange).toHaveBeenLastCalledWith('ana lop');
  });

  it('clears with Escape or the clear button, and follows the URL when it changes elsewhere', () => {
    const { onQueryChange, input, setUrlQuery } = setup('ana');
    expect(input.value).toBe('ana');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(onQueryChange).toHaveBeenLastCalledWith('');
    setUrlQuery('');
    setUrlQuery('zoe');
    expect(input.value).toBe('zoe');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(input.value).toBe('');
  });

  it('asks for two characters before searching', () => {
    const { type } = setup();
    type('a');
    expect(screen.getByText('Type at least 2 characters')).toBeTruthy();
  });

  it('shows the reason filter with the whole group’s counts, and says when "rule" is inferred', () => {
    setup('', 'owner', true);
    const select = screen.getByRole('combobox', { name: 'Why a member' }) as HTMLSelectElement;
    expect(select.value).toBe('owner');
    expect(select.selectedOptions[0]?.textContent).toBe('Owners (2)');
    // Each reason with its whole-group count, after "Any reason".
    expect([...select.options].map((o) => o.value)).toEqual(['', 'individual', 'owner', 'rule']);
    expect(screen.getByText(i18n._(INFERRED_RULE_HINT))).toBeTruthy();
  });
});
