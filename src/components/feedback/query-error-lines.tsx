import { Trans } from '@lingui/react/macro';
import { Button, Group, Text } from '@mantine/core';
import { ErrorReference } from './error-reference';

export interface QueryErrorAlertViewProps {
  error: unknown;
  /** What went wrong, in words. */
  message: string;
  title: string;
  onRetry?: () => void;
}

/**
 * What an inline error says under its title: what went wrong, "Try again" when it can be, the reference.
 * In Mantine's alert (`variant` "white", on its tinted background) and in the plain lines that stand in
 * for it ("light").
 */
export const QueryErrorLines = ({
  error,
  message,
  onRetry,
  variant,
}: Pick<QueryErrorAlertViewProps, 'error' | 'message' | 'onRetry'> & { variant: 'white' | 'light' }) => (
  <>
    <Group justify="space-between" align="center" gap="sm">
      <Text size="sm">{message}</Text>
      {onRetry ? (
        <Button size="xs" variant={variant} color="red" onClick={onRetry}>
          <Trans>Try again</Trans>
        </Button>
      ) : null}
    </Group>
    <ErrorReference error={error} />
  </>
);
