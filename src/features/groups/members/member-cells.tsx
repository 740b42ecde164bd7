import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import { Badge, Group } from '@mantine/core';
import { memo, type CSSProperties, type ReactNode } from 'react';
import type { User } from '@/api/generated/model/user';
import { ReferenceNames } from '@/components/reference/reference-names';
import { REASON_LABELS, type MembershipReason } from '../core/membership-reason';
import { memberFieldFor } from '../core/member-fields';
import { statusColour, statusLabel, valueOfStatus, type StatusKind } from '../core/status-counts';
import { NO_VALUE } from '../core/group-vocabulary';

// A named function: React's tools show its name.
export const StatusBadge = memo(function StatusBadge({ kind, value }: { kind: StatusKind; value: string }) {
  return value ? (
    <Badge color={statusColour(kind, value)} variant="light" radius="sm" tt="none">
      {statusLabel(value)}
    </Badge>
  ) : null;
});

export const ReasonBadges = ({ reasons }: { reasons: readonly MembershipReason[] }) => (
  <Group gap={4} wrap="nowrap">
    {reasons.map((reason) => (
      <Badge
        key={reason}
        variant="outline"
        color={reason === 'rule' ? 'grape' : reason === 'owner' ? 'pink' : 'blue'}
        tt="none"
      >
        {i18n._(REASON_LABELS[reason])}
      </Badge>
    ))}
  </Group>
);

/** A table cell's text as `<Text size="sm">` shows it, without a component per cell. */
export const CELL_TEXT_STYLE: CSSProperties = {
  margin: 0,
  fontSize: 'var(--mantine-font-size-sm)',
  lineHeight: 'var(--mantine-line-height-sm)',
};
const CLAMPED_TEXT_STYLE: CSSProperties = {
  ...CELL_TEXT_STYLE,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
};
const NONE_TEXT_STYLE: CSSProperties = { ...CELL_TEXT_STYLE, color: 'var(--mantine-color-dimmed)' };

/** The cell of one expand column for one member. */
export const renderExpandCell = (expand: string, user: User): ReactNode => {
  if (expand === 'presence' || expand === 'routingStatus') {
    return <StatusBadge kind={expand} value={valueOfStatus(user, expand)} />;
  }
  // Groups may come as lean references (id + selfUri): their names are resolved in batches.
  if (expand === 'groups' && user.groups?.some((g) => !g.name))
    return (
      <p style={CLAMPED_TEXT_STYLE}>
        <ReferenceNames kind="group" references={user.groups} empty={NO_VALUE} />
      </p>
    );
  const text = memberFieldFor(expand)?.text(user) ?? '';
  return text ? (
    <p style={CLAMPED_TEXT_STYLE} title={text.length > 60 ? text : undefined}>
      {text}
    </p>
  ) : (
    <p
      style={NONE_TEXT_STYLE}
      aria-label={t({ message: 'none', comment: 'what a screen reader says for an empty cell' })}
    >
      –
    </p>
  );
};
