import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '@/api/errors';
import { ErrorReference } from './error-reference';

export interface QueryErrorAlertProps {
  error: unknown;
  /** Shows a "Try again" button (e.g. `() => query.refetch()`). */
  onRetry?: () => void;
  title?: string;
}

export const describeError = (error: unknown): string => {
  if (isApiError(error)) {
    if (error.isNetworkError) return 'The server could not be reached. Check your connection and try again.';
    if (error.status === 403) return `You do not have permission to do this. ${error.message}`;
    if (error.status === 429) {
      // The server's message names the limit and the wait (the HTTP layer already waited out short ones).
      const wait = error.retryAfterSeconds
        ? `Try again in ${error.retryAfterSeconds} seconds.`
        : 'Wait a moment and try again.';
      return `Too many requests. ${error.body.message ?? wait}`;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
};

/**
 * An inline error for a part of a page whose data failed to load (the rest of the page keeps working),
 * with the request's reference and the console's version.
 */
export const QueryErrorAlert = ({ error, onRetry, title = 'Could not load data' }: QueryErrorAlertProps) => (
  <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
    <Stack gap="xs">
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Group>
      <ErrorReference error={error} />
    </Stack>
  </Alert>
);
