import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Badge, Button, Group, Skeleton, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import type { User } from '@/api/generated/model/user';
import { useIsPhone } from '@/lib/use-is-phone';
import {
  countStatuses,
  describeCounts,
  statusColour,
  statusLabel,
  type StatusCount,
  type StatusFilter,
  type StatusKind,
} from './status-counts';

export interface StatusFilterBarProps {
  users: readonly User[];
  /** Counts to show instead of the page's (the whole group's, from the roster). */
  counts?: Partial<Record<StatusKind, readonly StatusCount[]>>;
  /** What the counts cover; default: this page only. */
  scope?: string;
  kinds: readonly StatusKind[];
  filter: StatusFilter | null;
  onFilterChange: (filter: StatusFilter | null) => void;
}

// eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS value
const ACTIVE_CHIP_STYLE = { boxShadow: 'inset 0 0 0 2px currentColor' };

const KIND_LABELS = { presence: msg`Presence`, routingStatus: msg`Routing status` } as const;

/** One kind's line of chips: its name, then the chips (on a phone one line that scrolls on its own). */
const KindLine = ({ kind, isPhone, children }: { kind: StatusKind; isPhone: boolean; children: ReactNode }) => (
  <Group gap={6} mb={4} wrap={isPhone ? 'nowrap' : 'wrap'} style={isPhone ? { overflowX: 'auto' } : undefined}>
    <Text size="xs" fw={600} c="dimmed" w={isPhone ? 64 : 110} style={{ flexShrink: 0 }}>
      {i18n._(KIND_LABELS[kind])}
    </Text>
    {children}
  </Group>
);

/** A chip's height on a phone, a touch target; elsewhere Mantine's compact-xs button's (22 px). */
const PHONE_CHIP_HEIGHT = 44;
const DESKTOP_CHIP_HEIGHT = 22;

/**
 * Where the chips will be while the counts are read: each kind's line with its name and two blank chips
 * of a chip's height, so that the rows below do not move down when the counts come.
 */
export const StatusFilterBarPlaceholder = ({ kinds }: { kinds: readonly StatusKind[] }) => {
  const isPhone = useIsPhone();
  const height = isPhone ? PHONE_CHIP_HEIGHT : DESKTOP_CHIP_HEIGHT;
  return (
    <div aria-hidden data-testid="status-filters-placeholder">
      {kinds.map((kind) => (
        <KindLine key={kind} kind={kind} isPhone={isPhone}>
          <Skeleton height={height} width={110} radius="sm" animate={false} style={{ flexShrink: 0 }} />
          <Skeleton height={height} width={90} radius="sm" animate={false} style={{ flexShrink: 0 }} />
        </KindLine>
      ))}
    </div>
  );
};

/** Counts of each status over the page, as buttons that filter the page's rows. */
export const StatusFilterBar = ({
  users,
  counts: given,
  scope,
  kinds,
  filter,
  onFilterChange,
}: StatusFilterBarProps) => {
  const { t } = useLingui();
  // A phone's chips are touch targets: 44 px high, each kind's chips on one line that scrolls on its own,
  // so the members start sooner; a chip keeps its whole label (it does not shrink to fit the line).
  const isPhone = useIsPhone();
  const chip = isPhone ? ({ size: 'sm', mih: PHONE_CHIP_HEIGHT } as const) : ({ size: 'compact-xs' } as const);
  const byKind = useMemo(
    () => kinds.map((kind) => ({ kind, counts: given?.[kind] ?? countStatuses(users, kind) })),
    [users, kinds, given],
  );
  if (byKind.every((k) => k.counts.length === 0)) return null;
  const filterLabel = filter ? statusLabel(filter.value) : '';
  return (
    <div
      role="group"
      data-testid="status-filters"
      aria-label={given ? t`Status filters (whole group)` : t`Status filters (this page only)`}
    >
      {byKind.map(({ kind, counts }) =>
        counts.length ? (
          <KindLine key={kind} kind={kind} isPhone={isPhone}>
            {counts.map((c) => {
              const active = filter?.kind === kind && filter.value === c.value;
              return (
                <Button
                  key={c.value}
                  {...chip}
                  // The light variant in both states (filled greens and blues fall below AA contrast with
                  // their text); the chosen one carries a ring and a check mark.
                  variant="light"
                  color={statusColour(kind, c.value)}
                  leftSection={active ? <IconCheck size={12} aria-hidden /> : undefined}
                  aria-pressed={active}
                  // Never narrower than its label: on a phone the line scrolls instead.
                  style={{ flexShrink: 0, ...(active ? ACTIVE_CHIP_STYLE : {}) }}
                  onClick={() => onFilterChange(active ? null : { kind, value: c.value })}
                  rightSection={
                    <Badge size="xs" variant="white" color="dark" circle={c.count < 10}>
                      {c.count}
                    </Badge>
                  }
                >
                  {statusLabel(c.value)}
                </Button>
              );
            })}
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} visibleFrom="sm">
              {describeCounts(counts)}
            </Text>
          </KindLine>
        ) : null,
      )}
      <Text size="xs" c="dimmed">
        {scope ?? t`Counts and status filters cover the members on this page only.`}
        {filter ? (
          <>
            {' '}
            {filter.kind === 'presence' ? (
              <Trans>Showing presence “{filterLabel}”.</Trans>
            ) : (
              <Trans>Showing routing status “{filterLabel}”.</Trans>
            )}{' '}
            <Button {...chip} variant="subtle" onClick={() => onFilterChange(null)}>
              <Trans>Clear filter</Trans>
            </Button>
          </>
        ) : null}
      </Text>
    </div>
  );
};
