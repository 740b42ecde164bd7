import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { getAccessToken } from '@/lib/auth';

export interface UnsavedChangesGuardProps {
  /** Asked at the moment of leaving: are there changes that would be lost? */
  hasUnsavedChanges: () => boolean;
}

/**
 * Asks before leaving a form with unsaved changes: a modal for navigation inside the console
 * (React Router's blocker), the browser's own prompt for reloads and closing the tab. A redirect to
 * sign in again is not stopped: the draft keeps the values across it.
 */
export const UnsavedChangesGuard = ({ hasUnsavedChanges }: UnsavedChangesGuardProps) => {
  const { t } = useLingui();
  const check = useRef(hasUnsavedChanges);
  useEffect(() => {
    check.current = hasUnsavedChanges;
  });

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && check.current(),
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!getAccessToken() || !check.current()) return;
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const blocked = blocker.state === 'blocked';
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t`Leave without saving?`}
      centered
      closeButtonProps={{ 'aria-label': t`Close` }}
    >
      <Text size="sm">
        <Trans>You have unsaved changes. If you leave this page now, they will be lost.</Trans>
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          <Trans>Stay on this page</Trans>
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          <Trans>Leave and discard changes</Trans>
        </Button>
      </Group>
    </Modal>
  );
};
