import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useGetGroup } from '@/api/generated/endpoints/groups/groups';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { EditableGroupSelect, type PickedGroup } from '../across/editable-group-picker';
import type { Person } from '../core/transfer';
import { UserGroupsDrawer } from '../detail/user-groups-drawer';
import { useIdSelection } from '../members/use-id-selection';
import { CompareReading } from './compare-reading';
import { CompareRunDialog } from './compare-run-dialog';
import { CompareSetPanel } from './compare-set-panel';
import { COMPARE_SETS, type CompareSet } from './compare-sets';
import { useCompare, useGroupReasons } from './use-compare';
import { useCompareActions } from './use-compare-actions';
import { useCompareExport } from './use-compare-export';
import { useCompareUrlState } from './use-compare-url-state';

/** Compare two groups: only in A, only in B, in both, with the members tab's columns, export and actions. */
export const ComparePage = () => {
  const { t } = useLingui();
  const { a, b, set, state, update } = useCompareUrlState();
  const groupA = useGetGroup(a, { query: { enabled: !!a } });
  const groupB = useGetGroup(b, { query: { enabled: !!b } });
  const nameA = groupA.data?.name ?? 'A';
  const nameB = groupB.data?.name ?? 'B';
  const compare = useCompare(a, b);
  const result = compare.query.data;
  const items: Person[] = useMemo(() => result?.[set] ?? [], [result, set]);
  const { selected, onToggle, onToggleAll, clear: clearSelection } = useIdSelection();
  const { actions, action, run, startAction, closeRun } = useCompareActions({
    groupA: groupA.data,
    groupB: groupB.data,
    nameA,
    nameB,
    set,
    clearSelection,
  });
  const exportCsv = useCompareExport({ items, set, nameA, nameB, sortOrder: state.sortOrder, columns: state.columns });
  // Why each person is in: in A for "only in A" and "in both", in B for "only in B".
  const reasonsInA = useGroupReasons(groupA.data);
  const reasonsInB = useGroupReasons(groupB.data);
  const reasonsFor = set === 'onlyB' ? reasonsInB : reasonsInA;

  const pick = (side: 'a' | 'b') => (g: PickedGroup | null) => {
    clearSelection();
    update({ [side]: g?.id ?? '', page: 1 });
  };

  const tabLabel = (s: CompareSet) => {
    if (!result) {
      if (s === 'onlyA') return t`Only in ${nameA}`;
      if (s === 'onlyB') return t`Only in ${nameB}`;
      return t`In both`;
    }
    const count = result[s].length;
    if (s === 'onlyA') return t`Only in ${nameA} (${count})`;
    if (s === 'onlyB') return t`Only in ${nameB} (${count})`;
    return t`In both (${count})`;
  };

  // One banner for what went wrong: a group that cannot be read makes the comparison fail too.
  const groupError = groupA.isError ? groupA.error : groupB.isError ? groupB.error : null;

  return (
    <Stack gap="md">
      <Title order={1}>
        <Trans>Compare groups</Trans>
      </Title>
      <Group align="flex-end" wrap="wrap">
        <EditableGroupSelect
          anyVisible
          label={t`Group A`}
          exclude={b ? [b] : []}
          value={groupA.data?.id ? { id: groupA.data.id, name: nameA } : null}
          onChange={pick('a')}
        />
        <EditableGroupSelect
          anyVisible
          label={t`Group B`}
          exclude={a ? [a] : []}
          value={groupB.data?.id ? { id: groupB.data.id, name: nameB } : null}
          onChange={pick('b')}
        />
        {groupA.data?.id && groupB.data?.id ? (
          <Button variant="subtle" onClick={() => update({ a: b, b: a, page: 1 })}>
            <Trans>Swap A and B</Trans>
          </Button>
        ) : null}
      </Group>
      {groupError ? (
        <QueryErrorAlert
          error={groupError}
          title={
            groupA.isError && groupB.isError
              ? t`Could not load groups A and B`
              : groupA.isError
                ? t`Could not load group A`
                : t`Could not load group B`
          }
        />
      ) : null}
      {!a || !b ? (
        <Text c="dimmed">
          <Trans>Choose two groups to see who is in one, the other, or both.</Trans>
        </Text>
      ) : null}

      <CompareReading
        compare={compare}
        nameA={nameA}
        nameB={nameB}
        paired={!!a && !!b && a !== b}
        groupFailed={!!groupError}
      />

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
            <CompareSetPanel
              items={items}
              state={state}
              update={update}
              actions={actions}
              onAction={startAction}
              exportCsv={exportCsv}
              selected={selected}
              onToggle={onToggle}
              onToggleAll={onToggleAll}
              reasonsFor={reasonsFor}
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}

      {a && groupA.data ? (
        <Text size="sm">
          <Link to={paths.groups.detail.getHref(a)}>
            <Trans>Open {nameA}</Trans>
          </Link>
          {b && groupB.data ? (
            <>
              {' · '}
              <Link to={paths.groups.detail.getHref(b)}>
                <Trans>Open {nameB}</Trans>
              </Link>
            </>
          ) : null}
        </Text>
      ) : null}

      <CompareRunDialog action={action} run={run} onClose={closeRun} />
      <UserGroupsDrawer userId={state.user} onClose={() => update({ user: null })} />
    </Stack>
  );
};
