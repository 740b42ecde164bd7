import { Button, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { Can } from '@/lib/permissions';
import { BulkBar } from '../../bulk/bulk-bar';
import { ListTools } from '../../bulk/list-tools';
import { useGroupSelection } from '../../bulk/use-group-selection';
import { groupsViewQueryOptions, toGroupsPage } from '../groups-view-query';
import { changeView, type ViewChange } from '../list-url-state';
import { useGroupListState } from '../use-group-list-state';
import { GroupListEmpty } from './group-list-empty';
import { GroupListFilters } from './group-list-filters';
import { GroupListPager } from './group-list-pager';
import { GroupSearchBox } from './group-search-box';
import { formatCount } from './group-table-columns';
import { GroupTable } from './group-table';

/** Most skeleton rows shown while a page loads. */
const MAX_SKELETON_ROWS = 10;

export const formatGroupTotal = (total: number): string => `${formatCount(total)} ${total === 1 ? 'group' : 'groups'}`;

/** The group list: search, filters, sort, the table and paging, all driven by the URL. */
export const GroupListPage = () => {
  const [state, setState] = useGroupListState();
  const location = useLocation();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...groupsViewQueryOptions(state),
    placeholderData: keepPreviousData,
    // The route loader has just tried: a failed first load shows its error instead of retrying again.
    retryOnMount: false,
  });
  const page = useMemo(() => (query.data ? toGroupsPage(query.data, state) : undefined), [query.data, state]);
  const showingPrevious = query.isPlaceholderData;

  // Once a page shows, fetch the next one so "Next page" is instant.
  const next = showingPrevious ? undefined : page?.next;
  useEffect(() => {
    if (next) void queryClient.prefetchQuery(groupsViewQueryOptions(next));
  }, [next, queryClient]);

  const change = (c: ViewChange) => setState(changeView(state, c));
  const bulk = useGroupSelection(state);
  const pageGroups = page?.groups ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>Groups</Title>
          {page ? (
            <Text c="dimmed" size="sm" data-testid="group-total">
              {formatGroupTotal(page.total)}
            </Text>
          ) : (
            <Skeleton height={14} width={90} mt={6} />
          )}
        </div>
        <Group gap="xs">
          <ListTools view={state} total={page?.total ?? 0} />
          <Can permission="directory:group:add">
            <Button component={Link} to={paths.groups.new.getHref()} leftSection={<IconPlus size={16} aria-hidden />}>
              Create group
            </Button>
          </Can>
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <GroupSearchBox
            query={state.q}
            match={state.match}
            onQueryChange={(q) => change({ q })}
            onMatchChange={(match) => change({ match })}
          />
          <GroupListFilters state={state} onChange={change} />
        </Stack>
      </Paper>

      {bulk.allMatching || bulk.groups.length ? (
        <BulkBar
          groups={bulk.groups}
          allMatching={bulk.allMatching}
          total={page?.total ?? 0}
          view={state}
          offerAllMatching={
            (page?.total ?? 0) > pageGroups.length && pageGroups.every((g) => bulk.selection.isSelected(g.id ?? ''))
          }
          onSelectAllMatching={bulk.selectAllMatching}
          onClear={bulk.clear}
        />
      ) : null}

      {query.isError ? (
        <QueryErrorAlert title="Could not load groups" error={query.error} onRetry={() => void query.refetch()} />
      ) : null}

      {query.isError && !page ? null : page && page.groups.length === 0 && !showingPrevious ? (
        <GroupListEmpty state={state} total={page.total} onNavigate={setState} />
      ) : (
        <Stack gap="sm">
          <GroupTable
            groups={page?.groups}
            skeletonRows={Math.min(state.pageSize, MAX_SKELETON_ROWS)}
            stale={showingPrevious}
            view={location.search}
            selection={bulk.selection}
          />
          {page ? (
            <Group justify="space-between" wrap="nowrap">
              <GroupListPager page={page} disabled={showingPrevious} onNavigate={setState} />
              {query.isFetching && showingPrevious ? <Loader size="xs" aria-label="Loading groups" /> : null}
            </Group>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
};
