import { Badge, Group, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { User } from '@/api/generated/model/user';
import { REASON_LABELS, type MembershipReason } from '../detail/membership-reason';
import { memberFieldFor } from './member-fields';
import { statusColour, statusLabel, valueOfStatus, type StatusKind } from './status-counts';

export const StatusBadge = memo(({ kind, value }: { kind: StatusKind; value: string }) =>
  value ? (
    <Badge color={statusColour(kind, value)} variant="light" radius="sm" tt="none">
      {statusLabel(value)}
    </Badge>
  ) : null,
);
StatusBadge.displayName = 'StatusBadge';

export const ReasonBadges = ({ reasons }: { reasons: readonly MembershipReason[] }) => (
  <Group gap={4} wrap="nowrap">
    {reasons.map((reason) => (
      <Badge
        key={reason}
        variant="outline"
        color={reason === 'rule' ? 'grape' : reason === 'owner' ? 'orange' : 'blue'}
        tt="none"
      >
        {REASON_LABELS[reason]}
      </Badge>
    ))}
  </Group>
);

/** The cell of one expand column for one member. */
export const renderExpandCell = (expand: string, user: User): ReactNode => {
  if (expand === 'presence' || expand === 'routingStatus') {
    return <StatusBadge kind={expand} value={valueOfStatus(user, expand)} />;
  }
  const text = memberFieldFor(expand)?.text(user) ?? '';
  return text ? (
    <Text size="sm" lineClamp={2} title={text.length > 60 ? text : undefined}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" aria-label="none">
      –
    </Text>
  );
};
