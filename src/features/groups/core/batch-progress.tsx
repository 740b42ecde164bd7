import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Progress, Stack, Text } from '@mantine/core';
import { describeError } from '@/components/feedback/query-error-alert';
import type { BatchProgress, BatchRunResult } from './batch-membership';
import { ErrorReference } from '@/components/feedback/error-reference';

/** Per-batch progress while a change runs, then its outcome. */
/** "3 people added." with, when the group changed meanwhile, how often the run retried. */
const doneText = (count: number, verb: 'added' | 'removed', conflicts: number): string => {
  if (verb === 'added') {
    if (!conflicts) return plural(count, { one: '# person added.', other: '# people added.' });
    if (conflicts === 1) {
      return plural(count, {
        one: '# person added (the group changed meanwhile; retried once).',
        other: '# people added (the group changed meanwhile; retried once).',
      });
    }
    return plural(count, {
      one: `# person added (the group changed meanwhile; retried ${conflicts} times).`,
      other: `# people added (the group changed meanwhile; retried ${conflicts} times).`,
    });
  }
  if (!conflicts) return plural(count, { one: '# person removed.', other: '# people removed.' });
  if (conflicts === 1) {
    return plural(count, {
      one: '# person removed (the group changed meanwhile; retried once).',
      other: '# people removed (the group changed meanwhile; retried once).',
    });
  }
  return plural(count, {
    one: `# person removed (the group changed meanwhile; retried ${conflicts} times).`,
    other: `# people removed (the group changed meanwhile; retried ${conflicts} times).`,
  });
};

export const BatchProgressView = ({
  progress,
  result,
  verb,
}: {
  progress: BatchProgress | null;
  result: BatchRunResult | undefined;
  verb: 'added' | 'removed';
}) => {
  const { t } = useLingui();
  if (result) {
    if (!result.error) {
      return (
        <Alert color="green" role="status" title={t`Done`}>
          {doneText(result.doneIds.length, verb, result.conflicts)}
        </Alert>
      );
    }
    const doneCount = result.doneIds.length;
    const failedCount = result.failedIds.length;
    const error = describeError(result.error);
    return (
      <Alert color="red" role="alert" title={t`The change did not finish`}>
        <Text size="sm">
          {verb === 'added'
            ? t`${doneCount} added, ${failedCount} not added. ${error}`
            : t`${doneCount} removed, ${failedCount} not removed. ${error}`}
        </Text>
        <ErrorReference error={result.error} />
        {result.conflicts ? (
          <Text size="sm">
            <Trans>
              The group was changed by someone else while saving, and the retry did not succeed. Reload and try again.
            </Trans>
          </Text>
        ) : null}
      </Alert>
    );
  }
  if (!progress || progress.total === 0) return null;
  const total = progress.total;
  const retried = progress.done + 1;
  const batch = Math.min(progress.done + 1, progress.total);
  const processed = progress.processedIds;
  return (
    <Stack gap={4}>
      <Text size="sm" role="status">
        {progress.retrying
          ? t`The group changed meanwhile: re-reading it and retrying batch ${retried} of ${total}…`
          : t`Batch ${batch} of ${total} (${processed} done)…`}
      </Text>
      <Progress value={(progress.done / progress.total) * 100} aria-label={t`Batches sent`} />
    </Stack>
  );
};
