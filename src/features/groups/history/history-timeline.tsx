import { Button, Group, Skeleton, Stack, Title } from '@mantine/core';
import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { ProgressLine } from '../core/run-report';
import { dayHeading, groupByDay } from './audit-format';
import { OLDER_DAYS, type HistoryProgress, type useHistory } from './use-history';
import { formatUtcMonth } from '@/lib/locale';

/** While older history loads: "Searching Mar 2026 …" above how much of the year back has been searched. */
export const OlderSearchProgress = ({ progress }: { progress: HistoryProgress | null }) => {
  const { t } = useLingui();
  if (!progress) return null;
  const month = formatUtcMonth(new Date(progress.from));
  const olderDays = OLDER_DAYS;
  return (
    <ProgressLine
      text={t`Searching ${month} …`}
      done={Math.round(progress.share * 100)}
      total={100}
      barLabel={t`Older changes searched, up to ${olderDays} days back`}
    />
  );
};

/** Records under a heading per day, in the order given (newest first). */
export const HistoryTimeline = ({
  records,
  renderEntry,
  headingOrder = 3,
}: {
  records: readonly AuditLogMessage[];
  renderEntry: (record: AuditLogMessage) => ReactNode;
  headingOrder?: 2 | 3 | 4;
}) => {
  const now = new Date();
  return (
    <Stack gap="lg">
      {groupByDay(records).map((group) => {
        const heading = dayHeading(group.day, now);
        return (
          <section key={group.day} aria-label={heading} data-day={group.day}>
            <Title order={headingOrder} size="h5" mb="xs">
              {heading}
            </Title>
            <Stack gap="sm">{group.items.map((record) => renderEntry(record))}</Stack>
          </section>
        );
      })}
    </Stack>
  );
};

/** What a history list says of itself, each a whole message ("Loading deleted groups"). */
export interface HistoryListWords {
  /** The loading skeleton's label: "Loading the history". */
  loading: string;
  /** The error's title when nothing loaded: "Could not load the history". */
  failed: string;
  /** The error's title when an older page failed: "Could not load older deleted groups". */
  olderFailed: string;
  /** The button for the next page: "Show older changes". */
  more: string;
  /** The same when the next page is past the realtime window: "Show older changes (up to 365 days back)". */
  moreOlder: string;
}

export interface HistoryListProps {
  history: ReturnType<typeof useHistory>;
  /** The records to list, when not the history's own (e.g. one a change); default: `history.records`. */
  records?: readonly AuditLogMessage[];
  renderEntry: (record: AuditLogMessage) => ReactNode;
  /** Its loading label, error titles and more button. */
  words: HistoryListWords;
  /** Shown when there are no records. */
  empty: ReactNode;
  headingOrder?: 2 | 3 | 4;
}

/** A history query's states: loading, error with retry, empty, the timeline and older pages on demand. */
export const HistoryList = ({
  history,
  records = history.records,
  renderEntry,
  words,
  empty,
  headingOrder,
}: HistoryListProps) => {
  if (history.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" aria-label={words.loading}>
        <Skeleton height={80} />
        <Skeleton height={80} />
      </Stack>
    );
  }
  if (history.isError && !history.data) {
    return <QueryErrorAlert title={words.failed} error={history.error} onRetry={() => void history.refetch()} />;
  }
  return (
    <>
      {records.length === 0 ? (
        empty
      ) : (
        <HistoryTimeline records={records} renderEntry={renderEntry} headingOrder={headingOrder} />
      )}
      <OlderSearchProgress progress={history.progress} />
      {history.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {history.olderNext ? words.moreOlder : words.more}
          </Button>
        </Group>
      ) : null}
      {history.isFetchNextPageError ? (
        <QueryErrorAlert title={words.olderFailed} error={history.error} onRetry={() => void history.fetchNextPage()} />
      ) : null}
    </>
  );
};
