import { plural } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Modal } from '@/components/dialogs/dialogs';
import { useState } from 'react';
import { resolvedQueryOptions } from '@/api/resolve-names';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useBulkGroups } from '../list/all-matching';
import type { BulkTarget } from '../list/bulk-target';
import { ReadingGroups } from '../core/group-run-parts';
import { downloadText } from '@/lib/download';
import { csvHeaderOf } from '../core/group-vocabulary';
import {
  DEFAULT_EXPORT_COLUMNS,
  GROUP_EXPORT_COLUMNS,
  groupsCsv,
  withOwnerEmails,
  type GroupExportColumn,
} from './groups-csv';

/**
 * Export groups (those selected, or every page of the list view) to CSV with the chosen columns, in
 * the format Import reads: owners by email (read for each owner the API names by id only).
 */
const ExportGroupsDialog = ({ target, onClose }: { target: BulkTarget; onClose: () => void }) => {
  const { t } = useLingui();
  const [columns, setColumns] = useState<GroupExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const { query, progress } = useBulkGroups(target);
  const queryClient = useQueryClient();
  const [exported, setExported] = useState<number | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const count = target.allMatching ? target.total : target.groups.length;
  // The CSV's headers: the same in every language.
  const memberCountColumn = csvHeaderOf('memberCount');
  const stateColumn = csvHeaderOf('state');
  const modifiedColumn = csvHeaderOf('dateModified');
  const idColumn = csvHeaderOf('id');

  const download = async () => {
    setWriting(true);
    setError(null);
    try {
      const read = query.data ?? [];
      const groups = columns.includes('owners')
        ? await withOwnerEmails(read, (id) => queryClient.fetchQuery(resolvedQueryOptions(queryClient, 'user', id)))
        : read;
      downloadText(groupsCsv(groups, columns), 'groups.csv');
      setExported(groups.length);
    } catch (e) {
      setError(e);
    } finally {
      setWriting(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={plural(count, { one: 'Export # group', other: 'Export # groups' })}
      size="lg"
      closeButtonProps={{ 'aria-label': t`Dismiss` }}
    >
      <Stack>
        <Checkbox.Group
          label={t({ message: 'Columns', comment: 'the columns of the CSV file to export' })}
          value={columns}
          onChange={(v) => setColumns(GROUP_EXPORT_COLUMNS.map((c) => c.key).filter((k) => v.includes(k)))}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing={6}>
            {GROUP_EXPORT_COLUMNS.map((c) => (
              <Checkbox key={c.key} value={c.key} label={c.header} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          <Trans>
            Import reads this file back: owners are written by email; the {memberCountColumn}, {stateColumn},{' '}
            {modifiedColumn} and {idColumn} columns are skipped there.
          </Trans>
        </Text>
        {query.isPending ? <ReadingGroups progress={progress} /> : null}
        {query.isError ? <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {error ? (
          <QueryErrorAlert error={error} onRetry={() => void download()} title={t`Could not read the owners' emails`} />
        ) : null}
        {exported !== null ? (
          <Text size="sm" role="status" c="green.9">
            <Plural value={exported} one="Exported # group." other="Exported # groups." />
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <Trans>Close</Trans>
          </Button>
          <Button onClick={() => void download()} loading={writing} disabled={!query.data || columns.length === 0}>
            <Trans>Download CSV</Trans>
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};

export default ExportGroupsDialog;
