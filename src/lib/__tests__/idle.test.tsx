import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  holdIdleForFirstScreen,
  resetAfterFirstPaintForTests,
  useAfterFirstInteraction,
  useAfterFirstPaint,
  useFirstScreenShown,
  useIdleAfter,
  whenIdleAfterFirstScreen,
} from '../idle';

// The browser's scheduling, driven by hand: idle callbacks and frames run when a test says so.
let idleCallbacks: (() => void)[] = [];
let frames: (() => void)[] = [];
const runIdle = () => act(() => idleCallbacks.splice(0).forEach((run) => run()));
const runFrame = () => act(() => frames.splice(0).forEach((run) => run()));
const settle = () => act(() => vi.advanceTimersByTimeAsync(0));

beforeEach(() => {
  vi.useFakeTimers();
  resetAfterFirstPaintForTests();
  idleCallbacks = [];
  frames = [];
  vi.stubGlobal('requestIdleCallback', (run: () => void) => idleCallbacks.push(run));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  resetAfterFirstPaintForTests();
});

const Behind = () => <p>{useAfterFirstPaint() ? 'menus loaded' : 'plain buttons'}</p>;
const Page = () => {
  useFirstScreenShown();
  return <p>the page</p>;
};

describe('waiting for idle after the first screen', () => {
  it('without a hold, runs at the next idle time, as whenIdle does', async () => {
    const task = vi.fn();
    whenIdleAfterFirstScreen(task);
    await settle();
    await runIdle();
    expect(task).toHaveBeenCalledOnce();
  });

  it('with a hold, idle time before the page has rendered does not count', async () => {
    holdIdleForFirstScreen();
    const task = vi.fn();
    whenIdleAfterFirstScreen(task);
    render(<Behind />);
    await settle();
    // The first requests are in flight: the browser idles, and nothing behind the page starts.
    await runIdle();
    await runFrame();
    expect(task).not.toHaveBeenCalled();
    expect(screen.getByText('plain buttons')).toBeInTheDocument();

    render(<Page />);
    await settle();
    // The page's frame, then the next one, then idle time.
    await runIdle();
    expect(task).not.toHaveBeenCalled();
    await runFrame();
    await runFrame();
    await runIdle();
    expect(task).toHaveBeenCalledOnce();
    expect(screen.getByText('menus loaded')).toBeInTheDocument();
  });

  it('a loading screen is not the first screen', async () => {
    holdIdleForFirstScreen();
    const Loading = () => {
      useFirstScreenShown(false);
      return <p>Loading…</p>;
    };
    const task = vi.fn();
    whenIdleAfterFirstScreen(task);
    render(<Loading />);
    await settle();
    await runFrame();
    await runFrame();
    await runIdle();
    expect(task).not.toHaveBeenCalled();
  });

  it('a focus, key or touch before then still brings what waits at once', async () => {
    holdIdleForFirstScreen();
    render(<Behind />);
    await settle();
    act(() => window.dispatchEvent(new FocusEvent('focusin')));
    expect(screen.getByText('menus loaded')).toBeInTheDocument();
  });

  it('a cancelled task does not run', async () => {
    holdIdleForFirstScreen();
    const task = vi.fn();
    const cancel = whenIdleAfterFirstScreen(task);
    render(<Page />);
    await settle();
    await runFrame();
    cancel();
    await runFrame();
    await runIdle();
    expect(task).not.toHaveBeenCalled();
  });

  it('a hold that no screen ends lasts ten seconds at most', async () => {
    holdIdleForFirstScreen();
    const task = vi.fn();
    whenIdleAfterFirstScreen(task);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    await runFrame();
    await runFrame();
    await runIdle();
    expect(task).toHaveBeenCalledOnce();
  });

  it('renders what it brings in as a transition: a part still loading leaves the screen as it was', async () => {
    // Code that never arrives: a synchronous update would show the Suspense fallback, a transition keeps
    // the plain buttons (and React renders the rest in slices, not in one long task).
    const Menus = lazy(() => new Promise<never>(() => {}));
    const Header = () => (
      <Suspense fallback={<p>fallback</p>}>{useAfterFirstPaint() ? <Menus /> : <p>plain buttons</p>}</Suspense>
    );
    render(<Header />);
    await settle();
    await runIdle();
    expect(screen.getByText('plain buttons')).toBeInTheDocument();
    expect(screen.queryByText('fallback')).not.toBeInTheDocument();
  });
});

const ForAPerson = () => <p>{useAfterFirstInteraction() ? 'menus loaded' : 'plain buttons'}</p>;

describe('waiting for someone to use the page', () => {
  it('idle time does not count; a mouse movement, a key or a touch does, for good', async () => {
    render(<ForAPerson />);
    await settle();
    await runIdle();
    await runFrame();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByText('plain buttons')).toBeInTheDocument();

    await act(async () => {
      window.dispatchEvent(new Event('pointermove'));
    });
    expect(screen.getByText('menus loaded')).toBeInTheDocument();
  });

  it('is true at once for what mounts after the first interaction', async () => {
    render(<ForAPerson />);
    await settle();
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    });
    // A later page's header, a new dialog host: its first render already has it.
    render(<ForAPerson />);
    expect(screen.getAllByText('menus loaded')).toHaveLength(2);
  });
});

describe('useIdleAfter', () => {
  const Reading = ({ ready }: { ready: boolean }) => <p>{useIdleAfter(ready) ? 'reading' : 'waiting'}</p>;

  it('waits for what it follows, then for a painted frame and idle time, and stays', async () => {
    holdIdleForFirstScreen();
    const { rerender } = render(
      <>
        <Page />
        <Reading ready={false} />
      </>,
    );
    await settle();
    // The page has shown, and the browser idles: not ready yet, so nothing starts.
    await runFrame();
    await runFrame();
    await runIdle();
    expect(screen.getByText('waiting')).toBeInTheDocument();

    rerender(
      <>
        <Page />
        <Reading ready />
      </>,
    );
    await settle();
    // Ready: the frame that paints it, the next, then idle time.
    await runIdle();
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await runFrame();
    await runFrame();
    await runIdle();
    expect(screen.getByText('reading')).toBeInTheDocument();

    rerender(
      <>
        <Page />
        <Reading ready={false} />
      </>,
    );
    expect(screen.getByText('reading')).toBeInTheDocument();
  });
});
