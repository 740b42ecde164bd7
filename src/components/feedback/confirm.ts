import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import { modalsReady } from './modals-host';

export interface ConfirmActionOptions {
  title: ReactNode;
  message: ReactNode;
  /** Label of the confirming button, e.g. "Delete group". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button, for destructive actions. */
  danger?: boolean;
}

/**
 * Asks the user to confirm an action in a modal; resolves true on confirm, false on cancel or close.
 * ```ts
 * if (await confirmAction({ title: 'Delete group?', message: …, confirmLabel: 'Delete group', danger: true })) remove.mutate(…);
 * ```
 */
export const confirmAction = ({
  title,
  message,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
}: ConfirmActionOptions): Promise<boolean> =>
  new Promise((resolve) => {
    void modalsReady.then(() =>
      modals.openConfirmModal({
        title,
        children: message,
        labels: { confirm: confirmLabel, cancel: cancelLabel },
        confirmProps: danger ? { color: 'red' } : undefined,
        onConfirm: () => resolve(true),
        onCancel: () => resolve(false),
        onClose: () => resolve(false),
      }),
    );
  });
