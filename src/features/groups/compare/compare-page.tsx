import { Alert, Button, Group, Pagination, Progress, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useGetGroup } from '@/api/generated/endpoints/groups/groups';
import type { Group as GroupModel } from '@/api/generated/model/group';
import { withGroupNames } from '@/api/resolve-names';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert, describeError } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { useCan, useCanEditGroup } from '@/lib/permissions';
import { permissionOf } from '@/lib/permission-names';
import { EditableGroupSelect, type PickedGroup } from '../across/editable-group-picker';
import { membershipCalls } from '../core/membership-calls';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { RunProgress, RunReport } from '../across/run-views';
import { changeGroup, explainLines, type Person } from '../core/transfer';
import { useIdSelection } from '../members/use-id-selection';
import { useMembershipRun } from '../across/use-membership-run';
import { PAGE_SIZES, applyDetailChange, parseDetailSearch, type DetailUrlState } from '../core/detail-url-state';
import { UserGroupsDrawer } from '../detail/user-groups-drawer';
import { ColumnChooser } from '../members/column-chooser';
import { downloadText } from '@/lib/download';
import { buildMemberCsvRows, memberCsvFileName, reportCsvFileName, toMemberCsv } from '../core/members-csv';
import { MembersTable } from '../members/members-table';
import { COMPARE_SETS, pageOf, type CompareSet } from './compare-sets';
import { readRemovalRoleLoss } from './remove-roles';
import { useCompare, useCompareDetails, useGroupReasons, usersByIds } from './use-compare';
import { ErrorReference } from '@/components/feedback/error-reference';
import { RoleLossText } from '../core/role-loss-text';

type Action = { kind: 'add' | 'remove'; group: GroupModel; label: string };

/** Compare two groups: only in A, only in B, in both, with the members tab's columns, export and actions. */
export const ComparePage = () => {
  const [params, setParams] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const setName = params.get('set');
  const set: CompareSet = COMPARE_SETS.includes(setName as CompareSet) ? (setName as CompareSet) : 'onlyA';
  const state = useMemo(() => parseDetailSearch(params), [params]);
  const update = useCallback(
    (change: Partial<DetailUrlState> & { a?: string; b?: string; set?: CompareSet }) =>
      setParams(
        (prev) => {
          const next = applyDetailChange(prev, change);
          for (const key of ['a', 'b', 'set'] as const) {
            if (key in change) {
              const value = change[key];
              if (value && !(key === 'set' && value === 'onlyA')) next.set(key, value);
              else next.delete(key);
            }
          }
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );

  const groupA = useGetGroup(a, { query: { enabled: !!a } });
  const groupB = useGetGroup(b, { query: { enabled: !!b } });
  const nameA = groupA.data?.name ?? 'A';
  const nameB = groupB.data?.name ?? 'B';
  const { query, progress, waitSeconds, cancel } = useCompare(a, b);
  const result = query.data;
  const items: Person[] = useMemo(() => result?.[set] ?? [], [result, set]);
  const pageCount = Math.max(1, Math.ceil(items.length / state.pageSize));
  const page = Math.min(state.page, pageCount);
  const pageIds = useMemo(
    () => pageOf(items, page, state.pageSize, state.sortOrder).map((p) => p.id),
    [items, page, state.pageSize, state.sortOrder],
  );
  const details = useCompareDetails(pageIds, state.columns);
  const { selected, onToggle, onToggleAll, clear: clearSelection } = useIdSelection();
  const [action, setAction] = useState<Action | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const run = useMembershipRun();
  const queryClient = useQueryClient();
  const canEditA = useCanEditGroup(groupA.data);
  const canEditB = useCanEditGroup(groupB.data);
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  // A click while the roles are read does not ask twice.
  const checking = useRef(false);
  // Why each person is in: in A for "only in A" and "in both", in B for "only in B".
  const reasonsInA = useGroupReasons(groupA.data);
  const reasonsInB = useGroupReasons(groupB.data);
  const reasonsFor = set === 'onlyB' ? reasonsInB : reasonsInA;

  const pick = (side: 'a' | 'b') => (g: PickedGroup | null) => {
    clearSelection();
    update({ [side]: g?.id ?? '', page: 1 });
  };

  const actions: Action[] = [];
  if (groupA.data && groupB.data) {
    if (set === 'onlyA' && canEditB) actions.push({ kind: 'add', group: groupB.data, label: `Add to ${nameB}` });
    if (set === 'onlyB' && canEditA) actions.push({ kind: 'add', group: groupA.data, label: `Add to ${nameA}` });
    if ((set === 'onlyA' || set === 'both') && canEditA) {
      actions.push({ kind: 'remove', group: groupA.data, label: `Remove from ${nameA}` });
    }
  }
  const selectable = actions.length > 0;
  const selectedInSet = items.filter((p) => selected.has(p.id));

  const startAction = async (chosen: Action, people: Person[]) => {
    if (checking.current) return;
    let rolesLoss: string[] = [];
    if (chosen.kind === 'remove' && canViewGrants) {
      checking.current = true;
      // People in both stay in B, and keep what it grants.
      const stayIn = set === 'both' ? (groupB.data ?? null) : null;
      rolesLoss = await readRemovalRoleLoss(chosen.group, people, stayIn);
      checking.current = false;
    }
    const removeNote = 'Only people added directly are taken out; owners and people added by rules stay.';
    const ok = await confirmMultiChange({
      verb: chosen.kind === 'add' ? 'Add' : 'Remove',
      count: people.length,
      unit: 'person',
      target: { preposition: chosen.kind === 'add' ? 'to' : 'from', name: chosen.group.name ?? '' },
      names: people.map((p) => p.name ?? ''),
      details:
        chosen.kind === 'add' ? (
          'People already in the group are left as they are.'
        ) : rolesLoss.length ? (
          <Stack gap="xs">
            {rolesLoss.map((sentence) => (
              <RoleLossText key={sentence}>{sentence}</RoleLossText>
            ))}
            <Text size="sm">{removeNote}</Text>
          </Stack>
        ) : (
          removeNote
        ),
      danger: chosen.kind === 'remove',
      evenForOne: chosen.kind === 'remove',
    });
    if (!ok) return;
    setAction(chosen);
    void run
      .start(async (context) => {
        context.onStep(`${chosen.label}: ${people.length} ${people.length === 1 ? 'person' : 'people'}`);
        const lines = await changeGroup(
          { groupId: chosen.group.id ?? '', groupName: chosen.group.name, action: chosen.kind, people },
          membershipCalls,
          context,
        );
        return explainLines(lines, chosen.group.id ?? '', null);
      })
      .then(() => clearSelection());
  };

  const exportSet = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const ordered = pageOf(items, 1, items.length, state.sortOrder).map((p) => p.id);
      const fetched = await usersByIds(ordered, state.columns);
      const users = state.columns.includes('groups') ? await withGroupNames(queryClient, fetched) : fetched;
      const label =
        set === 'onlyA' ? `only in ${nameA}` : set === 'onlyB' ? `only in ${nameB}` : `in ${nameA} and ${nameB}`;
      downloadText(toMemberCsv(buildMemberCsvRows(users, state.columns)), memberCsvFileName(label));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const tabLabel = (s: CompareSet) => {
    const count = result ? ` (${result[s].length})` : '';
    if (s === 'onlyA') return `Only in ${nameA}${count}`;
    if (s === 'onlyB') return `Only in ${nameB}${count}`;
    return `In both${count}`;
  };

  // One banner for what went wrong: a group that cannot be read makes the comparison fail too.
  const groupError = groupA.isError ? groupA.error : groupB.isError ? groupB.error : null;
  const reading = query.isFetching && progress;
  const cancelled = !query.isFetching && !result && !query.isError && !groupError && !!a && !!b && a !== b;

  return (
    <Stack gap="md">
      <Title order={1}>Compare groups</Title>
      <Group align="flex-end" wrap="wrap">
        <EditableGroupSelect
          anyVisible
          label="Group A"
          exclude={b ? [b] : []}
          value={groupA.data?.id ? { id: groupA.data.id, name: nameA } : null}
          onChange={pick('a')}
        />
        <EditableGroupSelect
          anyVisible
          label="Group B"
          exclude={a ? [a] : []}
          value={groupB.data?.id ? { id: groupB.data.id, name: nameB } : null}
          onChange={pick('b')}
        />
        {groupA.data?.id && groupB.data?.id ? (
          <Button variant="subtle" onClick={() => update({ a: b, b: a, page: 1 })}>
            Swap A and B
          </Button>
        ) : null}
      </Group>
      {groupError ? (
        <QueryErrorAlert
          error={groupError}
          title={
            groupA.isError && groupB.isError
              ? 'Could not load groups A and B'
              : `Could not load group ${groupA.isError ? 'A' : 'B'}`
          }
        />
      ) : null}
      {!a || !b ? <Text c="dimmed">Choose two groups to see who is in one, the other, or both.</Text> : null}

      {reading ? (
        <Stack gap={4} aria-live="polite">
          <Text size="sm" role="status">
            Reading the members of {progress.side === 'A' ? nameA : nameB}: {progress.read.loaded} of{' '}
            {progress.read.total}…
          </Text>
          <Progress
            value={progress.read.total ? (progress.read.loaded / progress.read.total) * 100 : 0}
            aria-label="Members read"
          />
          {waitSeconds ? (
            <Text size="sm" c="orange.9">
              The server asked to slow down: waiting {waitSeconds} s.
            </Text>
          ) : null}
          <Group>
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : query.isFetching && !result ? (
        <Skeleton height={120} role="status" aria-label="Loading the comparison" />
      ) : null}
      {cancelled ? (
        <Alert color="yellow" title="Comparison cancelled">
          <Button mt="xs" variant="light" onClick={() => void query.refetch()}>
            Read the members again
          </Button>
        </Alert>
      ) : null}
      {query.isError && !groupError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} title="Could not compare" />
      ) : null}

      {result ? (
        <Tabs
          value={set}
          onChange={(v) => {
            clearSelection();
            update({ set: (v as CompareSet) ?? 'onlyA', page: 1 });
          }}
          keepMounted={false}
        >
          <Tabs.List>
            {COMPARE_SETS.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {tabLabel(s)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value={set} pt="sm">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" align="flex-end">
                <Group gap="xs">
                  {actions.map((act) => (
                    <Group gap={4} key={act.label}>
                      {selectedInSet.length ? (
                        <Button
                          color={act.kind === 'remove' ? 'red' : undefined}
                          variant={act.kind === 'remove' ? 'light' : 'filled'}
                          onClick={() => void startAction(act, selectedInSet)}
                        >
                          {act.label}: {selectedInSet.length} selected
                        </Button>
                      ) : null}
                      <Button
                        color={act.kind === 'remove' ? 'red' : undefined}
                        variant={act.kind === 'remove' ? 'light' : 'default'}
                        disabled={items.length === 0}
                        onClick={() => void startAction(act, items)}
                      >
                        {act.label}: all {items.length}
                      </Button>
                    </Group>
                  ))}
                </Group>
                <Group gap="xs" align="flex-end">
                  <ColumnChooser value={state.columns} onChange={(columns) => update({ columns })} />
                  <Select
                    label="Page size"
                    w={110}
                    allowDeselect={false}
                    value={String(state.pageSize)}
                    onChange={(v) => update({ pageSize: Number(v), page: 1 })}
                    data={PAGE_SIZES.map((n) => String(n))}
                  />
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    loading={exporting}
                    disabled={items.length === 0}
                    onClick={() => void exportSet()}
                  >
                    Export CSV
                  </Button>
                </Group>
              </Group>
              {exportError ? (
                <Alert color="red" role="alert" title="Could not export">
                  {describeError(exportError)}
                  <ErrorReference error={exportError} />
                </Alert>
              ) : null}
              {items.length === 0 ? (
                <EmptyState title="Nobody" description="No member falls in this set." />
              ) : details.isError ? (
                <QueryErrorAlert error={details.error} onRetry={() => void details.refetch()} />
              ) : !details.data ? (
                <Skeleton height={200} role="status" aria-label="Loading people" />
              ) : (
                <>
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {items.length} {items.length === 1 ? 'person' : 'people'} · page {page} of {pageCount}
                    {selectedInSet.length ? ` · ${selectedInSet.length} selected` : ''}
                  </Text>
                  <MembersTable
                    users={details.data}
                    columns={state.columns}
                    sortOrder={state.sortOrder}
                    onToggleSort={() => update({ sortOrder: state.sortOrder === 'ASC' ? 'DESC' : 'ASC', page: 1 })}
                    selectable={selectable}
                    selected={selected}
                    onToggle={onToggle}
                    onToggleAll={onToggleAll}
                    onOpenUser={(user) => update({ user })}
                    reasonsFor={reasonsFor}
                  />
                  {pageCount > 1 ? (
                    <Pagination
                      total={pageCount}
                      value={page}
                      onChange={(p) => update({ page: p })}
                      getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                      getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
                    />
                  ) : null}
                </>
              )}
            </Stack>
          </Tabs.Panel>
        </Tabs>
      ) : null}

      {a && groupA.data ? (
        <Text size="sm">
          <Link to={paths.groups.detail.getHref(a)}>Open {nameA}</Link>
          {b && groupB.data ? (
            <>
              {' · '}
              <Link to={paths.groups.detail.getHref(b)}>Open {nameB}</Link>
            </>
          ) : null}
        </Text>
      ) : null}

      <Modal
        opened={action !== null}
        onClose={() => {
          if (run.state.running) return;
          setAction(null);
          run.reset();
        }}
        title={action?.label ?? ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Dismiss' }}
        closeOnEscape={!run.state.running}
        closeOnClickOutside={!run.state.running}
      >
        <Stack>
          <RunProgress state={run.state} onCancel={run.cancel} />
          <RunReport state={run.state} fileName={reportCsvFileName(action?.label ?? 'change')} />
          {!run.state.running ? (
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setAction(null);
                  run.reset();
                }}
              >
                Close
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Modal>
      <UserGroupsDrawer userId={state.user} onClose={() => update({ user: null })} />
    </Stack>
  );
};
