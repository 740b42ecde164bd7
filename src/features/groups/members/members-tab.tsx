import { Group, Pagination, Select, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useListGroupIndividuals, useListGroupMembers } from '@/api/generated/endpoints/groups/groups';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { CopyMoveButton } from '../across/copy-move-button';
import { useIsPhone } from '@/lib/use-is-phone';
import { PAGE_SIZES, type DetailUrlState } from '../detail/detail-url-state';
import { membershipReasons, type MembershipReason } from '../detail/membership-reason';
import { AddMembersButton } from './add-members-dialog';
import { ColumnChooser } from './column-chooser';
import { ExportMembersButton } from './export-members-button';
import { MemberRows } from './member-rows';
import { MembersTable } from './members-table';
import { RemoveMembersButton } from './remove-members-button';
import { filterByStatus, type StatusKind } from './status-counts';
import { StatusFilterBar } from './status-filter-bar';

export const MEMBERS_REFRESH_MS = 5_000;

/** Refreshes only while the browser tab is visible. */
const refreshWhileVisible = () =>
  typeof document !== 'undefined' && document.visibilityState === 'visible' ? MEMBERS_REFRESH_MS : false;

/**
 * What is known of the group's dynamic rules: still loading, none (404), some, or unknown (not
 * readable by this user, or the read failed).
 */
export type RulesPresence = 'loading' | 'none' | 'some' | 'unknown';

export interface MembersTabProps {
  group: GroupModel;
  rules: RulesPresence;
  state: DetailUrlState;
  update: (change: Partial<DetailUrlState>, options?: { replace?: boolean }) => void;
  canEdit: boolean;
}

export const MembersTab = ({ group, rules, state, update, canEdit }: MembersTabProps) => {
  const groupId = group.id ?? '';
  const params = useMemo(
    () => ({
      pageNumber: state.page,
      pageSize: state.pageSize,
      sortOrder: state.sortOrder,
      ...(state.columns.length ? { expand: [...state.columns] } : {}),
    }),
    [state.page, state.pageSize, state.sortOrder, state.columns],
  );
  const members = useListGroupMembers(groupId, params, {
    query: { placeholderData: keepPreviousData, refetchInterval: refreshWhileVisible, staleTime: 0 },
  });
  // Without rules and with owners not counted, every member was added directly: the reasons need no
  // list of individuals (which for a group of many thousands is megabytes to download and parse).
  const everyoneIndividual = rules === 'none' && group.includeOwners === false;
  const individuals = useListGroupIndividuals(groupId, {
    query: { enabled: rules !== 'loading' && !everyoneIndividual },
  });
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  const individualIds = useMemo(
    () => new Set((individuals.data?.entities ?? []).map((u) => u.id ?? '')),
    [individuals.data],
  );
  const ownerIds = useMemo(() => new Set((group.owners ?? []).map((u) => u.id ?? '')), [group.owners]);
  const reasonsFor = useCallback(
    (id: string | undefined): MembershipReason[] =>
      everyoneIndividual
        ? id
          ? ownerIds.has(id)
            ? ['individual', 'owner']
            : ['individual']
          : []
        : individuals.data
          ? membershipReasons(id, individualIds, ownerIds)
          : [],
    [everyoneIndividual, individuals.data, individualIds, ownerIds],
  );

  const onToggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const onToggleAll = useCallback(
    (ids: string[], select: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (select) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const openUser = useCallback((userId: string) => update({ user: userId }), [update]);
  const toggleSort = useCallback(
    () => update({ sortOrder: state.sortOrder === 'ASC' ? 'DESC' : 'ASC', page: 1 }),
    [update, state.sortOrder],
  );

  const users = members.data?.entities;
  const visible = useMemo(() => filterByStatus(users ?? [], state.status), [users, state.status]);
  const statusKinds = useMemo(
    () => state.columns.filter((c): c is StatusKind => c === 'presence' || c === 'routingStatus'),
    [state.columns],
  );
  const isPhone = useIsPhone();
  const Members = isPhone ? MemberRows : MembersTable;
  const total = members.data?.total ?? group.memberCount ?? 0;
  const pageCount = members.data?.pageCount ?? Math.max(1, Math.ceil(total / state.pageSize));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap={isPhone ? 'xs' : undefined}>
        <Group gap="xs">
          {canEdit ? (
            <>
              <AddMembersButton group={group} />
              <RemoveMembersButton
                group={group}
                selectedIds={[...selected]}
                onDone={(removed) => setSelected((prev) => new Set([...prev].filter((id) => !removed.includes(id))))}
              />
              <CopyMoveButton group={group} selectedIds={[...selected]} status={state.status} />
            </>
          ) : null}
        </Group>
        <Group gap="xs" align="flex-end">
          <ColumnChooser value={state.columns} onChange={(columns) => update({ columns, status: null })} />
          <Select
            label={isPhone ? undefined : 'Sort'}
            aria-label="Sort"
            w={130}
            allowDeselect={false}
            value={state.sortOrder}
            onChange={(v) => update({ sortOrder: v === 'DESC' ? 'DESC' : 'ASC', page: 1 })}
            data={[
              { value: 'ASC', label: 'Name A–Z' },
              { value: 'DESC', label: 'Name Z–A' },
            ]}
          />
          <Select
            label={isPhone ? undefined : 'Page size'}
            aria-label="Page size"
            w={110}
            allowDeselect={false}
            value={String(state.pageSize)}
            onChange={(v) => update({ pageSize: Number(v), page: 1 })}
            data={PAGE_SIZES.map((n) => String(n))}
          />
          <ExportMembersButton
            groupId={groupId}
            groupName={group.name ?? 'group'}
            columns={state.columns}
            sortOrder={state.sortOrder}
          />
        </Group>
      </Group>

      {users && statusKinds.length ? (
        <StatusFilterBar
          users={users}
          kinds={statusKinds}
          filter={state.status}
          onFilterChange={(status) => update({ status }, { replace: true })}
        />
      ) : null}

      {members.isError && !users ? (
        <QueryErrorAlert
          error={members.error}
          onRetry={() => void members.refetch()}
          title="Could not load the members"
        />
      ) : null}

      {!users && members.isPending ? (
        <Stack gap={6} aria-label="Loading members" aria-busy>
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} height={28} />
          ))}
        </Stack>
      ) : null}

      {users && users.length === 0 ? (
        <EmptyState
          title="No members"
          description={canEdit ? 'Add people to this group to see them here.' : 'This group has no members yet.'}
          action={canEdit ? <AddMembersButton group={group} /> : undefined}
        />
      ) : null}

      {users && users.length > 0 ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {total} {total === 1 ? 'member' : 'members'} · page {state.page} of {pageCount}
            {state.status ? ` · ${visible.length} shown on this page` : ''}
            {selected.size ? ` · ${selected.size} selected` : ''}
          </Text>
          <Members
            users={visible}
            columns={state.columns}
            sortOrder={state.sortOrder}
            onToggleSort={toggleSort}
            selectable={canEdit}
            selected={selected}
            onToggle={onToggle}
            onToggleAll={onToggleAll}
            onOpenUser={openUser}
            reasonsFor={reasonsFor}
          />
          {pageCount > 1 ? (
            <Pagination
              total={pageCount}
              value={Math.min(state.page, pageCount)}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
};
