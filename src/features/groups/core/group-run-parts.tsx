import { Progress, Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
} from '@/api/generated/endpoints/groups/groups';

export interface ReadProgress {
  loaded: number;
  total: number;
}

/** Refreshes every list and search of groups (after groups were created or deleted). */
export const invalidateGroupLists = (queryClient: QueryClient) => {
  for (const queryKey of [
    getListGroupsQueryKey(),
    getListGroupProfilesQueryKey(),
    getSearchGroupsByQ64QueryKey(),
    getSearchGroupsQueryKey().slice(0, 2),
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
};

/** "Reading the groups: n of m…" with a progress bar, while a bulk action reads every page of a view. */
export const ReadingGroups = ({ progress }: { progress: ReadProgress | null }) => (
  <Stack gap={4}>
    <Text size="sm" role="status">
      Reading the groups{progress ? `: ${progress.loaded} of ${progress.total}` : ''}…
    </Text>
    <Progress value={progress?.total ? (progress.loaded / progress.total) * 100 : 0} aria-label="Groups read" />
  </Stack>
);
