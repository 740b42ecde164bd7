import { t } from '@lingui/core/macro';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import { rememberOpener, returnFocus } from '@/components/dialogs/dialog-focus';
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
 * It opens on Cancel (the action that changes nothing) and gives focus back to the control that asked,
 * or the nearest one still on screen, when it closes.
 * ```ts
 * if (await confirmAction({ title: t`Delete group?`, message: …, confirmLabel: t`Delete group`, danger: true })) remove.mutate(…);
 * ```
 */
export const confirmAction = ({
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger = false,
}: ConfirmActionOptions): Promise<boolean> =>
  new Promise((resolve) => {
    const cancel = cancelLabel ?? t`Cancel`;
    const opener = rememberOpener();
    let answered = false;
    const answer = (confirmed: boolean) => {
      if (answered) return;
      answered = true;
      returnFocus(opener, document.activeElement?.closest('[role="dialog"]'));
      resolve(confirmed);
    };
    void modalsReady.then(() =>
      modals.openConfirmModal({
        title,
        children: message,
        labels: { confirm: confirmLabel, cancel },
        confirmProps: danger ? { color: 'red' } : undefined,
        cancelProps: { 'data-autofocus': true },
        returnFocus: false,
        onConfirm: () => answer(true),
        onCancel: () => answer(false),
        onClose: () => answer(false),
      }),
    );
  });
