import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useQueryClient } from '@tanstack/react-query';
import { deleteGroup } from '@/api/generated/endpoints/groups/groups';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useBulkGroups } from '../list/all-matching';
import type { BulkTarget } from '../list/bulk-target';
import { forgetGroup, INVALIDATES } from '../core/group-mutations';
import { ReadingGroups } from '../core/group-run-parts';
import { eachItem, useLongRun } from '../core/long-run';
import {
  CancelRun,
  OutcomeBadge,
  ProgressLine,
  ReportTable,
  RunEndAlert,
  WaitNotice,
  type OutcomeStyles,
  type ReportColumn,
} from '../core/run-report';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { ScrollRegion } from '@/components/layout/scroll-region';
import { countOf, formatCount } from '@/lib/plural';
import { restoreNote } from '../core/history-window';

type DeleteOutcome = 'deleted' | 'failed' | 'cancelled';

interface DeleteLine {
  group: GroupModel;
  outcome: DeleteOutcome;
  reason?: string;
}

const DELETE_OUTCOMES: OutcomeStyles<DeleteOutcome> = {
  deleted: { label: 'Deleted', color: 'green' },
  failed: { label: 'Not deleted', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'yellow' },
};

const REPORT_COLUMNS: ReportColumn<DeleteLine>[] = [
  { header: 'Group', cell: (l) => l.group.name },
  { header: 'Outcome', cell: (l) => <OutcomeBadge style={DELETE_OUTCOMES[l.outcome]} /> },
  { header: 'Why', cell: (l) => l.reason ?? '' },
];

/**
 * Deletes the selected groups: lists them with the memberships that go, then asks the confirmation of
 * every change of several groups (a delete: the count typed in); then deletes one by one with
 * progress, cancel and a report.
 */
const BulkDeleteDialog = ({ target, onClose }: { target: BulkTarget; onClose: (deleted: boolean) => void }) => {
  const queryClient = useQueryClient();
  const { query, progress } = useBulkGroups(target);
  const run = useLongRun<DeleteLine>();
  const groups = query.data ?? [];
  const memberships = groups.reduce((sum, g) => sum + (g.memberCount ?? 0), 0);
  const { running, lines } = run.state;

  const start = async () => {
    const confirmed = await confirmMultiChange({
      verb: 'Delete',
      count: groups.length,
      unit: 'group',
      names: groups.map((g) => g.name ?? ''),
      details: `Their ${memberships} ${memberships === 1 ? 'membership goes' : 'memberships go'} with them.`,
      deletes: true,
    });
    if (!confirmed) return;
    await run.start(
      (context) =>
        eachItem(
          groups,
          context,
          async (group): Promise<DeleteLine> => {
            await context.call(() => deleteGroup(group.id ?? ''));
            forgetGroup(queryClient, group.id ?? '');
            return { group, outcome: 'deleted' };
          },
          {
            failed: (group, reason) => ({ group, outcome: 'failed', reason }),
            cancelled: (group) => ({ group, outcome: 'cancelled' }),
          },
        ),
      () => INVALIDATES.bulkDelete(),
    );
  };

  const deleted = lines?.filter((l) => l.outcome === 'deleted').length ?? 0;
  const close = () => {
    if (!running) onClose(deleted > 0);
  };

  return (
    <Modal
      opened
      onClose={close}
      title={lines ? 'Groups deleted' : 'Delete groups'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Dismiss' }}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
    >
      <Stack>
        {query.isPending ? <ReadingGroups progress={progress} /> : null}
        {query.isError ? <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && !lines ? (
          <>
            <Text size="sm">
              {countOf(groups.length, 'group', 'groups')} and their {countOf(memberships, 'membership', 'memberships')}{' '}
              will be deleted.
            </Text>
            <Text size="sm" c="dimmed">
              {restoreNote(groups.length !== 1)}
            </Text>
            <ScrollRegion label="Groups to delete">
              <Table aria-label="Groups to delete" withTableBorder striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Group</Table.Th>
                    <Table.Th ta="right">Members</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>{g.name}</Table.Td>
                      <Table.Td ta="right">{formatCount(g.memberCount ?? 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            {running ? (
              <Stack gap={4}>
                <ProgressLine
                  text={`Deleted ${run.state.detail?.done ?? 0} of ${groups.length}…`}
                  done={run.state.detail?.done ?? 0}
                  total={groups.length}
                  barLabel="Groups deleted"
                />
                <WaitNotice seconds={run.state.waitSeconds} />
                <CancelRun onCancel={run.cancel} />
              </Stack>
            ) : (
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button color="red" disabled={groups.length === 0} onClick={() => void start()}>
                  Delete {countOf(groups.length, 'group', 'groups')}…
                </Button>
              </Group>
            )}
          </>
        ) : null}
        {lines ? (
          <>
            <RunEndAlert allDone={deleted === lines.length} cancelled={run.state.cancelled}>
              {deleted} deleted{deleted < lines.length ? `, ${lines.length - deleted} not deleted` : ''}.
            </RunEndAlert>
            <ReportTable label="Report" lines={lines} columns={REPORT_COLUMNS} rowKey={(l) => l.group.id ?? ''} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Close
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
};

export default BulkDeleteDialog;
