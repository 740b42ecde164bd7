import { plural, select } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Pagination, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMemo } from 'react';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorReference } from '@/components/feedback/error-reference';
import { QueryErrorAlert, describeError } from '@/components/feedback/query-error-alert';
import { PAGE_SIZES, type DetailUrlState } from '../core/detail-url-state';
import type { Person } from '../core/transfer';
import { ColumnChooser } from '../members/column-chooser';
import { MembersTable, type MembersTableProps } from '../members/members-table';
import { pageOf } from './compare-sets';
import { useCompareDetails } from './use-compare';
import type { CompareAction } from './use-compare-actions';
import type { CompareExport } from './use-compare-export';
import type { CompareUrlChange } from './use-compare-url-state';

interface CompareSetPanelProps extends Pick<MembersTableProps, 'selected' | 'onToggle' | 'onToggleAll' | 'reasonsFor'> {
  /** The people in the set shown. */
  items: Person[];
  state: DetailUrlState;
  update: (change: CompareUrlChange) => void;
  /** The changes the user may make to the set (none: no selection either). */
  actions: CompareAction[];
  onAction: (action: CompareAction, people: Person[]) => Promise<void>;
  exportCsv: CompareExport;
}

/**
 * One set of the comparison: its actions for the selected people or all of them, the columns, page size
 * and CSV export, then the page of people (their details read a page at a time) and the pagination.
 */
export const CompareSetPanel = ({
  items,
  state,
  update,
  actions,
  onAction,
  exportCsv: { exporting, error: exportError, exportSet },
  selected,
  onToggle,
  onToggleAll,
  reasonsFor,
}: CompareSetPanelProps) => {
  const { t } = useLingui();
  const pageCount = Math.max(1, Math.ceil(items.length / state.pageSize));
  const page = Math.min(state.page, pageCount);
  const pageIds = useMemo(
    () => pageOf(items, page, state.pageSize, state.sortOrder).map((p) => p.id),
    [items, page, state.pageSize, state.sortOrder],
  );
  const details = useCompareDetails(pageIds, state.columns);
  const selectable = actions.length > 0;
  const selectedInSet = items.filter((p) => selected.has(p.id));
  const selectedCount = selectedInSet.length;
  const allCount = items.length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Group gap="xs">
          {actions.map((act) => {
            const label = act.label;
            return (
              <Group gap={4} key={label}>
                {selectedInSet.length ? (
                  <Button
                    color={act.kind === 'remove' ? 'red' : undefined}
                    variant={act.kind === 'remove' ? 'light' : 'filled'}
                    onClick={() => void onAction(act, selectedInSet)}
                  >
                    <Trans comment="button: an action (Add to…, Remove from…) on the people selected">
                      {label}: {selectedCount} selected
                    </Trans>
                  </Button>
                ) : null}
                <Button
                  color={act.kind === 'remove' ? 'red' : undefined}
                  variant={act.kind === 'remove' ? 'light' : 'default'}
                  disabled={items.length === 0}
                  onClick={() => void onAction(act, items)}
                >
                  <Trans comment="button: an action (Add to…, Remove from…) on everyone in the set">
                    {label}: all {allCount}
                  </Trans>
                </Button>
              </Group>
            );
          })}
        </Group>
        <Group gap="xs" align="flex-end">
          <ColumnChooser value={state.columns} onChange={(columns) => update({ columns })} />
          <Select
            label={t`Page size`}
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
            <Trans>Export CSV</Trans>
          </Button>
        </Group>
      </Group>
      {exportError ? (
        <Alert color="red" role="alert" title={t`Could not export`}>
          {describeError(exportError)}
          <ErrorReference error={exportError} />
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title={t({ message: 'Nobody', comment: 'empty state: no one in this set of the comparison' })}
          description={t`No member falls in this set.`}
        />
      ) : details.isError ? (
        <QueryErrorAlert error={details.error} onRetry={() => void details.refetch()} />
      ) : !details.data ? (
        <Skeleton height={200} role="status" aria-label={t`Loading people`} />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {selectedCount
              ? plural(allCount, {
                  one: `# person · page ${page} of ${pageCount} · ${selectedCount} selected`,
                  other: `# people · page ${page} of ${pageCount} · ${selectedCount} selected`,
                })
              : plural(allCount, {
                  one: `# person · page ${page} of ${pageCount}`,
                  other: `# people · page ${page} of ${pageCount}`,
                })}
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
              getControlProps={(control) => ({
                'aria-label': select(control, {
                  first: 'first page',
                  previous: 'previous page',
                  next: 'next page',
                  other: 'last page',
                }),
              })}
              getItemProps={(pageNumber) => ({ 'aria-label': t`Page ${pageNumber}` })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
};
