import { Alert, Button, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import type { useCompare } from './use-compare';

interface CompareReadingProps {
  compare: ReturnType<typeof useCompare>;
  nameA: string;
  nameB: string;
  /** Two different groups are chosen, so they are compared. */
  paired: boolean;
  /** A group could not be read: its banner stands for the comparison too. */
  groupFailed: boolean;
}

/**
 * The comparison until its result is in: the members read so far with the server's waits and Cancel,
 * a skeleton before the first page, "cancelled" with a way to read again, or why it failed.
 */
export const CompareReading = ({
  compare: { query, progress, waitSeconds, cancel },
  nameA,
  nameB,
  paired,
  groupFailed,
}: CompareReadingProps) => {
  const result = query.data;
  const reading = query.isFetching && progress;
  const cancelled = !query.isFetching && !result && !query.isError && !groupFailed && paired;
  return (
    <>
      {reading ? (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" role="status">
            Reading the members of {progress.side === 'A' ? nameA : nameB}: {progress.read.loaded} of{' '}
            {progress.read.total}…
          </Text>
          <Progress
            value={progress.read.total ? (progress.read.loaded / progress.read.total) * 100 : 0}
            aria-label="Members read"
          />
          {waitSeconds ? (
            <Text size="sm" c="orange.9">
              The server asked to slow down: waiting {waitSeconds} s.
            </Text>
          ) : null}
          <Group>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : query.isFetching && !result ? (
        <Skeleton height={120} role="status" aria-label="Loading the comparison" />
      ) : null}
      {cancelled ? (
        <Alert color="yellow" title="Comparison cancelled">
          <Button mt="xs" variant="light" onClick={() => void query.refetch()}>
            Read the members again
          </Button>
        </Alert>
      ) : null}
      {query.isError && !groupFailed ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} title="Could not compare" />
      ) : null}
    </>
  );
};
