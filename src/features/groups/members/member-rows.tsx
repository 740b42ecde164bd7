import { useLingui } from '@lingui/react/macro';
import { ActionIcon, Anchor, Checkbox, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { memo, useState, type ReactNode } from 'react';
import type { UserExpand } from '@/api/generated/model/userExpand';
import type { MembershipReason } from '../core/membership-reason';
import { ReasonBadges, renderExpandCell } from './member-cells';
import { memberFieldLabel } from '../core/member-fields';
import { pageSelection, type MemberRowProps, type MembersTableProps } from './members-table';
import { NO_VALUE } from '../core/group-vocabulary';

/** What a phone's row shows at once: who, and whether they can take work now. */
const AT_A_GLANCE: readonly UserExpand[] = ['presence', 'routingStatus'];

/** Touch targets on a phone: at least 44 px. */
const TOUCH = 44;

const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" component="dt">
      {label}
    </Text>
    <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  </div>
);

/** One member on a phone: name, presence and routing status; the other columns one tap away. */
// A named function: React's tools show its name.
const MemberRow = memo(function MemberRow({
  user,
  columns,
  selectable,
  selected,
  onToggle,
  onOpenUser,
  reasons,
}: MemberRowProps) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const id = user.id ?? '';
  const name = user.name ?? id;
  const glance = columns.filter((c) => AT_A_GLANCE.includes(c));
  const more = columns.filter((c) => !AT_A_GLANCE.includes(c));
  const detailsId = `member-details-${id}`;
  return (
    <Paper
      component="li"
      withBorder
      px="sm"
      py={4}
      data-testid="member-row"
      style={selected ? { backgroundColor: 'var(--mantine-color-blue-light)' } : undefined}
    >
      <Group gap="xs" wrap="nowrap" mih={TOUCH}>
        {selectable ? (
          <Checkbox
            aria-label={t`Select ${name}`}
            checked={selected}
            onChange={() => onToggle(id)}
            size="md"
            styles={{ body: { minHeight: TOUCH, minWidth: TOUCH, alignItems: 'center', justifyContent: 'center' } }}
          />
        ) : null}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor
            component="button"
            type="button"
            fw={500}
            ta="left"
            mih={TOUCH / 2}
            style={{ overflowWrap: 'anywhere' }}
            onClick={() => onOpenUser(id)}
          >
            {name}
          </Anchor>
          {glance.length ? (
            <Group gap={6} wrap="wrap" data-testid="member-status">
              {glance.map((expand) => (
                <span key={expand} aria-label={memberFieldLabel(expand)}>
                  {renderExpandCell(expand, user)}
                </span>
              ))}
            </Group>
          ) : null}
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          size={TOUCH}
          aria-label={open ? t`Hide details for ${name}` : t`Show details for ${name}`}
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <IconChevronUp size={20} aria-hidden /> : <IconChevronDown size={20} aria-hidden />}
        </ActionIcon>
      </Group>
      {open ? (
        <SimpleGrid component="dl" id={detailsId} cols={2} spacing="sm" verticalSpacing="xs" my="xs">
          <Detail label={t({ message: 'Email', comment: "a member's email address" })}>{user.email || NO_VALUE}</Detail>
          <Detail label={t({ message: 'Title', comment: "a member's job title" })}>{user.title || NO_VALUE}</Detail>
          <Detail label={t`Why a member`}>
            <ReasonBadges reasons={reasons ? (reasons.split(',') as MembershipReason[]) : []} />
          </Detail>
          {more.map((expand) => (
            <Detail key={expand} label={memberFieldLabel(expand)}>
              {renderExpandCell(expand, user)}
            </Detail>
          ))}
        </SimpleGrid>
      ) : null}
    </Paper>
  );
});

/**
 * The members on a phone: one row each, as wide as the screen (no sideways scrolling), with the same
 * selection, opening and columns as the desktop's table (sort is in the toolbar's Sort).
 */
export const MemberRows = memo(function MemberRows({
  users,
  columns,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  onOpenUser,
  reasonsFor,
}: MembersTableProps) {
  const { t } = useLingui();
  const { ids, allSelected, someSelected } = pageSelection(users, selected);
  return (
    <Stack gap={6}>
      {selectable ? (
        <Checkbox
          label={t`Select all members on this page`}
          checked={allSelected}
          indeterminate={someSelected && !allSelected}
          onChange={() => onToggleAll(ids, !allSelected)}
          size="md"
          styles={{ body: { minHeight: TOUCH, alignItems: 'center' } }}
        />
      ) : null}
      <Stack
        component="ul"
        gap={6}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t({ message: 'Members', comment: "the list of the group's members" })}
        data-testid="member-rows"
      >
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
      </Stack>
    </Stack>
  );
});
