import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, Stack } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { RunProgress, RunReport } from '../across/run-views';
import type { useMembershipRun } from '../across/use-membership-run';
import { reportCsvFileName } from '../core/members-csv';
import type { CompareAction } from './use-compare-actions';

interface CompareRunDialogProps {
  /** The action being run; the dialog is open while there is one. */
  action: CompareAction | null;
  run: ReturnType<typeof useMembershipRun>;
  onClose: () => void;
}

/** The run of a comparison's action: its progress with Cancel, then its report; it stays open while running. */
export const CompareRunDialog = ({ action, run, onClose }: CompareRunDialogProps) => (
  <Modal
    opened={action !== null}
    onClose={() => {
      if (run.state.running) return;
      onClose();
    }}
    title={action?.label ?? ''}
    size="lg"
    closeButtonProps={{ 'aria-label': t`Dismiss` }}
    closeOnEscape={!run.state.running}
    closeOnClickOutside={!run.state.running}
  >
    <Stack>
      <RunProgress state={run.state} onCancel={run.cancel} />
      <RunReport state={run.state} fileName={reportCsvFileName(action?.label ?? 'change')} />
      {!run.state.running ? (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <Trans>Close</Trans>
          </Button>
        </Group>
      ) : null}
    </Stack>
  </Modal>
);
