import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { describeError } from '@/components/feedback/query-error-alert';
import { eachItem, useLongRun, type ItemProgress } from '../long-run';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

interface Line {
  item: string;
  outcome: 'done' | 'failed' | 'cancelled';
  reason?: string;
}
const report = {
  failed: (item: string, reason: string): Line => ({ item, outcome: 'failed', reason }),
  cancelled: (item: string): Line => ({ item, outcome: 'cancelled' }),
};

describe('eachItem', () => {
  it('runs every item in order, reports a failure as its line and goes on, counting progress', async () => {
    const progress: (ItemProgress | null)[] = [];
    const refused = new ApiError(403, { message: 'Not allowed.', code: 'missing.permissions' });
    const lines = await eachItem(
      ['a', 'b', 'c'],
      { signal: new AbortController().signal, onDetail: (d) => progress.push(d) },
      async (item): Promise<Line> => {
        if (item === 'b') throw refused;
        return { item, outcome: 'done' };
      },
      report,
    );
    expect(lines).toEqual([
      { item: 'a', outcome: 'done' },
      // The failure's line says what went wrong as every error of the console does (describeError).
      { item: 'b', outcome: 'failed', reason: describeError(refused) },
      { item: 'c', outcome: 'done' },
    ]);
    expect(progress).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('after a cancel, the item in flight and every item left are reported as cancelled', async () => {
    const abort = new AbortController();
    const lines = await eachItem(
      ['a', 'b', 'c'],
      { signal: abort.signal, onDetail: () => undefined },
      async (item): Promise<Line> => {
        if (item === 'b') {
          abort.abort();
          throw new DOMException('Cancelled', 'AbortError');
        }
        return { item, outcome: 'done' };
      },
      report,
    );
    expect(lines.map((l) => l.outcome)).toEqual(['done', 'cancelled', 'cancelled']);
  });
});

describe('useLongRun', () => {
  const setUp = () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    return { invalidate, hook: renderHook(() => useLongRun<Line>(), { wrapper }) };
  };

  it('waits out a 429 through context.call, shows the wait, keeps the report and refreshes what the lines name', async () => {
    const { invalidate, hook } = setUp();
    let calls = 0;
    const request = () => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new ApiError(429, { message: 'Slow down.', code: 'too.many.requests' }, 1))
        : Promise.resolve('ok');
    };
    let finished: Promise<Line[] | null> = Promise.resolve(null);
    act(() => {
      finished = hook.result.current.start(
        (context) =>
          eachItem(
            ['a'],
            context,
            async (item) => ({ item, outcome: (await context.call(request)) === 'ok' ? 'done' : 'failed' }),
            report,
          ),
        (lines) => lines.map((l) => ['groups', l.item]),
      );
    });
    await waitFor(() => expect(hook.result.current.state.waitSeconds).toBe(1));
    expect(hook.result.current.state.running).toBe(true);
    await act(async () => {
      await finished;
    });
    expect(calls).toBe(2);
    expect(hook.result.current.state).toMatchObject({
      running: false,
      waitSeconds: null,
      cancelled: false,
      lines: [{ item: 'a', outcome: 'done' }],
      detail: { done: 1, total: 1 },
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['groups', 'a'] });
  });

  it('cancel stops a 429 wait: the run ends cancelled, and what it did is still refreshed', async () => {
    const { invalidate, hook } = setUp();
    let finished: Promise<Line[] | null> = Promise.resolve(null);
    act(() => {
      finished = hook.result.current.start(
        (context) =>
          eachItem(
            ['a', 'b'],
            context,
            async (item) => {
              if (item === 'b')
                await context.call(() => Promise.reject(new ApiError(429, { message: 'Slow down.' }, 30)));
              return { item, outcome: 'done' };
            },
            report,
          ),
        (lines) => [['groups', lines.filter((l) => l.outcome === 'done').length]],
      );
    });
    await waitFor(() => expect(hook.result.current.state.waitSeconds).toBe(30));
    await act(async () => {
      hook.result.current.cancel();
      await finished;
    });
    expect(hook.result.current.state.cancelled).toBe(true);
    expect(hook.result.current.state.lines?.map((l) => l.outcome)).toEqual(['done', 'cancelled']);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['groups', 1] });
  });

  it('a run that throws keeps the error and reports no lines', async () => {
    const { hook } = setUp();
    await act(async () => {
      await hook.result.current.start(
        () => Promise.reject(new ApiError(500, { message: 'Broken.' })),
        () => [],
      );
    });
    expect(hook.result.current.state.lines).toBeNull();
    expect(hook.result.current.state.error).toBeInstanceOf(ApiError);
    expect(hook.result.current.state.running).toBe(false);
  });
});
