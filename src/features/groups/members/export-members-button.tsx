import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { listGroupMembers } from '@/api/generated/endpoints/groups/groups';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { withGroupNames } from '@/api/resolve-names';
import { ErrorReference } from '@/components/feedback/error-reference';
import { describeError } from '@/components/feedback/query-error-alert';
import { EXPORT_PAGE_SIZE, fetchAllMembers, type ExportProgress } from '../core/export-members';
import { downloadText } from '@/lib/download';

export interface ExportMembersButtonProps {
  groupId: string;
  groupName: string;
  columns: readonly UserExpand[];
  sortOrder: 'ASC' | 'DESC';
}

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null }
  | { phase: 'done'; count: number; fileName: string }
  | { phase: 'failed'; message: string; error: unknown };

/** "Loaded 500 of 2316 members (page 1 of 5)…" */
const LoadedLine = ({ progress }: { progress: ExportProgress }) => {
  const { loaded, total, page, pageCount } = progress;
  return (
    <Trans>
      Loaded {loaded} of {total} members (page {page} of {pageCount})…
    </Trans>
  );
};

const ExportedLine = ({ count, fileName }: { count: number; fileName: string }) => (
  <Trans>
    Exported {count} members to {fileName}.
  </Trans>
);

const FailedLine = ({ message }: { message: string }) => <Trans>The export failed: {message}</Trans>;

/** Exports every member of the group (not just the page) with the chosen columns to CSV. */
export const ExportMembersButton = ({ groupId, groupName, columns, sortOrder }: ExportMembersButtonProps) => {
  const { t } = useLingui();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const queryClient = useQueryClient();

  const run = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'running', progress: null });
    try {
      // The CSV code (and papaparse) loads with the first export, alongside the member pages.
      const csv = import('../core/members-csv');
      csv.catch(() => undefined); // a failed load is reported where it is awaited, below
      const fetched = await fetchAllMembers(
        (pageNumber, signal) =>
          listGroupMembers(
            groupId,
            { pageNumber, pageSize: EXPORT_PAGE_SIZE, sortOrder, ...(columns.length ? { expand: [...columns] } : {}) },
            signal,
          ),
        abort.signal,
        (progress) => setState({ phase: 'running', progress }),
      );
      // Groups the API named by id only get their names (the file holds text, never ids for names).
      const users = columns.includes('groups') ? await withGroupNames(queryClient, fetched) : fetched;
      const { buildMemberCsvRows, memberCsvFileName, toMemberCsv } = await csv;
      const fileName = memberCsvFileName(groupName);
      downloadText(toMemberCsv(buildMemberCsvRows(users, columns)), fileName);
      setState({ phase: 'done', count: users.length, fileName });
    } catch (error) {
      if (abort.signal.aborted) setState({ phase: 'idle' });
      else setState({ phase: 'failed', message: describeError(error), error });
    } finally {
      controller.current = null;
    }
  };

  const cancel = () => controller.current?.abort();
  const close = () => {
    cancel();
    setState({ phase: 'idle' });
  };
  const progress = state.phase === 'running' ? state.progress : null;
  const percent =
    progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;

  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void run()}>
        <Trans comment="button: download the group's members as a CSV file">Export CSV</Trans>
      </Button>
      <Modal
        opened={state.phase !== 'idle'}
        onClose={close}
        title={t`Export members to CSV`}
        closeOnClickOutside={false}
      >
        <Stack>
          {state.phase === 'running' ? (
            <>
              <Text size="sm">{progress ? <LoadedLine progress={progress} /> : <Trans>Starting…</Trans>}</Text>
              <Progress value={percent} animated aria-label={t`Export progress`} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  <Trans>Cancel export</Trans>
                </Button>
              </Group>
            </>
          ) : null}
          {state.phase === 'done' ? (
            <>
              <Text size="sm" role="status">
                <ExportedLine count={state.count} fileName={state.fileName} />
              </Text>
              <Group justify="flex-end">
                <Button onClick={close}>
                  <Trans>Close</Trans>
                </Button>
              </Group>
            </>
          ) : null}
          {state.phase === 'failed' ? (
            <>
              <Text size="sm" c="red" role="alert">
                <FailedLine message={state.message} />
              </Text>
              <ErrorReference error={state.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  <Trans>Close</Trans>
                </Button>
                <Button onClick={() => void run()}>
                  <Trans>Try again</Trans>
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
};
