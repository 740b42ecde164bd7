import { useLingui } from '@lingui/react/macro';
import { Box, Checkbox, Skeleton, Table } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { GROUP_COLUMNS } from './group-table-columns';

export interface GroupTableProps {
  /** Undefined while the first page loads: skeleton rows are shown. */
  groups: Group[] | undefined;
  /** Rows to show as skeletons. */
  skeletonRows: number;
  /** The rows are from the previous view while the next one loads. */
  stale?: boolean;
  /** The URL query string this render is for, exposed as data-view so tests can tell a settled table. */
  view?: string;
  /** Phones: name, type and members only, fitting the screen's width. */
  compact?: boolean;
  /** Checkboxes to select groups for bulk actions (absent: no selection column). */
  selection?: GroupSelection;
}

export interface GroupSelection {
  isSelected: (id: string) => boolean;
  onToggle: (group: Group) => void;
  onTogglePage: (groups: Group[], select: boolean) => void;
}

/** The columns a phone shows: what tells groups apart at a glance; the rest is on the group's page. */
const COMPACT_COLUMNS = new Set(['name', 'type', 'memberCount']);

/** Clicks on the row open the group too; the name link is the keyboard's way in. */
const useRowClick = () => {
  const navigate = useNavigate();
  return (group: Group) => (event: MouseEvent<HTMLTableRowElement>) => {
    // A click on a link or a button in the row does its own thing.
    const target = event.target as HTMLElement;
    if (!group.id || target.closest('a') || target.closest('button')) return;
    if (window.getSelection()?.toString()) return;
    void navigate(paths.groups.detail.getHref(group.id));
  };
};

export const GroupTable = ({
  groups,
  skeletonRows,
  stale = false,
  view,
  selection,
  compact = false,
}: GroupTableProps) => {
  const { t } = useLingui();
  const onRowClick = useRowClick();
  const pageIds = (groups ?? []).filter((g) => g.id);
  const selectedOnPage = selection ? pageIds.filter((g) => selection.isSelected(g.id ?? '')).length : 0;
  const columns = compact ? GROUP_COLUMNS.filter((c) => COMPACT_COLUMNS.has(c.key)) : GROUP_COLUMNS;
  return (
    // A native scroller, not Table.ScrollContainer: its ScrollArea pulls Mantine's floating layer
    // (floating-ui) into the first screen.
    <Box style={{ overflowX: 'auto' }}>
      <Table
        miw={compact ? undefined : 900}
        highlightOnHover
        verticalSpacing={compact ? 'md' : 'sm'}
        aria-label={t`Groups`}
        aria-busy={groups === undefined || stale}
        data-view={view}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t`Select every group on this page`}
                  checked={pageIds.length > 0 && selectedOnPage === pageIds.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < pageIds.length}
                  disabled={pageIds.length === 0}
                  onChange={(e) => selection.onTogglePage(pageIds, e.currentTarget.checked)}
                />
              </Table.Th>
            ) : null}
            {columns.map((column) => (
              <Table.Th key={column.key} scope="col" ta={column.align}>
                {column.label()}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups === undefined
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <Table.Tr key={i} data-testid="group-row-skeleton">
                  {selection ? <Table.Td /> : null}
                  {columns.map((column) => (
                    <Table.Td key={column.key}>
                      <Skeleton
                        height={14}
                        width={column.skeletonWidth}
                        ml={column.align === 'right' ? 'auto' : undefined}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : groups.map((group) => {
                const groupName = group.name ?? group.id;
                return (
                  <Table.Tr key={group.id} onClick={onRowClick(group)} style={{ cursor: 'pointer' }}>
                    {selection ? (
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Checkbox
                          aria-label={t`Select ${groupName}`}
                          checked={selection.isSelected(group.id ?? '')}
                          onChange={() => selection.onToggle(group)}
                        />
                      </Table.Td>
                    ) : null}
                    {columns.map((column) => (
                      <Table.Td key={column.key} ta={column.align}>
                        {column.render(group)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Box>
  );
};
