import { Trans } from '@lingui/react/macro';
import { Anchor, Table, Text } from '@mantine/core';
import type { User } from '@/api/generated/model/user';
import { ReasonBadges } from '../members/member-cells';
import type { MembershipReason } from '../core/membership-reason';

export interface PeopleTableProps {
  label: string;
  users: readonly User[];
  reasonsFor: (userId: string | undefined) => MembershipReason[];
  onOpenUser: (userId: string) => void;
}

/** A simple people table (individuals, owners) with the reason each is in the group. */
export const PeopleTable = ({ label, users, reasonsFor, onOpenUser }: PeopleTableProps) => (
  <Table.ScrollContainer minWidth={600}>
    <Table striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>
            <Trans comment="column header: a person's name">Name</Trans>
          </Table.Th>
          <Table.Th>
            <Trans comment="column header: a person's email address">Email</Trans>
          </Table.Th>
          <Table.Th>
            <Trans comment="column header: a person's job title">Title</Trans>
          </Table.Th>
          <Table.Th>
            <Trans comment="column header: why the person is in the group">Why a member</Trans>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" onClick={() => onOpenUser(user.id ?? '')}>
                {user.name ?? user.id}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.email}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.title}</Text>
            </Table.Td>
            <Table.Td>
              <ReasonBadges reasons={reasonsFor(user.id)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  </Table.ScrollContainer>
);
