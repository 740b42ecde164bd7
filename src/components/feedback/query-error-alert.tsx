import { Trans } from '@lingui/react/macro';
import { t } from '@lingui/core/macro';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { describeApiError } from '@/api/error-words';
import { isApiError } from '@/api/errors';
import { ErrorReference } from './error-reference';

export interface QueryErrorAlertProps {
  error: unknown;
  /** Shows a "Try again" button (e.g. `() => query.refetch()`). */
  onRetry?: () => void;
  title?: string;
}

/**
 * What went wrong, in the console's words and the page's language (call at render or event time). An
 * API error of a known code gets the console's own sentence (describeApiError); the API's own text is
 * shown as a detail by ErrorReference.
 */
export const describeError = (error: unknown): string => {
  if (isApiError(error)) return describeApiError(error);
  return error instanceof Error && error.message ? error.message : t`Something went wrong.`;
};

/**
 * An inline error for a part of a page whose data failed to load (the rest of the page keeps working),
 * with the request's reference and the console's version.
 */
export const QueryErrorAlert = ({ error, onRetry, title }: QueryErrorAlertProps) => {
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t`Could not load data`}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Stack gap="xs">
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm">{describeError(error)}</Text>
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
};
