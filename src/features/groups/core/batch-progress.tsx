import { Alert, Progress, Stack, Text } from '@mantine/core';
import { describeError } from '@/components/feedback/query-error-alert';
import type { BatchProgress, BatchRunResult } from './batch-membership';
import { ErrorReference } from '@/components/feedback/error-reference';

/** Per-batch progress while a change runs, then its outcome. */
export const BatchProgressView = ({
  progress,
  result,
  verb,
}: {
  progress: BatchProgress | null;
  result: BatchRunResult | undefined;
  verb: 'added' | 'removed';
}) => {
  if (result) {
    if (!result.error) {
      return (
        <Alert color="green" role="status" title="Done">
          {result.doneIds.length} {result.doneIds.length === 1 ? 'person' : 'people'} {verb}
          {result.conflicts
            ? ` (the group changed meanwhile; retried ${result.conflicts === 1 ? 'once' : `${result.conflicts} times`})`
            : ''}
          .
        </Alert>
      );
    }
    return (
      <Alert color="red" role="alert" title="The change did not finish">
        <Text size="sm">
          {result.doneIds.length} {verb}, {result.failedIds.length} not {verb}. {describeError(result.error)}
        </Text>
        <ErrorReference error={result.error} />
        {result.conflicts ? (
          <Text size="sm">
            The group was changed by someone else while saving, and the retry did not succeed. Reload and try again.
          </Text>
        ) : null}
      </Alert>
    );
  }
  if (!progress || progress.total === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" role="status">
        {progress.retrying
          ? `The group changed meanwhile: re-reading it and retrying batch ${progress.done + 1} of ${progress.total}…`
          : `Batch ${Math.min(progress.done + 1, progress.total)} of ${progress.total} (${progress.processedIds} done)…`}
      </Text>
      <Progress value={(progress.done / progress.total) * 100} aria-label="Batches sent" />
    </Stack>
  );
};
