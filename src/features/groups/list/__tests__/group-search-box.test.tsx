import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installMatchMedia, installResizeObserver } from '@/testing/test-providers';
import { GroupSearchBox, SEARCH_DEBOUNCE_MS } from '../components/group-search-box';

beforeAll(() => {
  installMatchMedia();
  installResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const setup = (query = '') => {
  const onQueryChange = vi.fn<(q: string) => void>();
  const ui = (q: string) => (
    <MantineProvider>
      <GroupSearchBox query={q} match="contains" onQueryChange={onQueryChange} onMatchChange={() => {}} />
    </MantineProvider>
  );
  const view = render(ui(query));
  const input = screen.getByRole('searchbox', { name: 'Search groups' }) as HTMLInputElement;
  const type = (value: string) => fireEvent.change(input, { target: { value } });
  return { onQueryChange, input, type, setUrlQuery: (q: string) => view.rerender(ui(q)) };
};

describe('GroupSearchBox', () => {
  it('commits the trimmed text once typing pauses', () => {
    vi.useFakeTimers();
    const { onQueryChange, type } = setup();
    type('c');
    type('ca');
    type('care ');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 50));
    expect(onQueryChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(60));
    expect(onQueryChange).toHaveBeenCalledTimes(1);
    expect(onQueryChange).toHaveBeenCalledWith('care');
  });

  it('follows the URL when the text changes from elsewhere', () => {
    const { input, setUrlQuery } = setup('team');
    expect(input.value).toBe('team');
    setUrlQuery('');
    expect(input.value).toBe('');
    setUrlQuery('club');
    expect(input.value).toBe('club');
  });

  it('keeps what is typed when its own earlier search reaches the URL late', () => {
    vi.useFakeTimers();
    const { onQueryChange, input, type, setUrlQuery } = setup();
    type('ab');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10));
    expect(onQueryChange).toHaveBeenLastCalledWith('ab');
    type('abc');
    setUrlQuery('ab');
    expect(input.value).toBe('abc');
    act(() => vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10));
    expect(onQueryChange).toHaveBeenLastCalledWith('abc');
  });

  it('clears at once with the clear button, without waiting', () => {
    const { onQueryChange, input } = setup('team');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search text' }));
    expect(input.value).toBe('');
    expect(onQueryChange).toHaveBeenCalledWith('');
  });
});
