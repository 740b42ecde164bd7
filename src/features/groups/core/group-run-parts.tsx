import { useLingui } from '@lingui/react/macro';
import { ProgressLine } from './run-report';

export interface ReadProgress {
  loaded: number;
  total: number;
}

/** "Reading the groups: n of m…" with a progress bar, while a bulk action reads every page of a view. */
export const ReadingGroups = ({ progress }: { progress: ReadProgress | null }) => {
  const { t } = useLingui();
  const loaded = progress?.loaded ?? 0;
  const total = progress?.total ?? 0;
  return (
    <ProgressLine
      text={progress ? t`Reading the groups: ${loaded} of ${total}…` : t`Reading the groups…`}
      done={loaded}
      total={total}
      barLabel={t`Groups read`}
    />
  );
};
