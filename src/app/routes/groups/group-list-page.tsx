import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Button, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { lazyOptional } from '@/lib/optional-chunk';
import { Link, useLocation } from 'react-router';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { Can } from '@/lib/permissions';
import { BulkBar } from '@/features/groups/bulk/bulk-bar';
import { RecentlyDeletedLink } from '@/features/groups/history/recently-deleted-link';
import { ListTools } from '@/features/groups/bulk/list-tools';
import { useGroupSelection } from '@/features/groups/bulk/use-group-selection';
import { useAfterFirstPaint, whenIdleAfterFirstScreen } from '@/lib/idle';
import { useIsPhone } from '@/lib/use-is-phone';
import { groupsViewQueryOptions, toGroupsPage } from '@/features/groups/list/groups-view-query';
import {
  activeFilterCount,
  changeView,
  type GroupListState,
  type ViewChange,
} from '@/features/groups/list/list-url-state';
import { useGroupListState } from '@/features/groups/list/use-group-list-state';
import { GroupListPager } from '@/features/groups/list/components/group-list-pager';
import { GroupSearchBox } from '@/features/groups/list/components/group-search-box';
import { GroupTable } from '@/features/groups/list/components/group-table';
import { permissionOf } from '@/lib/permission-names';

// The filter inputs (Mantine's Combobox and floating layer) are not needed to paint the list: they load
// once the browser is idle after it (or at the first touch, key or click), in place of a placeholder of
// their size; on a phone, when the Filters control is tapped.
// Without their code (the server away when they load), the list stays usable without them.
const GroupListFilters = lazyOptional(
  () => import('@/features/groups/list/components/group-list-filters').then((m) => m.GroupListFilters),
  () => <FiltersPlaceholder />,
);
const GroupListFiltersDrawer = lazyOptional(
  () => import('@/features/groups/list/components/group-list-filters-drawer').then((m) => m.GroupListFiltersDrawer),
  () => null,
);

// Shown only when a view has no groups.
const GroupListEmpty = lazyOptional(
  () => import('@/features/groups/list/components/group-list-empty').then((m) => m.GroupListEmpty),
  () => (
    <Text c="dimmed">
      <Trans>No groups match this view.</Trans>
    </Text>
  ),
);

/** Where the filter inputs go until they have loaded: their height, so nothing moves. */
const FiltersPlaceholder = () => (
  <Group align="flex-end" gap="sm" aria-hidden>
    <Skeleton height={36} width={110} animate={false} />
    {[200, 240, 200, 240, 150].map((w, i) => (
      <Stack key={i} gap={4} w={w}>
        <Skeleton height={16} width="40%" animate={false} />
        <Skeleton height={36} animate={false} />
      </Stack>
    ))}
  </Group>
);

/** The phone's one control for filters, sort and page size, with the number of filters in effect. */
const PhoneFilters = ({ state, onChange }: { state: GroupListState; onChange: (c: ViewChange) => void }) => {
  const { t } = useLingui();
  const [opened, setOpened] = useState(false);
  const active = activeFilterCount(state);
  return (
    <>
      <Button
        variant="default"
        size="md"
        mih={44}
        fullWidth
        leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
        rightSection={
          active > 0 ? (
            <Badge size="sm" circle data-testid="active-filter-count">
              {active}
            </Badge>
          ) : null
        }
        aria-label={
          active > 0
            ? t({
                message: `Filters, ${active} active`,
                comment: 'a button opening the filters; {active} is how many are in effect',
              })
            : t({ message: 'Filters', comment: 'a button opening the filters of the list' })
        }
        aria-haspopup="dialog"
        onClick={() => setOpened(true)}
      >
        <Trans comment="a button opening the filters of the list">Filters</Trans>
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <GroupListFiltersDrawer state={state} onChange={onChange} opened onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
};

/** Most skeleton rows shown while a page loads. */
const MAX_SKELETON_ROWS = 10;

/** "1 group", "2,316 groups" (call at render time). */
export const formatGroupTotal = (total: number): string => plural(total, { one: '# group', other: '# groups' });

/** The group list: search, filters, sort, the table and paging, all driven by the URL. */
export const GroupListPage = () => {
  const { t } = useLingui();
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

  // Once a page shows and the browser is idle, fetch the next one so "Next page" is instant.
  const next = showingPrevious ? undefined : page?.next;
  useEffect(() => {
    if (!next) return;
    return whenIdleAfterFirstScreen(() => void queryClient.prefetchQuery(groupsViewQueryOptions(next)));
  }, [next, queryClient]);

  const change = (c: ViewChange) => setState(changeView(state, c));
  const bulk = useGroupSelection(state);
  const pageGroups = page?.groups ?? [];
  const isPhone = useIsPhone();
  const afterFirstPaint = useAfterFirstPaint();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>
            <Trans comment="the heading of the list of groups">Groups</Trans>
          </Title>
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
          <RecentlyDeletedLink />
          <Can permission={permissionOf('createGroup')}>
            <Button component={Link} to={paths.groups.new.getHref()} leftSection={<IconPlus size={16} aria-hidden />}>
              <Trans>Create group</Trans>
            </Button>
          </Can>
        </Group>
      </Group>

      <Paper withBorder p={isPhone ? 'sm' : 'md'} radius="md">
        <Stack gap="sm">
          <GroupSearchBox
            query={state.q}
            match={state.match}
            onQueryChange={(q) => change({ q })}
            onMatchChange={(match) => change({ match })}
          />
          {isPhone ? (
            <PhoneFilters state={state} onChange={change} />
          ) : !afterFirstPaint ? (
            <FiltersPlaceholder />
          ) : (
            <Suspense fallback={<FiltersPlaceholder />}>
              <GroupListFilters state={state} onChange={change} />
            </Suspense>
          )}
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
        <QueryErrorAlert title={t`Could not load groups`} error={query.error} onRetry={() => void query.refetch()} />
      ) : null}

      {query.isError && !page ? null : page && page.groups.length === 0 && !showingPrevious ? (
        <Suspense fallback={null}>
          <GroupListEmpty state={state} total={page.total} onNavigate={setState} />
        </Suspense>
      ) : (
        <Stack gap="sm">
          <GroupTable
            groups={page?.groups}
            skeletonRows={Math.min(state.pageSize, MAX_SKELETON_ROWS)}
            stale={showingPrevious}
            view={location.search}
            selection={isPhone ? undefined : bulk.selection}
            compact={isPhone}
          />
          {page ? (
            <Group justify="space-between" wrap="nowrap">
              <GroupListPager page={page} disabled={showingPrevious} onNavigate={setState} />
              {query.isFetching && showingPrevious ? <Loader size="xs" aria-label={t`Loading groups`} /> : null}
            </Group>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
};
