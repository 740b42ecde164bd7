import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
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
import { formatCount } from '@/lib/plural';
import { restoreNote } from '../core/history-window';

type DeleteOutcome = 'deleted' | 'failed' | 'cancelled';

interface DeleteLine {
  group: GroupModel;
  outcome: DeleteOutcome;
  reason?: string;
}

/** How each delete ended, in the page's language. */
const deleteOutcomes = (): OutcomeStyles<DeleteOutcome> => ({
  deleted: { label: t({ message: 'Deleted', comment: 'bulk delete report: a group' }), color: 'green' },
  failed: { label: t({ message: 'Not deleted', comment: 'bulk delete report: a group' }), color: 'red' },
  cancelled: { label: t({ message: 'Cancelled', comment: 'bulk delete report: a group' }), color: 'yellow' },
});

const reportColumns = (): ReportColumn<DeleteLine>[] => {
  const outcomes = deleteOutcomes();
  return [
    { header: t({ message: 'Group', comment: 'column header: the group deleted' }), cell: (l) => l.group.name },
    {
      header: t({ message: 'Outcome', comment: 'column header' }),
      cell: (l) => <OutcomeBadge style={outcomes[l.outcome]} />,
    },
    { header: t({ message: 'Why', comment: 'column header: the reason of the outcome' }), cell: (l) => l.reason ?? '' },
  ];
};

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
      verb: 'delete',
      count: groups.length,
      unit: 'group',
      names: groups.map((g) => g.name ?? ''),
      details: plural(memberships, {
        one: 'Their # membership goes with them.',
        other: 'Their # memberships go with them.',
      }),
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
  const notDeleted = (lines?.length ?? 0) - deleted;
  const done = run.state.detail?.done ?? 0;
  const total = groups.length;
  const membershipCount = plural(memberships, { one: '# membership', other: '# memberships' });

  return (
    <Modal
      opened
      onClose={close}
      title={lines ? t`Groups deleted` : t`Delete groups`}
      size="lg"
      closeButtonProps={{ 'aria-label': t`Dismiss` }}
      closeOnEscape={!running}
      closeOnClickOutside={!running}
    >
      <Stack>
        {query.isPending ? <ReadingGroups progress={progress} /> : null}
        {query.isError ? <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && !lines ? (
          <>
            <Text size="sm">
              {plural(total, {
                one: `# group and their ${membershipCount} will be deleted.`,
                other: `# groups and their ${membershipCount} will be deleted.`,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {restoreNote(groups.length !== 1)}
            </Text>
            <ScrollRegion label={t`Groups to delete`}>
              <Table aria-label={t`Groups to delete`} withTableBorder striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <Trans comment="column header: a group to delete">Group</Trans>
                    </Table.Th>
                    <Table.Th ta="right">
                      <Trans comment="column header: how many members a group has">Members</Trans>
                    </Table.Th>
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
                  text={t`Deleted ${done} of ${total}…`}
                  done={done}
                  total={total}
                  barLabel={t`Groups deleted`}
                />
                <WaitNotice seconds={run.state.waitSeconds} />
                <CancelRun onCancel={run.cancel} />
              </Stack>
            ) : (
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  <Trans>Cancel</Trans>
                </Button>
                <Button color="red" disabled={groups.length === 0} onClick={() => void start()}>
                  {plural(total, { one: 'Delete # group…', other: 'Delete # groups…' })}
                </Button>
              </Group>
            )}
          </>
        ) : null}
        {lines ? (
          <>
            <RunEndAlert allDone={deleted === lines.length} cancelled={run.state.cancelled}>
              {notDeleted > 0 ? (
                <Trans comment="bulk delete report: how many groups were deleted and how many not">
                  {deleted} deleted, {notDeleted} not deleted.
                </Trans>
              ) : (
                <Trans comment="bulk delete report: how many groups were deleted">{deleted} deleted.</Trans>
              )}
            </RunEndAlert>
            <ReportTable label={t`Report`} lines={lines} columns={reportColumns()} rowKey={(l) => l.group.id ?? ''} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                <Trans>Close</Trans>
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
};

export default BulkDeleteDialog;
