import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { describeError } from '@/components/feedback/query-error-alert';
import { BatchProgressView } from '../core/batch-progress';
import {
  CancelRun,
  OutcomeBadge,
  ProgressLine,
  ReportTable,
  RunEndAlert,
  WaitNotice,
  outcomeStyles,
  type ReportColumn,
} from '../core/run-report';
import { downloadText } from '@/lib/download';
import { toMemberCsv } from '../core/members-csv';
import {
  outcomeLabels,
  SETTLED,
  allSettled,
  outcomeCount,
  reportRows,
  summarise,
  type Outcome,
  type ReportLine,
  type ReportSummary,
} from '../core/transfer';
import type { RunState } from './use-membership-run';
import { ErrorReference } from '@/components/feedback/error-reference';

const OUTCOME_COLOURS: Record<Outcome, string> = {
  added: 'green',
  removed: 'green',
  alreadyMember: 'gray',
  notMember: 'gray',
  notFound: 'red',
  limit: 'orange',
  permission: 'red',
  failed: 'red',
  cancelled: 'yellow',
};

/** Lines shown in the dialog; the CSV holds every line. */
const SHOWN_LINES = 300;

/** The running operation: its step, the progress bar with counts, rate-limit waits, and Cancel. */
export const RunProgress = ({ state, onCancel }: { state: RunState; onCancel: () => void }) => {
  const { t } = useLingui();
  if (!state.running) return null;
  const reading = state.detail?.reading;
  const readLine = () => {
    if (!reading) return '';
    const { loaded, total, page, pageCount } = reading;
    return t`Read ${loaded} of ${total} (page ${page} of ${pageCount})…`;
  };
  return (
    <Stack gap="xs" aria-live="polite">
      {state.step ? (
        <Text size="sm" fw={500}>
          {state.step}
        </Text>
      ) : null}
      {reading ? (
        <ProgressLine text={readLine()} done={reading.loaded} total={reading.total} barLabel={t`Members read`} />
      ) : (
        <BatchProgressView progress={state.detail?.progress ?? null} result={undefined} verb="added" />
      )}
      <WaitNotice seconds={state.waitSeconds} />
      <CancelRun onCancel={onCancel} />
    </Stack>
  );
};

/** "Add to Night Shift Leads", "Remove from Day Shift". */
const actionOf = (line: Pick<ReportLine, 'action' | 'groupName' | 'groupId'>): string => {
  const groupName = line.groupName ?? line.groupId;
  return line.action === 'add' ? t`Add to ${groupName}` : t`Remove from ${groupName}`;
};

/** "Add to Night Shift Leads: 3 added". */
const summaryOf = (summary: ReportSummary): string => {
  const groupName = summary.groupName ?? summary.groupId;
  const outcome = outcomeCount(summary.outcome, summary.count);
  return summary.action === 'add'
    ? t({ message: `Add to ${groupName}: ${outcome}`, comment: 'outcome: how many had it, e.g. "3 added"' })
    : t({ message: `Remove from ${groupName}: ${outcome}`, comment: 'outcome: how many had it, e.g. "2 not found"' });
};

const reportColumns = (): ReportColumn<ReportLine>[] => {
  const outcomes = outcomeStyles(outcomeLabels(), OUTCOME_COLOURS);
  return [
    {
      header: t({ message: 'Person', comment: 'column header: the person changed' }),
      cell: (l) => l.person.name ?? l.person.id,
    },
    { header: t({ message: 'Action', comment: 'column header: what was asked for the person' }), cell: actionOf },
    {
      header: t({ message: 'Outcome', comment: 'column header: what became of the change' }),
      cell: (l) => <OutcomeBadge style={outcomes[l.outcome]} />,
    },
    {
      header: t({ message: 'Why', comment: 'column header: why the person is (or was) a member' }),
      cell: (l) => l.reason ?? '',
    },
  ];
};

/** Under the table when it shows only part of the lines. */
const ShownLines = ({ count }: { count: number }) => {
  const shown = SHOWN_LINES;
  return (
    <Trans>
      The first {shown} of {count} lines, exceptions first; the CSV has every line.
    </Trans>
  );
};

/** What was done and what was not, and why: counts per group and outcome, the lines, and a CSV of them. */
export const RunReport = ({ state, fileName }: { state: RunState; fileName: string }) => {
  const { t } = useLingui();
  const lines = state.lines;
  const ordered = useMemo(
    () => (lines ? [...lines].sort((a, b) => Number(SETTLED.has(a.outcome)) - Number(SETTLED.has(b.outcome))) : []),
    [lines],
  );
  if (state.running) return null;
  if (!lines) {
    if (!state.error) return null;
    return (
      <Alert
        color={state.cancelled ? 'yellow' : 'red'}
        role="alert"
        title={
          state.cancelled
            ? t({ message: 'Cancelled', comment: 'title: the run was cancelled' })
            : t({ message: 'Stopped', comment: 'title: the run stopped on an error' })
        }
      >
        {state.cancelled ? t`Cancelled before anything was changed.` : describeError(state.error)}
        {state.cancelled ? null : <ErrorReference error={state.error} />}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" aria-label={t({ message: 'Report', comment: 'what a run did, person by person' })}>
      <RunEndAlert allDone={allSettled(lines)} cancelled={state.cancelled}>
        <Stack gap={4}>
          {summarise(lines).map((s) => (
            <Text size="sm" key={`${s.groupId}-${s.action}-${s.outcome}`}>
              {summaryOf(s)}
            </Text>
          ))}
        </Stack>
      </RunEndAlert>
      <ReportTable
        label={t`Report lines`}
        lines={ordered}
        columns={reportColumns()}
        rowKey={(l) => `${l.groupId}-${l.action}-${l.person.id}`}
        limit={SHOWN_LINES}
      />
      {ordered.length > SHOWN_LINES ? (
        <Text size="xs" c="dimmed">
          <ShownLines count={ordered.length} />
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => downloadText(toMemberCsv(reportRows(lines)), fileName)}
        >
          <Trans>Download report (CSV)</Trans>
        </Button>
      </Group>
    </Stack>
  );
};
