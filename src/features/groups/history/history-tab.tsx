import { Button, Chip, Group, Stack, Text } from '@mantine/core';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { IconHistory } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useGetUser } from '@/api/generated/endpoints/users/users';
import type { Group as ApiGroup } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import { EmptyState } from '@/components/feedback/empty-state';
import { UserPicker } from '@/components/user-picker/user-picker';
import { actionLabelOf, HISTORY_ACTIONS, isHistoryAction } from './audit-format';
import { HistoryEntry } from './history-entry';
import { HistoryList } from './history-timeline';
import { groupRelated, isPartOfLargerChange } from './related-records';
import { useHistoryFilters } from './history-url-state';
import { OLDER_DAYS, REALTIME_DAYS, useHistory } from './use-history';
import { useRevert } from './use-revert';

export interface HistoryTabProps {
  group: ApiGroup;
  /** Whether the user may edit the group (offers Revert). */
  canEdit: boolean;
  onOpenUser: (userId: string) => void;
}

/** The group's change history: filters (in the URL), a timeline by day, more on demand, revert. */
export const HistoryTab = ({ group, canEdit, onOpenUser }: HistoryTabProps) => {
  const { t } = useLingui();
  const groupId = group.id ?? '';
  const [filters, setFilters] = useHistoryFilters();
  const history = useHistory({ groupId, actions: filters.actions, userId: filters.by });
  // One entry a change: the records one request wrote, led by the action asked for.
  const items = useMemo(() => groupRelated(history.records), [history.records]);
  const itemOf = useMemo(() => new Map(items.map((item) => [item.record.id, item])), [items]);
  const leads = useMemo(() => items.map((item) => item.record), [items]);
  const byUser = useGetUser(filters.by ?? '', undefined, { query: { enabled: !!filters.by } });
  const pickedUsers: User[] = filters.by ? [byUser.data ?? { id: filters.by, name: filters.by, version: 0 }] : [];
  const revert = useRevert(group);
  const filtered = filters.actions.length > 0 || !!filters.by;
  const realtimeDays = REALTIME_DAYS;
  const olderDays = OLDER_DAYS;
  const total = history.total;
  const failedAttempts = history.failedAttempts;

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="history-action-label">
            <Trans comment="filter label: the kind of change (created, changed, members added…)">Action</Trans>
          </Text>
          <Chip.Group
            multiple
            value={filters.actions}
            onChange={(values) => setFilters({ actions: values.filter(isHistoryAction) })}
          >
            <Group gap="xs" role="group" aria-labelledby="history-action-label">
              {HISTORY_ACTIONS.map((action) => (
                <Chip key={action} value={action} size="sm">
                  {actionLabelOf(action)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <div style={{ minWidth: 240, flex: '1 1 240px', maxWidth: 360 }}>
          <UserPicker
            label={t({ message: 'Changed by', comment: 'filter label: who made the change' })}
            placeholder={
              filters.by ? undefined : t({ message: 'Anyone', comment: 'the changed-by filter, when empty' })
            }
            value={pickedUsers}
            onChange={(users) => setFilters({ by: users.at(-1)?.id ?? null })}
          />
        </div>
        {filtered ? (
          <Button variant="subtle" size="sm" onClick={() => setFilters({ actions: [], by: null })}>
            <Trans>Clear filters</Trans>
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        {total !== undefined
          ? plural(total, {
              one: `Changes of the last ${realtimeDays} days, newest first (# change).`,
              other: `Changes of the last ${realtimeDays} days, newest first (# changes).`,
            })
          : t`Changes of the last ${realtimeDays} days, newest first.`}
        {failedAttempts > 0
          ? ` ${plural(failedAttempts, {
              one: '# failed attempt is not listed: they changed nothing.',
              other: '# failed attempts are not listed: they changed nothing.',
            })}`
          : ''}
      </Text>

      <HistoryList
        history={history}
        records={leads}
        // The tab is the section: its days are the headings under the page's h1.
        headingOrder={2}
        words={{
          loading: t`Loading the history`,
          failed: t`Could not load the history`,
          olderFailed: t`Could not load older changes`,
          more: t`Show older changes`,
          moreOlder: t`Show older changes (up to ${olderDays} days back)`,
        }}
        empty={
          <EmptyState
            icon={<IconHistory size={32} stroke={1.5} aria-hidden />}
            title={filtered ? t`No changes match these filters` : t`No changes yet`}
            description={
              filtered
                ? t`Try another action or person, or clear the filters.`
                : t`Nothing was changed in this group in the last ${realtimeDays} days.`
            }
          />
        }
        renderEntry={(record) => (
          <HistoryEntry
            key={record.id}
            record={record}
            related={itemOf.get(record.id)?.related}
            partOfLarger={!!itemOf.get(record.id) && isPartOfLargerChange(itemOf.get(record.id)!)}
            onOpenUser={onOpenUser}
            onRevert={canEdit && group.state !== 'deleted' ? (r) => void revert.start(r) : undefined}
          />
        )}
      />
      {revert.dialog}
    </Stack>
  );
};
