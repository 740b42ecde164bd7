import { Progress, Stack, Text } from '@mantine/core';

export interface ReadProgress {
  loaded: number;
  total: number;
}

/** "Reading the groups: n of m…" with a progress bar, while a bulk action reads every page of a view. */
export const ReadingGroups = ({ progress }: { progress: ReadProgress | null }) => (
  <Stack gap={4}>
    <Text size="sm" role="status">
      Reading the groups{progress ? `: ${progress.loaded} of ${progress.total}` : ''}…
    </Text>
    <Progress value={progress?.total ? (progress.loaded / progress.total) * 100 : 0} aria-label="Groups read" />
  </Stack>
);
