import { Alert, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { describeError } from '@/components/feedback/query-error-alert';
import { ScrollRegion } from '@/components/layout/scroll-region';
import { BatchProgressView } from '../core/batch-progress';
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

/** Lines shown in the dialog; the CSV holds every line. */
const SHOWN_LINES = 300;

/** The running operation: its step, the progress bar with counts, rate-limit waits, and Cancel. */
export const RunProgress = ({ state, onCancel }: { state: RunState; onCancel: () => void }) => {
  if (!state.running) return null;
  const reading = state.reading;
  return (
    <Stack gap="xs" aria-live="polite">
      {state.step ? (
        <Text size="sm" fw={500}>
          {state.step}
        </Text>
      ) : null}
      {reading ? (
        <Stack gap={4}>
          <Text size="sm" role="status">
            Read {reading.loaded} of {reading.total} (page {reading.page} of {reading.pageCount})…
          </Text>
          <Progress value={reading.total ? (reading.loaded / reading.total) * 100 : 0} aria-label="Members read" />
        </Stack>
      ) : (
        <BatchProgressView progress={state.progress} result={undefined} verb="added" />
      )}
      {state.waitSeconds ? (
        <Text size="sm" c="orange.9" role="status">
          The server asked to slow down: waiting {state.waitSeconds} s, then resuming.
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
};

const verbOf = (line: Pick<ReportLine, 'action'>) => (line.action === 'add' ? 'Add to' : 'Remove from');

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
  const ok = allSettled(lines);
  return (
    <Stack gap="xs" aria-label="Report">
      <Alert
        color={ok ? 'green' : state.cancelled ? 'yellow' : 'orange'}
        role="status"
        title={ok ? 'Done' : state.cancelled ? 'Cancelled: part was done' : 'Done, with exceptions'}
      >
        <Stack gap={4}>
          {summarise(lines).map((s) => (
            <Text size="sm" key={`${s.groupId}-${s.action}-${s.outcome}`}>
              {verbOf(s)} {s.groupName ?? s.groupId}: {outcomeCount(s.outcome, s.count)}
            </Text>
          ))}
        </Stack>
      </Alert>
      <ScrollRegion label="Report lines">
        <Table aria-label="Report lines" striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.slice(0, SHOWN_LINES).map((l) => (
              <Table.Tr key={`${l.groupId}-${l.action}-${l.person.id}`}>
                <Table.Td>{l.person.name ?? l.person.id}</Table.Td>
                <Table.Td>
                  {verbOf(l)} {l.groupName ?? l.groupId}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={OUTCOME_COLOURS[l.outcome]} tt="none">
                    {OUTCOME_LABELS[l.outcome]}
                  </Badge>
                </Table.Td>
                <Table.Td>{l.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
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
