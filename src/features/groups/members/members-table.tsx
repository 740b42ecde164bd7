import { Anchor, Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { memo } from 'react';
import type { User } from '@/api/generated/model/user';
import type { UserExpand } from '@/api/generated/model/userExpand';
import type { MembershipReason } from '../detail/membership-reason';
import { ReasonBadges, renderExpandCell } from './member-cells';
import { memberFieldFor } from './member-fields';

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
}

interface RowProps {
  user: User;
  columns: readonly UserExpand[];
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
  onOpenUser: (id: string) => void;
  reasons: string;
}

/** One member row; memoised so a refresh re-renders only the members whose data changed. */
const MemberRow = memo(({ user, columns, selectable, selected, onToggle, onOpenUser, reasons }: RowProps) => {
  const id = user.id ?? '';
  const name = user.name ?? id;
  return (
    <Table.Tr data-selected={selected || undefined} bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
      {selectable ? (
        <Table.Td w={40}>
          <Checkbox aria-label={`Select ${name}`} checked={selected} onChange={() => onToggle(id)} />
        </Table.Td>
      ) : null}
      <Table.Td>
        <Anchor component="button" type="button" size="sm" onClick={() => onOpenUser(id)}>
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.email}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.title}</Text>
      </Table.Td>
      <Table.Td>
        <ReasonBadges reasons={reasons ? (reasons.split(',') as MembershipReason[]) : []} />
      </Table.Td>
      {columns.map((expand) => (
        <Table.Td key={expand}>{renderExpandCell(expand, user)}</Table.Td>
      ))}
    </Table.Tr>
  );
});
MemberRow.displayName = 'MemberRow';

export const MembersTable = ({
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
}: MembersTableProps) => {
  const ids = users.map((u) => u.id ?? '');
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const toggleAll = () => onToggleAll(ids, !allSelected);
  const SortIcon = sortOrder === 'ASC' ? IconArrowUp : IconArrowDown;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="members-table" aria-label="Members" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {selectable ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all members on this page"
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={toggleAll}
                />
              </Table.Th>
            ) : null}
            <Table.Th aria-sort={sortOrder === 'ASC' ? 'ascending' : 'descending'}>
              <UnstyledButton
                onClick={onToggleSort}
                aria-label={`Name, sorted ${sortOrder === 'ASC' ? 'A to Z' : 'Z to A'}; change order`}
              >
                <Text fw={700} size="sm" span>
                  Name <SortIcon size={14} aria-hidden />
                </Text>
              </UnstyledButton>
            </Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Why a member</Table.Th>
            {columns.map((expand) => (
              <Table.Th key={expand}>{memberFieldFor(expand)?.label ?? expand}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <MemberRow
              key={user.id}
              user={user}
              columns={columns}
              selectable={selectable}
              selected={selected.has(user.id ?? '')}
              onToggle={onToggle}
              onOpenUser={onOpenUser}
              reasons={reasonsFor(user.id).join(',')}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
