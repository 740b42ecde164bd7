import { Trans, useLingui } from '@lingui/react/macro';
import { Anchor, Badge, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { lazy, memo, Suspense, type ReactNode } from 'react';
import type { User } from '@/api/generated/model/user';
import type { UserExpand } from '@/api/generated/model/userExpand';
import type { MembershipReason } from '../core/membership-reason';
import { CELL_TEXT_STYLE, ReasonBadges, renderExpandCell } from './member-cells';
import { memberFieldLabel } from '../core/member-fields';

export interface MembersTableProps {
  users: readonly User[];
  columns: readonly UserExpand[];
  sortOrder: 'ASC' | 'DESC';
  onToggleSort: () => void;
  /** Shows the selection column (people who may change membership). */
  selectable: boolean;
  selected: ReadonlySet<string>;
  /** Must be stable (e.g. built on a state setter's functional update) so rows stay memoised. */
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], select: boolean) => void;
  onOpenUser: (userId: string) => void;
  reasonsFor: (userId: string | undefined) => MembershipReason[];
  /** A change to mark on the row for a moment ("now Available"), from the live roster. */
  markFor?: (userId: string | undefined) => string | undefined;
}

/** What one member's row shows and does, as a table row here and as a phone's row (member-rows.tsx). */
export interface MemberRowProps {
  user: User;
  columns: readonly UserExpand[];
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
  onOpenUser: (id: string) => void;
  reasons: string;
}

interface RowProps extends MemberRowProps {
  /** Row index on the page; set (with the row's position for assistive tech) only when virtualised. */
  index?: number;
  measureRef?: (element: HTMLTableRowElement | null) => void;
  mark?: string;
}

/*
 * Row and cell markup: plain elements with the Table's own classes instead of a Table.Tr/Table.Td
 * component each (a 500-row page has over 5,000 cells); the same classes and data attributes.
 */
const trClass = Table.classes.tr;
const tdClass = Table.classes.td;
const SELECTED_ROW_STYLE = { backgroundColor: 'var(--mantine-color-blue-light)' };
const markedRowShadowStyle = 'inset 4px 0 0 var(--mantine-color-teal-filled)';
const MARKED_ROW_STYLE = { boxShadow: markedRowShadowStyle };
const CHECKBOX_CELL_STYLE = { width: 40 };

/** Pages longer than this render only the rows in and near the viewport (members-virtual-body.tsx). */
export const VIRTUALISE_ABOVE = 100;

/** The rows a long page shows while its virtualiser's code loads: a screen's worth. */
const ROWS_BEFORE_VIRTUALISER = 30;

/**
 * A long page's rows, virtualised. Its code (TanStack Virtual) loads with the first such page: a phone
 * never shows this table, and pages of up to VIRTUALISE_ABOVE rows do not need it.
 */
const VirtualBody = lazy(() => import('./members-virtual-body').then((m) => ({ default: m.VirtualBody })));

/** One member row; memoised so a refresh re-renders only the members whose data changed. */
// A named function: React's tools show its name.
const MemberRow = memo(function MemberRow({
  user,
  index,
  measureRef,
  columns,
  selectable,
  selected,
  onToggle,
  onOpenUser,
  reasons,
  mark,
}: RowProps) {
  const { t } = useLingui();
  const id = user.id ?? '';
  const name = user.name ?? id;
  return (
    <tr
      ref={measureRef}
      data-index={index}
      aria-rowindex={index === undefined ? undefined : index + 2}
      className={trClass}
      data-striped="odd"
      data-hover
      data-with-row-border
      data-selected={selected || undefined}
      data-changed={mark ? true : undefined}
      style={
        selected || mark ? { ...(selected ? SELECTED_ROW_STYLE : {}), ...(mark ? MARKED_ROW_STYLE : {}) } : undefined
      }
    >
      {selectable ? (
        <td className={tdClass} style={CHECKBOX_CELL_STYLE}>
          <Checkbox aria-label={t`Select ${name}`} checked={selected} onChange={() => onToggle(id)} />
        </td>
      ) : null}
      <td className={tdClass}>
        <Anchor component="button" type="button" size="sm" onClick={() => onOpenUser(id)}>
          {name}
        </Anchor>
        {mark ? (
          <Badge size="xs" variant="light" color="teal" ml={6} data-testid="change-mark">
            {mark}
          </Badge>
        ) : null}
      </td>
      <td className={tdClass}>
        <p style={CELL_TEXT_STYLE}>{user.email}</p>
      </td>
      <td className={tdClass}>
        <p style={CELL_TEXT_STYLE}>{user.title}</p>
      </td>
      <td className={tdClass}>
        <ReasonBadges reasons={reasons ? (reasons.split(',') as MembershipReason[]) : []} />
      </td>
      {columns.map((expand) => (
        <td className={tdClass} key={expand}>
          {renderExpandCell(expand, user)}
        </td>
      ))}
    </tr>
  );
});

/** The page's member ids and whether all or some of them are selected (the select-all checkbox). */
export const pageSelection = (users: readonly User[], selected: ReadonlySet<string>) => {
  const ids = users.map((u) => u.id ?? '');
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  return { ids, allSelected, someSelected: ids.some((id) => selected.has(id)) };
};

export const MembersTable = memo(function MembersTable({
  users,
  columns,
  sortOrder,
  onToggleSort,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  onOpenUser,
  reasonsFor,
  markFor,
}: MembersTableProps) {
  const { t } = useLingui();
  const { ids, allSelected, someSelected } = pageSelection(users, selected);
  const toggleAll = () => onToggleAll(ids, !allSelected);
  const SortIcon = sortOrder === 'ASC' ? IconArrowUp : IconArrowDown;
  const virtualised = users.length > VIRTUALISE_ABOVE;
  const row = (i: number, measureRef?: (element: HTMLTableRowElement | null) => void): ReactNode => {
    const user = users[i]!;
    return (
      <MemberRow
        key={user.id}
        user={user}
        index={virtualised ? i : undefined}
        measureRef={measureRef}
        columns={columns}
        selectable={selectable}
        selected={selected.has(user.id ?? '')}
        onToggle={onToggle}
        onOpenUser={onOpenUser}
        reasons={reasonsFor(user.id).join(',')}
        mark={markFor?.(user.id)}
      />
    );
  };

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        striped
        highlightOnHover
        data-testid="members-table"
        aria-label={t({ message: 'Members', comment: "the list of the group's members" })}
        aria-rowcount={virtualised ? users.length + 1 : undefined}
        verticalSpacing={6}
      >
        <Table.Thead>
          <Table.Tr>
            {selectable ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t`Select all members on this page`}
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={toggleAll}
                />
              </Table.Th>
            ) : null}
            <Table.Th aria-sort={sortOrder === 'ASC' ? 'ascending' : 'descending'}>
              <UnstyledButton
                onClick={onToggleSort}
                aria-label={
                  sortOrder === 'ASC' ? t`Name, sorted A to Z; change order` : t`Name, sorted Z to A; change order`
                }
              >
                <Text fw={700} size="sm" span>
                  <Trans comment="column header: the member's name">Name</Trans> <SortIcon size={14} aria-hidden />
                </Text>
              </UnstyledButton>
            </Table.Th>
            <Table.Th>
              <Trans comment="column header: the member's email address">Email</Trans>
            </Table.Th>
            <Table.Th>
              <Trans comment="column header: the member's job title">Title</Trans>
            </Table.Th>
            <Table.Th>
              <Trans>Why a member</Trans>
            </Table.Th>
            {columns.map((expand) => (
              <Table.Th key={expand}>{memberFieldLabel(expand)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {virtualised ? (
          <Suspense
            fallback={<Table.Tbody>{users.slice(0, ROWS_BEFORE_VIRTUALISER).map((_, i) => row(i))}</Table.Tbody>}
          >
            <VirtualBody count={users.length} row={row} />
          </Suspense>
        ) : (
          <Table.Tbody>{users.map((_, i) => row(i))}</Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
});
