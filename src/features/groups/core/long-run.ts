import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { waitOutRateLimit } from '@/api/rate-limit';
import { describeError } from '@/components/feedback/query-error-alert';
import { refreshAfterRun } from './group-mutations';

/**
 * The one engine of the feature's long operations (bulk delete, import, copy/move and person-by-person
 * changes): the step being run, its progress, the server's 429 waits, cancel, the report lines at the
 * end, and the refresh of what changed through its INVALIDATES entry. The views of a run are in
 * `run-report.tsx`.
 */
export interface LongRunState<Line, Detail> {
  running: boolean;
  /** Names the step being run ("Reading members of A", "Adding to B"), when a run has several. */
  step: string | null;
  /** The step's own progress (items done, batches sent, pages read). */
  detail: Detail | null;
  /** Seconds the server asked to wait (429) before the run resumes. */
  waitSeconds: number | null;
  /** Every line of the report, once the run has ended; null when it stopped before reporting. */
  lines: Line[] | null;
  /** What stopped the run, when it did not report. */
  error: unknown;
  cancelled: boolean;
}

export interface LongRunContext<Detail> {
  signal: AbortSignal;
  onStep: (step: string | null) => void;
  onDetail: (detail: Detail | null) => void;
  onWait: (seconds: number | null) => void;
  /** One API call of the run: waits out 429s (shown as `waitSeconds`) and stops on cancel. */
  call: <T>(request: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

/** Items done of all the run takes, one call each. */
export interface ItemProgress {
  done: number;
  total: number;
}

const idle = <Line, Detail>(): LongRunState<Line, Detail> => ({
  running: false,
  step: null,
  detail: null,
  waitSeconds: null,
  lines: null,
  error: null,
  cancelled: false,
});

export const useLongRun = <Line, Detail = ItemProgress>() => {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LongRunState<Line, Detail>>(idle);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /**
   * Runs `work` and keeps its report; then refreshes the keys `refresh` names for the lines (or for
   * nothing, when the run stopped before reporting).
   */
  const start = useCallback(
    async (
      work: (context: LongRunContext<Detail>) => Promise<Line[]>,
      refresh: (lines: readonly Line[]) => readonly QueryKey[],
    ): Promise<Line[] | null> => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ ...idle<Line, Detail>(), running: true });
      const patch = (change: Partial<LongRunState<Line, Detail>>) => setState((prev) => ({ ...prev, ...change }));
      const onWait = (waitSeconds: number | null) => patch({ waitSeconds });
      let lines: Line[] | null = null;
      try {
        lines = await work({
          signal: abort.signal,
          onStep: (step) => patch({ step, detail: null }),
          onDetail: (detail) => patch({ detail }),
          onWait,
          call: (request) => waitOutRateLimit(() => request(abort.signal), { signal: abort.signal, onWait }),
        });
        patch({ running: false, lines, cancelled: abort.signal.aborted, waitSeconds: null });
      } catch (error) {
        patch({ running: false, error, cancelled: abort.signal.aborted, waitSeconds: null });
      } finally {
        controller.current = null;
        refreshAfterRun(queryClient, refresh(lines ?? []));
      }
      return lines;
    },
    [queryClient],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(idle), []);
  return { state, start, cancel, reset };
};

/**
 * One step per item, in order, counting progress: an item's failure is its report line and the run
 * goes on; after a cancel, every item left is reported as not run.
 */
export const eachItem = async <Item, Line>(
  items: readonly Item[],
  context: Pick<LongRunContext<ItemProgress>, 'signal' | 'onDetail'>,
  step: (item: Item) => Promise<Line>,
  report: { failed: (item: Item, reason: string) => Line; cancelled: (item: Item) => Line },
): Promise<Line[]> => {
  const lines: Line[] = [];
  context.onDetail({ done: 0, total: items.length });
  for (const item of items) {
    if (context.signal.aborted) {
      lines.push(report.cancelled(item));
      continue;
    }
    try {
      lines.push(await step(item));
    } catch (error) {
      lines.push(context.signal.aborted ? report.cancelled(item) : report.failed(item, describeError(error)));
    }
    context.onDetail({ done: lines.length, total: items.length });
  }
  return lines;
};
