import { Progress, ScrollArea, Stack, Text } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  getListGroupProfilesQueryKey,
  getListGroupsQueryKey,
  getSearchGroupsByQ64QueryKey,
  getSearchGroupsQueryKey,
} from '@/api/generated/endpoints/groups/groups';
import type { ReadProgress } from './all-matching';

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

/** A scrollable box for a long table; the viewport takes keyboard focus so it can be scrolled. */
export const ScrollRegion = ({ label, children }: { label: string; children: ReactNode }) => (
  <ScrollArea.Autosize
    mah={280}
    type="auto"
    viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': `${label}, scrollable` }}
  >
    {children}
  </ScrollArea.Autosize>
);

/** "Reading the groups: n of m…" with a progress bar, while a bulk action reads every page of a view. */
export const ReadingGroups = ({ progress }: { progress: ReadProgress | null }) => (
  <Stack gap={4}>
    <Text size="sm" role="status">
      Reading the groups{progress ? `: ${progress.loaded} of ${progress.total}` : ''}…
    </Text>
    <Progress value={progress?.total ? (progress.loaded / progress.total) * 100 : 0} aria-label="Groups read" />
  </Stack>
);
