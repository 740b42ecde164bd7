import { Trans, useLingui } from '@lingui/react/macro';
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
  const { t } = useLingui();
  const result = query.data;
  const reading = query.isFetching && progress;
  const groupName = progress?.side === 'A' ? nameA : nameB;
  const loaded = progress?.read.loaded ?? 0;
  const total = progress?.read.total ?? 0;
  const cancelled = !query.isFetching && !result && !query.isError && !groupFailed && paired;
  return (
    <>
      {reading ? (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" role="status">
            <Trans>
              Reading the members of {groupName}: {loaded} of {total}…
            </Trans>
          </Text>
          <Progress
            value={progress.read.total ? (progress.read.loaded / progress.read.total) * 100 : 0}
            aria-label={t`Members read`}
          />
          {waitSeconds ? (
            <Text size="sm" c="orange.9">
              <Trans>The server asked to slow down: waiting {waitSeconds} s.</Trans>
            </Text>
          ) : null}
          <Group>
            <Button variant="default" onClick={cancel}>
              <Trans>Cancel</Trans>
            </Button>
          </Group>
        </Stack>
      ) : query.isFetching && !result ? (
        <Skeleton height={120} role="status" aria-label={t`Loading the comparison`} />
      ) : null}
      {cancelled ? (
        <Alert color="yellow" title={t`Comparison cancelled`}>
          <Button mt="xs" variant="light" onClick={() => void query.refetch()}>
            <Trans>Read the members again</Trans>
          </Button>
        </Alert>
      ) : null}
      {query.isError && !groupFailed ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} title={t`Could not compare`} />
      ) : null}
    </>
  );
};
