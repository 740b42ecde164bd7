import { Badge, Button, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { User } from '@/api/generated/model/user';
import { useIsPhone } from '@/lib/use-is-phone';
import {
  countStatuses,
  describeCounts,
  statusColour,
  statusLabel,
  type StatusFilter,
  type StatusKind,
} from './status-counts';

export interface StatusFilterBarProps {
  users: readonly User[];
  kinds: readonly StatusKind[];
  filter: StatusFilter | null;
  onFilterChange: (filter: StatusFilter | null) => void;
}

const KIND_LABELS: Record<StatusKind, string> = { presence: 'Presence', routingStatus: 'Routing status' };

/** Counts of each status over the page, as buttons that filter the page's rows. */
export const StatusFilterBar = ({ users, kinds, filter, onFilterChange }: StatusFilterBarProps) => {
  // A phone's chips are touch targets: 44 px high.
  // A phone keeps each kind's chips on one line that scrolls on its own, so the members start sooner.
  const isPhone = useIsPhone();
  const chip = isPhone ? ({ size: 'sm', mih: 44 } as const) : ({ size: 'compact-xs' } as const);
  const byKind = useMemo(() => kinds.map((kind) => ({ kind, counts: countStatuses(users, kind) })), [users, kinds]);
  if (byKind.every((k) => k.counts.length === 0)) return null;
  return (
    <div role="group" aria-label="Status filters (this page only)">
      {byKind.map(({ kind, counts }) =>
        counts.length ? (
          <Group
            key={kind}
            gap={6}
            mb={4}
            wrap={isPhone ? 'nowrap' : 'wrap'}
            style={isPhone ? { overflowX: 'auto' } : undefined}
          >
            <Text size="xs" fw={600} c="dimmed" w={isPhone ? 64 : 110} style={{ flexShrink: 0 }}>
              {KIND_LABELS[kind]}
            </Text>
            {counts.map((c) => {
              const active = filter?.kind === kind && filter.value === c.value;
              return (
                <Button
                  key={c.value}
                  {...chip}
                  variant={active ? 'filled' : 'light'}
                  color={statusColour(kind, c.value)}
                  aria-pressed={active}
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
          </Group>
        ) : null,
      )}
      <Text size="xs" c="dimmed">
        Counts and status filters cover the members on this page only.
        {filter ? (
          <>
            {' '}
            Showing {KIND_LABELS[filter.kind].toLowerCase()} “{statusLabel(filter.value)}”.{' '}
            <Button {...chip} variant="subtle" onClick={() => onFilterChange(null)}>
              Clear filter
            </Button>
          </>
        ) : null}
      </Text>
    </div>
  );
};
