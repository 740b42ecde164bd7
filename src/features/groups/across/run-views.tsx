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
  OUTCOME_LABELS,
  SETTLED,
  allSettled,
  outcomeCount,
  reportRows,
  summarise,
  type Outcome,
  type ReportLine,
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
const OUTCOMES = outcomeStyles(OUTCOME_LABELS, OUTCOME_COLOURS);

/** Lines shown in the dialog; the CSV holds every line. */
const SHOWN_LINES = 300;

/** The running operation: its step, the progress bar with counts, rate-limit waits, and Cancel. */
export const RunProgress = ({ state, onCancel }: { state: RunState; onCancel: () => void }) => {
  if (!state.running) return null;
  const reading = state.detail?.reading;
  return (
    <Stack gap="xs" aria-live="polite">
      {state.step ? (
        <Text size="sm" fw={500}>
          {state.step}
        </Text>
      ) : null}
      {reading ? (
        <ProgressLine
          text={`Read ${reading.loaded} of ${reading.total} (page ${reading.page} of ${reading.pageCount})…`}
          done={reading.loaded}
          total={reading.total}
          barLabel="Members read"
        />
      ) : (
        <BatchProgressView progress={state.detail?.progress ?? null} result={undefined} verb="added" />
      )}
      <WaitNotice seconds={state.waitSeconds} />
      <CancelRun onCancel={onCancel} />
    </Stack>
  );
};

const verbOf = (line: Pick<ReportLine, 'action'>) => (line.action === 'add' ? 'Add to' : 'Remove from');

const REPORT_COLUMNS: ReportColumn<ReportLine>[] = [
  { header: 'Person', cell: (l) => l.person.name ?? l.person.id },
  { header: 'Action', cell: (l) => `${verbOf(l)} ${l.groupName ?? l.groupId}` },
  { header: 'Outcome', cell: (l) => <OutcomeBadge style={OUTCOMES[l.outcome]} /> },
  { header: 'Why', cell: (l) => l.reason ?? '' },
];

/** What was done and what was not, and why: counts per group and outcome, the lines, and a CSV of them. */
export const RunReport = ({ state, fileName }: { state: RunState; fileName: string }) => {
  const lines = state.lines;
  const ordered = useMemo(
    () => (lines ? [...lines].sort((a, b) => Number(SETTLED.has(a.outcome)) - Number(SETTLED.has(b.outcome))) : []),
    [lines],
  );
  if (state.running) return null;
  if (!lines) {
    if (!state.error) return null;
    return (
      <Alert color={state.cancelled ? 'yellow' : 'red'} role="alert" title={state.cancelled ? 'Cancelled' : 'Stopped'}>
        {state.cancelled ? 'Cancelled before anything was changed.' : describeError(state.error)}
        {state.cancelled ? null : <ErrorReference error={state.error} />}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" aria-label="Report">
      <RunEndAlert allDone={allSettled(lines)} cancelled={state.cancelled}>
        <Stack gap={4}>
          {summarise(lines).map((s) => (
            <Text size="sm" key={`${s.groupId}-${s.action}-${s.outcome}`}>
              {verbOf(s)} {s.groupName ?? s.groupId}: {outcomeCount(s.outcome, s.count)}
            </Text>
          ))}
        </Stack>
      </RunEndAlert>
      <ReportTable
        label="Report lines"
        lines={ordered}
        columns={REPORT_COLUMNS}
        rowKey={(l) => `${l.groupId}-${l.action}-${l.person.id}`}
        limit={SHOWN_LINES}
      />
      {ordered.length > SHOWN_LINES ? (
        <Text size="xs" c="dimmed">
          The first {SHOWN_LINES} of {ordered.length} lines, exceptions first; the CSV has every line.
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          onClick={() => downloadText(toMemberCsv(reportRows(lines)), fileName)}
        >
          Download report (CSV)
        </Button>
      </Group>
    </Stack>
  );
};
