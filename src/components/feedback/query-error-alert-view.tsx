import { Trans } from '@lingui/react/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ErrorReference } from './error-reference';

export interface QueryErrorAlertViewProps {
  error: unknown;
  /** What went wrong, in words. */
  message: string;
  title: string;
  onRetry?: () => void;
}

/** QueryErrorAlert's alert (query-error-alert.tsx), loaded when a part of a page first fails. */
export const QueryErrorAlertView = ({ error, message, title, onRetry }: QueryErrorAlertViewProps) => (
  <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
    <Stack gap="xs">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{message}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            <Trans>Try again</Trans>
          </Button>
        ) : null}
      </Group>
      <ErrorReference error={error} />
    </Stack>
  </Alert>
);
