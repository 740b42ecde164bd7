import { Alert, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { deleteGroup, getGetGroupQueryKey } from '@/api/generated/endpoints/groups/groups';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { QueryErrorAlert, describeError } from '@/components/feedback/query-error-alert';
import { waitOutRateLimit } from '@/api/rate-limit';
import { useBulkGroups } from '../list/all-matching';
import type { BulkTarget } from '../list/bulk-target';
import { INVALIDATES, refreshAfterRun } from '../core/group-mutations';
import { ReadingGroups } from '../core/group-run-parts';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { ScrollRegion } from '@/components/layout/scroll-region';
import { countOf } from '@/lib/plural';
import { restoreNote } from '../core/history-window';

interface DeleteLine {
  group: GroupModel;
  outcome: 'deleted' | 'failed' | 'cancelled';
  reason?: string;
}

/**
 * Deletes the selected groups: lists them with the memberships that go, then asks the confirmation of
 * every change of several groups (a delete: the count typed in); then deletes one by one with
 * progress, cancel and a report.
 */
const BulkDeleteDialog = ({ target, onClose }: { target: BulkTarget; onClose: (deleted: boolean) => void }) => {
  const queryClient = useQueryClient();
  const { query, progress } = useBulkGroups(target);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [lines, setLines] = useState<DeleteLine[] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const groups = query.data ?? [];
  const memberships = groups.reduce((sum, g) => sum + (g.memberCount ?? 0), 0);

  const run = async () => {
    const confirmed = await confirmMultiChange({
      verb: 'Delete',
      count: groups.length,
      unit: 'group',
      names: groups.map((g) => g.name ?? ''),
      details: `Their ${memberships} ${memberships === 1 ? 'membership goes' : 'memberships go'} with them.`,
      deletes: true,
    });
    if (!confirmed) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    const out: DeleteLine[] = [];
    for (const group of groups) {
      if (controller.signal.aborted) {
        out.push({ group, outcome: 'cancelled' });
        continue;
      }
      try {
        await waitOutRateLimit(() => deleteGroup(group.id ?? ''), { signal: controller.signal });
        out.push({ group, outcome: 'deleted' });
      } catch (error) {
        out.push({
          group,
          outcome: controller.signal.aborted ? 'cancelled' : 'failed',
          reason: controller.signal.aborted ? undefined : describeError(error),
        });
      }
      setDone(out.length);
    }
    for (const line of out) {
      if (line.outcome === 'deleted') queryClient.removeQueries({ queryKey: getGetGroupQueryKey(line.group.id ?? '') });
    }
    refreshAfterRun(queryClient, INVALIDATES.bulkDelete());
    setLines(out);
    setRunning(false);
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
                      <Table.Td ta="right">{g.memberCount ?? 0}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            {running ? (
              <Stack gap={4}>
                <Text size="sm" role="status">
                  Deleted {done} of {groups.length}…
                </Text>
                <Progress value={(done / Math.max(groups.length, 1)) * 100} aria-label="Groups deleted" />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => abort.current?.abort()}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button color="red" disabled={groups.length === 0} onClick={() => void run()}>
                  Delete {countOf(groups.length, 'group', 'groups')}…
                </Button>
              </Group>
            )}
          </>
        ) : null}
        {lines ? (
          <>
            <Alert
              color={deleted === lines.length ? 'green' : 'orange'}
              role="status"
              title={deleted === lines.length ? 'Done' : 'Done, with exceptions'}
            >
              {deleted} deleted{deleted < lines.length ? `, ${lines.length - deleted} not deleted` : ''}.
            </Alert>
            <ScrollRegion label="Report">
              <Table aria-label="Report" withTableBorder striped fz="sm">
                <Table.Tbody>
                  {lines.map((l) => (
                    <Table.Tr key={l.group.id}>
                      <Table.Td>{l.group.name}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          tt="none"
                          color={l.outcome === 'deleted' ? 'green' : l.outcome === 'failed' ? 'red' : 'yellow'}
                        >
                          {l.outcome === 'deleted' ? 'Deleted' : l.outcome === 'failed' ? 'Not deleted' : 'Cancelled'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{l.reason ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
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
