import { Anchor, Button, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { EntityChange } from '@/api/generated/model/entityChange';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import { actorName, describeReasons } from './audit-format';
import { HistoryTime } from './history-entry';
import { HISTORY_PERMISSION } from './history-permission';
import { OlderSearchProgress } from './history-timeline';
import { LARGEST_HISTORY_PAGE, OLDER_DAYS, REALTIME_DAYS, useHistory } from './use-history';

interface MembershipEvent {
  record: AuditLogMessage;
  change: EntityChange;
  joined: boolean;
}

/** The membership records that name `userId` (docs/audit.md: the API cannot filter on entityChanges). */
export const membershipEvents = (records: readonly AuditLogMessage[], userId: string): MembershipEvent[] =>
  records.flatMap((record) => {
    const change = (record.entityChanges ?? []).find((c) => c.entityId === userId);
    return change ? [{ record, change, joined: record.action === 'MemberAdd' }] : [];
  });

const PersonMembershipHistoryList = ({ userId, onNavigate }: { userId: string; onNavigate?: () => void }) => {
  const history = useHistory({ actions: ['MemberAdd', 'MemberRemove'], pageSize: LARGEST_HISTORY_PAGE });
  const events = useMemo(() => membershipEvents(history.records, userId), [history.records, userId]);
  if (history.isPending) return <Skeleton height={80} role="status" aria-label="Loading membership history" />;
  if (history.isError && !history.data) {
    return (
      <QueryErrorAlert
        title="Could not load the membership history"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  return (
    <Stack gap="xs">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {history.olderNext
            ? `No membership changes in the last ${REALTIME_DAYS} days.`
            : 'No membership changes in the changes read so far.'}
        </Text>
      ) : (
        <List size="sm" spacing={6} aria-label="Membership history">
          {events.map(({ record, change, joined }) => {
            const reasons = describeReasons(joined ? change.newValues : change.oldValues);
            const stillMember = !joined && !!change.newValues?.length;
            return (
              <List.Item key={`${record.id}`} data-action={record.action}>
                <Text span size="sm">
                  {joined ? 'Joined ' : stillMember ? 'No longer by hand in ' : 'Left '}
                </Text>
                <Anchor
                  component={Link}
                  to={paths.groups.detail.getHref(record.entity?.id ?? '')}
                  onClick={onNavigate}
                  size="sm"
                  underline="always"
                >
                  {record.entity?.name ?? record.entity?.id}
                </Anchor>
                {reasons ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({joined ? reasons : `was a member ${reasons}`})
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Text span size="xs" c="dimmed">
                    by {actorName(record)}
                  </Text>
                  <HistoryTime eventDate={record.eventDate} />
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <OlderSearchProgress progress={history.progress} />
      {history.hasNextPage ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
        >
          {history.olderNext ? `Look further back (up to ${OLDER_DAYS} days)` : 'Look further back'}
        </Button>
      ) : null}
    </Stack>
  );
};

/** The person drawer's "Membership history": which groups they joined and left, when, by whom. */
export const PersonMembershipHistory = ({ userId, onNavigate }: { userId: string; onNavigate?: () => void }) => {
  const canReadHistory = useCan(HISTORY_PERMISSION);
  if (!canReadHistory) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Membership history
      </Title>
      <PersonMembershipHistoryList userId={userId} onNavigate={onNavigate} />
    </Stack>
  );
};
