import { ProgressLine } from './run-report';

export interface ReadProgress {
  loaded: number;
  total: number;
}

/** "Reading the groups: n of m…" with a progress bar, while a bulk action reads every page of a view. */
export const ReadingGroups = ({ progress }: { progress: ReadProgress | null }) => (
  <ProgressLine
    text={`Reading the groups${progress ? `: ${progress.loaded} of ${progress.total}` : ''}…`}
    done={progress?.loaded ?? 0}
    total={progress?.total ?? 0}
    barLabel="Groups read"
  />
);
