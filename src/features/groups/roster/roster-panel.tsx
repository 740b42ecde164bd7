import { t } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { ActionIcon, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconBroadcast, IconRefresh } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useIsPhone } from '@/lib/use-is-phone';
import { statusColour, statusInSentence, statusLabel, type StatusFilter, type StatusKind } from '../core/status-counts';
import { StatusFilterBar, StatusFilterBarPlaceholder } from '../core/status-filter-bar';
import { intervalParts, VISIBLE_PAGE_REFRESH_MS, type RosterChange, type RosterCount } from './roster-model';
import { ReadingProgress } from './reading-progress';
import type { GroupRoster } from './use-group-roster';
import { compareNames, formatClockTime } from '@/lib/locale';

export interface RosterPanelProps {
  roster: GroupRoster;
  kinds: readonly StatusKind[];
  filter: StatusFilter | null;
  onFilterChange: (filter: StatusFilter | null) => void;
}

/** "20 s", "5 min 35 s", "2 min": how often the roster refreshes, in the page's language. */
export function intervalInWords(ms: number): string {
  const { minutes, seconds } = intervalParts(ms);
  if (minutes === 0) return t({ message: `${seconds} s`, comment: 'an interval in seconds, abbreviated: "20 s"' });
  return seconds
    ? t({ message: `${minutes} min ${seconds} s`, comment: 'an interval, abbreviated: "5 min 35 s"' })
    : t({ message: `${minutes} min`, comment: 'an interval in minutes, abbreviated: "2 min"' });
}

/** "2 now Available, 1 now Offline" (the most common changes first). */
export function summariseChanges(changes: readonly RosterChange[]): string {
  const byTo = new Map<string, number>();
  for (const c of changes) {
    const key = c.kind === 'presence' ? statusLabel(c.to) : statusInSentence(c.to);
    byTo.set(key, (byTo.get(key) ?? 0) + 1);
  }
  return [...byTo.entries()]
    .sort((a, b) => b[1] - a[1] || compareNames(a[0], b[0]))
    .map(([status, count]) =>
      t({ message: `${count} now ${status}`, comment: 'how many members changed to a status: "2 now Available"' }),
    )
    .join(', ');
}

/** The group's make-up by one kind of status, as one bar; its text alternative lists the shares. */
export const RosterBar = ({ counts, label }: { counts: readonly RosterCount[]; label: string }) => {
  const { t } = useLingui();
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return null;
  const shares = counts.map((c) => ({ ...c, percent: (c.count / total) * 100 }));
  const text = shares
    .map((s) => {
      const status = statusLabel(s.value);
      const percent = Math.round(s.percent);
      return t({ message: `${status} ${percent}%`, comment: 'a status\'s share of the group: "Available 42%"' });
    })
    .join(', ');
  return (
    <div
      role="img"
      aria-label={t({ message: `${label}: ${text}`, comment: "a bar's label, then its shares" })}
      data-testid={`roster-bar-${counts[0]?.kind ?? 'none'}`}
    >
      <Progress.Root size="lg" aria-hidden>
        {shares.map((s) => (
          <Progress.Section key={s.value} value={s.percent} color={statusColour(s.kind, s.value)} />
        ))}
      </Progress.Root>
    </div>
  );
};

/**
 * How the roster keeps up, in words: "Live" while events arrive, "Refreshing every 15 s" while it
 * polls (a group too large for push, or the socket down). A status region, so a change of mode is
 * announced.
 */
export const RosterMode = ({ live, refreshMs }: { live: boolean; refreshMs: number }) => {
  const interval = intervalInWords(refreshMs);
  return (
    <Text size="xs" fw={600} role="status" data-testid="roster-mode" data-live={live}>
      {live ? (
        <>
          <IconBroadcast size={12} aria-hidden style={{ verticalAlign: '-1px', marginRight: 4 }} />
          <Trans comment="the roster updates as events arrive">Live</Trans>
        </>
      ) : (
        <Trans>Refreshing every {interval}</Trans>
      )}
    </Text>
  );
};

/**
 * The whole group's live roster above the members table: when the counts were taken and how often they
 * refresh, a bar of the group's make-up, the status chips with whole-group counts (choosing one lists
 * every such member), and what changed since the previous count.
 */
export const RosterPanel = memo(function RosterPanel({ roster, kinds, filter, onFilterChange }: RosterPanelProps) {
  const { t } = useLingui();
  const { reading, counts, takenAt, refreshMs, changes, live } = roster;
  const given = useMemo(() => ({ presence: counts.presence, routingStatus: counts.routingStatus }), [counts]);
  const total = reading?.entries.length ?? 0;
  const isPhone = useIsPhone();

  if (roster.error && !reading)
    return (
      <QueryErrorAlert error={roster.error} onRetry={roster.refetch} title={t`Could not count the group's members`} />
    );
  if (!reading)
    // The panel's lines as they will be, the progress in the first: the rows below stay where they are
    // when the counts come (they moved down by the panel's height, a layout shift on a phone).
    return (
      <Stack gap={6} aria-busy data-testid="roster-reading">
        <ReadingProgress label={t`Counting every member’s presence and routing status`} source={roster.progress} />
        {kinds.map((kind) => (
          <Progress.Root key={kind} size="lg" aria-hidden />
        ))}
        <StatusFilterBarPlaceholder kinds={kinds} />
        <Text size="xs" c="dimmed">
          {t`Counts cover the whole group. Choose a status to list every member who has it.`}
        </Text>
      </Stack>
    );

  // The time the counts were taken, a <time> element in the sentence.
  const takenTime = <time dateTime={new Date(takenAt).toISOString()}>{formatClockTime(takenAt)}</time>;
  const requests = reading.requests;
  const rereadEvery = intervalInWords(roster.rereadMs);
  const countsEvery = intervalInWords(refreshMs);
  const pageEvery = intervalInWords(VISIBLE_PAGE_REFRESH_MS);
  const changeSummary = summariseChanges(changes);
  return (
    <Stack gap={6} data-testid="roster-panel">
      <Group gap="xs" wrap={isPhone ? 'nowrap' : 'wrap'} justify="space-between">
        <Text size="xs" c="dimmed" data-testid="roster-taken">
          {/* A phone keeps to the one line, so the first member stays on the first screen. */}
          {isPhone ? (
            <Plural
              value={total}
              one={`# member counted at ${takenTime}.`}
              other={`# members counted at ${takenTime}.`}
            />
          ) : live || requests <= 1 ? (
            <Plural
              value={total}
              one={`Whole group: # member counted at ${takenTime}.`}
              other={`Whole group: # members counted at ${takenTime}.`}
            />
          ) : (
            <Plural
              value={total}
              one={`Whole group: # member counted at ${takenTime} in ${requests} requests.`}
              other={`Whole group: # members counted at ${takenTime} in ${requests} requests.`}
            />
          )}
          {isPhone ? null : live ? (
            <>
              {' '}
              <Trans>Changes arrive as they happen; the whole group is read again every {rereadEvery}.</Trans>
            </>
          ) : (
            <>
              {' '}
              <Trans>
                Counts refresh every {countsEvery}, this page every {pageEvery}, while this tab is open in front.
              </Trans>
            </>
          )}
        </Text>
        <RosterMode live={live} refreshMs={refreshMs} />
        {isPhone ? (
          // A phone's line has no room for the words: they were cut to "Coun".
          <ActionIcon
            variant="subtle"
            size={44}
            aria-label={t`Count now`}
            loading={roster.isFetching}
            onClick={roster.refetch}
            style={{ flexShrink: 0 }}
          >
            <IconRefresh size={18} aria-hidden />
          </ActionIcon>
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={roster.isFetching}
            onClick={roster.refetch}
          >
            <Trans>Count now</Trans>
          </Button>
        )}
      </Group>
      {kinds.includes('presence') ? <RosterBar counts={counts.presence} label={t`Presence of the group`} /> : null}
      {kinds.includes('routingStatus') ? (
        <RosterBar counts={counts.routingStatus} label={t`Routing status of the group`} />
      ) : null}
      <StatusFilterBar
        users={[]}
        counts={given}
        scope={
          filter
            ? t`Counts cover the whole group; the list shows every member with the chosen status at the last count.`
            : t`Counts cover the whole group. Choose a status to list every member who has it.`
        }
        kinds={kinds}
        filter={filter}
        onFilterChange={onFilterChange}
      />
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="roster-changes">
        {changes.length ? t`Since the previous count: ${changeSummary}.` : ''}
      </Text>
    </Stack>
  );
});
