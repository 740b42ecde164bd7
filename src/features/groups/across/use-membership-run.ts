import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchProgress } from '../core/batch-membership';
import type { ExportProgress } from '../core/export-members';
import { INVALIDATES, refreshAfterRun } from '../core/group-mutations';
import type { ReportLine, RunOptions } from '../core/transfer';

export interface RunContext extends Required<Pick<RunOptions, 'onProgress' | 'onWait'>> {
  signal: AbortSignal;
  /** Names the step shown above the progress bar ("Reading members of A", "Adding to B"). */
  onStep: (step: string) => void;
  onReading: (progress: ExportProgress | null) => void;
}

export interface RunState {
  running: boolean;
  step: string | null;
  progress: BatchProgress | null;
  reading: ExportProgress | null;
  waitSeconds: number | null;
  lines: ReportLine[] | null;
  error: unknown;
  cancelled: boolean;
}

const IDLE: RunState = {
  running: false,
  step: null,
  progress: null,
  reading: null,
  waitSeconds: null,
  lines: null,
  error: null,
  cancelled: false,
};

/**
 * One long membership operation in the browser: its step, batch progress, rate-limit waits, cancel,
 * and the report at the end. Every group the report touches is refreshed afterwards.
 */
export const useMembershipRun = () => {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (work: (context: RunContext) => Promise<ReportLine[]>, alsoRefresh: readonly string[] = []) => {
      const abort = new AbortController();
      controller.current = abort;
      setState({ ...IDLE, running: true });
      const patch = (change: Partial<RunState>) => setState((prev) => ({ ...prev, ...change }));
      let lines: ReportLine[] | null = null;
      try {
        lines = await work({
          signal: abort.signal,
          onProgress: (progress) => patch({ progress, reading: null }),
          onWait: (waitSeconds) => patch({ waitSeconds }),
          onStep: (step) => patch({ step, progress: null }),
          onReading: (reading) => patch({ reading }),
        });
        patch({ running: false, lines, cancelled: abort.signal.aborted, waitSeconds: null });
      } catch (error) {
        patch({ running: false, error, cancelled: abort.signal.aborted, waitSeconds: null });
      } finally {
        controller.current = null;
        const groupIds = [...alsoRefresh, ...(lines ?? []).map((l) => l.groupId)];
        refreshAfterRun(queryClient, INVALIDATES.membershipRun(groupIds));
      }
      return lines;
    },
    [queryClient],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, start, cancel, reset };
};
