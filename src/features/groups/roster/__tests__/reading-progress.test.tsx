import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installMatchMedia } from '@/testing/test-providers';
import { createReadProgress } from '../read-progress';
import { ReadingProgress } from '../reading-progress';

beforeAll(installMatchMedia);
afterEach(cleanup);

describe('ReadingProgress', () => {
  it('moves its bar as pages are read, its words staying as they are, without re-rendering what holds it', () => {
    const progress = createReadProgress();
    let holderRenders = 0;
    const Holder = () => {
      holderRenders += 1;
      return <ReadingProgress label="Reading the group’s members" source={progress} />;
    };
    render(
      <MantineProvider>
        <Holder />
      </MantineProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Reading the group’s members…' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    const rendersBefore = holderRenders;

    act(() => progress.set(9, 194));
    expect(bar).toHaveAttribute('aria-valuenow', '5');
    act(() => progress.set(100, 194));
    expect(bar).toHaveAttribute('aria-valuenow', '52');
    // The visible words do not count (a growing text is a new largest paint each time it gains a digit).
    expect(screen.getByText('Reading the group’s members…')).toBeInTheDocument();
    expect(screen.queryByText(/194/)).toBeNull();
    expect(holderRenders).toBe(rendersBefore);
  });

  it('tells its listeners only of a change', () => {
    const progress = createReadProgress();
    let calls = 0;
    const stop = progress.subscribe(() => (calls += 1));
    progress.set(1, 4);
    progress.set(1, 4);
    progress.set(2, 4);
    stop();
    progress.set(3, 4);
    expect(calls).toBe(2);
    expect(progress.get()).toEqual({ read: 3, of: 4 });
  });
});
