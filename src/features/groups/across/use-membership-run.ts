import { useCallback } from 'react';
import type { BatchProgress } from '../core/batch-membership';
import type { ExportProgress } from '../core/export-members';
import { INVALIDATES } from '../core/group-mutations';
import { useLongRun, type LongRunState } from '../core/long-run';
import type { ReportLine, RunOptions } from '../core/transfer';

export interface RunContext extends Required<Pick<RunOptions, 'onProgress' | 'onWait'>> {
  signal: AbortSignal;
  /** Names the step shown above the progress bar ("Reading members of A", "Adding to B"). */
  onStep: (step: string) => void;
  onReading: (progress: ExportProgress | null) => void;
}

/** A membership step's progress: the batches sent, or the pages of members read. */
export interface MembershipRunDetail {
  progress: BatchProgress | null;
  reading: ExportProgress | null;
}

export type RunState = LongRunState<ReportLine, MembershipRunDetail>;

/**
 * One long membership operation (copy, move, a comparison's action, a person's groups) on the long-run
 * engine: steps, batch and reading progress, and a report line per person and group. Every group the
 * report touches is refreshed afterwards, with `alsoRefresh`.
 */
export const useMembershipRun = () => {
  const run = useLongRun<ReportLine, MembershipRunDetail>();
  const { start: startRun } = run;
  const start = useCallback(
    (work: (context: RunContext) => Promise<ReportLine[]>, alsoRefresh: readonly string[] = []) =>
      startRun(
        (context) => {
          let detail: MembershipRunDetail = { progress: null, reading: null };
          const show = (change: Partial<MembershipRunDetail>) => {
            detail = { ...detail, ...change };
            context.onDetail(detail);
          };
          return work({
            signal: context.signal,
            onWait: context.onWait,
            onStep: (step) => {
              context.onStep(step);
              show({ progress: null });
            },
            onProgress: (progress) => show({ progress, reading: null }),
            onReading: (reading) => show({ reading }),
          });
        },
        (lines) => INVALIDATES.membershipRun([...alsoRefresh, ...lines.map((l) => l.groupId)]),
      ),
    [startRun],
  );
  return { ...run, start };
};
