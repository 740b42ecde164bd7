import { i18n } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Group, NativeSelect, Pagination, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useListGroupMembers } from '@/api/generated/endpoints/groups/groups';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { CopyMoveButton } from '../across/copy-move-button';
import { useIdleAfter } from '@/lib/idle';
import { useIsPhone } from '@/lib/use-is-phone';
import { membersPageParams, PAGE_SIZES, type DetailUrlState } from '../core/detail-url-state';
import { REASON_PHRASES } from '../core/membership-reason';
import { AddMembersButton } from './add-members-button';
import { ColumnChooser } from './column-chooser';
import { ExportMembersButton } from './export-members-button';
import { MemberFinder } from './member-finder';
import { findMembers, queryWords } from './member-search';
import { useMemberLookup } from './use-member-lookup';
import { MemberRows } from './member-rows';
import { MembersTable } from './members-table';
import { RemoveMembersButton } from './remove-members-button';
import { VISIBLE_PAGE_REFRESH_MS } from '../roster/roster-model';
import { ReadingProgress } from '../roster/reading-progress';
import { RosterPanel } from '../roster/roster-panel';
import { useChangeMarks } from '../roster/use-change-marks';
import { useGroupRoster } from '../roster/use-group-roster';
import { useRosterPage } from '../roster/use-roster-page';
import { statusLabel, type StatusKind } from '../core/status-counts';
import { useIdSelection } from './use-id-selection';
import { useMemberReasons, type RulesPresence } from './use-member-reasons';

/** The visible page's refresh; the roster's rate budget counts on it (roster/roster-model.ts). */
export const MEMBERS_REFRESH_MS = VISIBLE_PAGE_REFRESH_MS;

/** Refreshes only while the browser tab is visible. */
const refreshWhileVisible = () =>
  typeof document !== 'undefined' && document.visibilityState === 'visible' ? MEMBERS_REFRESH_MS : false;

/** The pagination's arrows, as a screen reader names them ("next page"). */
const controlLabel = (control: 'first' | 'previous' | 'next' | 'last'): string => {
  if (control === 'first') return t({ message: 'first page', comment: 'pagination control' });
  if (control === 'previous') return t({ message: 'previous page', comment: 'pagination control' });
  if (control === 'next') return t({ message: 'next page', comment: 'pagination control' });
  return t({ message: 'last page', comment: 'pagination control' });
};

interface MembersToolbarProps {
  group: GroupModel;
  canEdit: boolean;
  selected: ReadonlySet<string>;
  nameOf: (id: string) => string | undefined;
  onDone: (ids: readonly string[]) => void;
  status: DetailUrlState['status'];
  columns: DetailUrlState['columns'];
  sortOrder: DetailUrlState['sortOrder'];
  pageSize: number;
  update: MembersTabProps['update'];
}

/**
 * The tab's actions and view controls. Memoised: a whole-group reading landing re-renders the tab for its
 * counts, and re-rendering these (the lists, the column chooser, the dialogs' buttons) made that a long
 * task on a phone.
 */
const MembersToolbar = memo(function MembersToolbar({
  group,
  canEdit,
  selected,
  nameOf,
  onDone,
  status,
  columns,
  sortOrder,
  pageSize,
  update,
}: MembersToolbarProps) {
  const { t } = useLingui();
  const isPhone = useIsPhone();
  const selectedIds = useMemo(() => [...selected], [selected]);
  return (
    <Group justify="space-between" wrap="wrap" gap={isPhone ? 'xs' : undefined}>
      <Group gap="xs">
        {canEdit ? (
          <>
            <AddMembersButton group={group} />
            <RemoveMembersButton group={group} selectedIds={selectedIds} nameOf={nameOf} onDone={onDone} />
            <CopyMoveButton group={group} selectedIds={selectedIds} status={status} onMoved={onDone} />
          </>
        ) : null}
      </Group>
      <Group gap="xs" align="flex-end">
        <ColumnChooser value={columns} onChange={(columns) => update({ columns, status: null })} />
        <NativeSelect
          label={isPhone ? undefined : t({ message: 'Sort', comment: 'label of the choice of the order of the list' })}
          aria-label={t({ message: 'Sort', comment: 'label of the choice of the order of the list' })}
          w={130}
          value={sortOrder}
          onChange={(e) => update({ sortOrder: e.currentTarget.value === 'DESC' ? 'DESC' : 'ASC', page: 1 })}
          data={[
            { value: 'ASC', label: t`Name A–Z` },
            { value: 'DESC', label: t`Name Z–A` },
          ]}
        />
        <NativeSelect
          label={isPhone ? undefined : t`Page size`}
          aria-label={t`Page size`}
          w={110}
          value={String(pageSize)}
          onChange={(e) => update({ pageSize: Number(e.currentTarget.value), page: 1 })}
          data={PAGE_SIZES.map((n) => String(n))}
        />
        <ExportMembersButton
          groupId={group.id ?? ''}
          groupName={group.name ?? 'group'}
          columns={columns}
          sortOrder={sortOrder}
        />
      </Group>
    </Group>
  );
});

export interface MembersTabProps {
  group: GroupModel;
  rules: RulesPresence;
  state: DetailUrlState;
  update: (change: Partial<DetailUrlState>, options?: { replace?: boolean }) => void;
  canEdit: boolean;
}

export const MembersTab = ({ group, rules, state, update, canEdit }: MembersTabProps) => {
  const { t } = useLingui();
  const groupId = group.id ?? '';
  const { page, pageSize, sortOrder, columns } = state;
  const params = useMemo(
    () => membersPageParams({ page, pageSize, sortOrder, columns }),
    [page, pageSize, sortOrder, columns],
  );
  const statusKinds = useMemo(
    () => state.columns.filter((c): c is StatusKind => c === 'presence' || c === 'routingStatus'),
    [state.columns],
  );
  // The live roster: whole-group counts, and every member with the chosen status (roster/).
  const rosterFilter = state.status && statusKinds.includes(state.status.kind) ? state.status : null;
  // Finding a member asks the users search and checks the hits' groups (member-lookup.ts); with a
  // status filter, or where the search cannot answer, it finds them in the roster's whole-group reading.
  const words = useMemo(() => queryWords(state.q), [state.q]);
  const searching = words.length > 0;
  const lookup = useMemberLookup(groupId, group.memberCount ?? 0, words, searching && !rosterFilter);
  const searchInRoster = searching && (!!rosterFilter || lookup.readGroup);
  const reason = state.reason;
  // A status, a reason or a search: the page then comes from whole-group lists, not the members pages.
  const listActive = !!rosterFilter || !!reason || searching;
  // Whether events keep the roster live (set once the roster below says so): the page then waits for them.
  const [live, setLive] = useState<{ live: boolean; rereadMs: number }>({ live: false, rereadMs: 0 });
  const members = useListGroupMembers(groupId, params, {
    query: {
      enabled: !listActive,
      placeholderData: keepPreviousData,
      refetchInterval: live.live ? live.rereadMs : refreshWhileVisible,
      // A page read within its refresh interval (the route's loader asks for the first one) is not read
      // again as the tab mounts.
      staleTime: live.live ? live.rereadMs : MEMBERS_REFRESH_MS,
    },
  });
  // The whole-group readings (the roster's counts, the reasons' lists) wait for the visible page's rows to
  // have painted: started beside them, their worker, requests and progress made a phone's first rows come
  // about a second later. A filtered list, which is made of them, reads at once.
  const rowsPainted = useIdleAfter(members.data !== undefined);
  // With a status column on, a group small enough is kept live by push.
  const roster = useGroupRoster(
    groupId,
    group.memberCount ?? 0,
    searchInRoster || (statusKinds.length > 0 && (!!rosterFilter || rowsPainted)),
    statusKinds.length > 0,
  );
  if (roster.live !== live.live || (roster.live && roster.rereadMs !== live.rereadMs))
    setLive({ live: roster.live, rereadMs: roster.rereadMs });
  // The members page's people, where the page shows them (a list from a whole-group reading may show anyone).
  const reasons = useMemberReasons(
    group,
    rules,
    !!reason,
    listActive ? undefined : (members.data?.entities ?? []),
    rowsPainted,
  );
  const reasonIds = reason ? reasons.idsWith(reason) : undefined;
  const needsRoster = !!rosterFilter || searchInRoster;
  const entries = roster.reading?.entries;
  const found = searching && !searchInRoster ? lookup.ids : undefined;
  const listIds = useMemo(() => {
    if (!listActive || (needsRoster && !entries) || (reason && !reasonIds)) return undefined;
    if (searching && !searchInRoster && !found) return undefined;
    let ids: readonly string[] | undefined = found;
    if (needsRoster) {
      const kept = rosterFilter ? entries!.filter((e) => e[rosterFilter.kind] === rosterFilter.value) : entries!;
      ids = searchInRoster ? findMembers(kept, words) : kept.map((e) => e.id);
    }
    if (!ids) return reasonIds;
    if (!reasonIds) return ids;
    const withReason = new Set(reasonIds);
    return ids.filter((id) => withReason.has(id));
  }, [listActive, needsRoster, entries, reason, reasonIds, rosterFilter, searching, searchInRoster, found, words]);
  const [pointerOnTable, setPointerOnTable] = useState(false);
  const rosterPage = useRosterPage({
    ids: listIds,
    active: listActive,
    viewKey: `${rosterFilter ? `${rosterFilter.kind}:${rosterFilter.value}` : ''}|${reason ?? ''}|${words.join(' ')}`,
    page: state.page,
    pageSize: state.pageSize,
    sortOrder: state.sortOrder,
    columns: state.columns,
    hold: pointerOnTable,
    liveRereadMs: roster.live ? roster.rereadMs : undefined,
  });
  const { selected, onToggle, onToggleAll, deselect } = useIdSelection();

  const openUser = useCallback((userId: string) => update({ user: userId }), [update]);
  const toggleSort = useCallback(
    () => update({ sortOrder: state.sortOrder === 'ASC' ? 'DESC' : 'ASC', page: 1 }),
    [update, state.sortOrder],
  );

  // The rows render as a transition, in slices: a page of members with six expand columns (or a reading's
  // reasons arriving for it) is too much for one task on a phone. Until then the previous rows stay.
  const users = useDeferredValue(listActive ? rosterPage.users : members.data?.entities);
  const reasonsFor = useDeferredValue(reasons.reasonsFor);
  const markFor = useChangeMarks(users);
  const nameOf = useMemo(() => {
    const names = new Map((users ?? []).map((u) => [u.id, u.name]));
    return (id: string) => names.get(id);
  }, [users]);
  const total = listActive ? rosterPage.total : (members.data?.total ?? group.memberCount ?? 0);
  const pageCount = listActive
    ? rosterPage.pageCount
    : (members.data?.pageCount ?? Math.max(1, Math.ceil(total / state.pageSize)));
  const loadError = listActive ? rosterPage : members;
  // A whole-group reading the list waits for, and its progress.
  const readingFor =
    needsRoster && !entries
      ? { label: t`Reading the group’s members`, progress: roster.progress, error: roster.error, retry: roster.refetch }
      : reason && !reasonIds
        ? {
            label: t`Reading why each member is in`,
            progress: reasons.progress,
            error: reasons.error,
            retry: reasons.refetch,
          }
        : null;
  const onQueryChange = useCallback((q: string) => update({ q, page: 1 }, { replace: true }), [update]);
  const onReasonChange = useCallback((r: typeof reason) => update({ reason: r, page: 1 }, { replace: true }), [update]);
  const onStatusChange = useCallback(
    (status: DetailUrlState['status']) => update({ status, page: 1 }, { replace: true }),
    [update],
  );
  // The filters on, as one phrase after "members": each filter is a message, listed with commas.
  const status = rosterFilter ? statusLabel(rosterFilter.value) : '';
  const search = state.q.trim();
  const describe = [
    rosterFilter
      ? t({ message: `with ${status} at the last count`, comment: 'describes members: "12 members with Available…"' })
      : '',
    reason ? i18n._(REASON_PHRASES[reason]) : '',
    searching ? t({ message: `matching “${search}”`, comment: 'describes members: "3 members matching “ana”"' }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const pageNumber = state.page;
  const selectedCount = selected.size;
  const isPhone = useIsPhone();
  const Members = isPhone ? MemberRows : MembersTable;

  return (
    <Stack gap="sm">
      <MembersToolbar
        group={group}
        canEdit={canEdit}
        selected={selected}
        nameOf={nameOf}
        onDone={deselect}
        status={state.status}
        columns={state.columns}
        sortOrder={state.sortOrder}
        pageSize={state.pageSize}
        update={update}
      />

      <MemberFinder
        query={state.q}
        onQueryChange={onQueryChange}
        reason={reason}
        onReasonChange={onReasonChange}
        counts={reasons.counts}
        inferred={reasons.inferred}
      />

      {statusKinds.length ? (
        <RosterPanel roster={roster} kinds={statusKinds} filter={rosterFilter} onFilterChange={onStatusChange} />
      ) : null}

      {loadError.isError && !users ? (
        <QueryErrorAlert
          error={loadError.error}
          onRetry={() => void loadError.refetch()}
          title={t`Could not load the members`}
        />
      ) : null}

      {readingFor && !readingFor.error ? (
        <ReadingProgress label={readingFor.label} source={readingFor.progress} />
      ) : null}
      {readingFor?.error ? (
        <QueryErrorAlert error={readingFor.error} onRetry={readingFor.retry} title={t`Could not read the group`} />
      ) : null}

      {!users && !readingFor && (listActive ? rosterPage.isPending : members.isPending) ? (
        <Stack gap={6} aria-label={t`Loading members`} aria-busy>
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : null}

      {users && users.length === 0 && listActive ? (
        <EmptyState
          title={
            searching
              ? t`No member found`
              : reason && !rosterFilter
                ? t`No one in this way`
                : t`No one with this status`
          }
          description={t({
            message: `No member of the group ${describe}.`,
            comment: 'describe: the filters on, e.g. "with Available at the last count, matching “ana”"',
          })}
        />
      ) : null}

      {users && users.length === 0 && !listActive ? (
        <EmptyState
          title={t`No members`}
          description={canEdit ? t`Add people to this group to see them here.` : t`This group has no members yet.`}
          action={canEdit ? <AddMembersButton group={group} /> : undefined}
        />
      ) : null}

      {users && users.length > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {describe
              ? plural(total, {
                  one: `# member ${describe}`,
                  other: `# members ${describe}`,
                })
              : plural(total, { one: '# member', other: '# members' })}
            {' · '}
            {t({ message: `page ${pageNumber} of ${pageCount}`, comment: 'the page of the list shown' })}
            {selectedCount ? ` · ${t`${selectedCount} selected`}` : ''}
          </Text>
          <div onPointerEnter={() => setPointerOnTable(true)} onPointerLeave={() => setPointerOnTable(false)}>
            <Members
              users={users}
              columns={state.columns}
              sortOrder={state.sortOrder}
              onToggleSort={toggleSort}
              selectable={canEdit}
              selected={selected}
              onToggle={onToggle}
              onToggleAll={onToggleAll}
              onOpenUser={openUser}
              reasonsFor={reasonsFor}
              markFor={markFor}
            />
          </div>
          {pageCount > 1 ? (
            <Pagination
              total={pageCount}
              value={Math.min(state.page, pageCount)}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': controlLabel(control) })}
              getItemProps={(page) => ({ 'aria-label': t`Page ${page}` })}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
};
