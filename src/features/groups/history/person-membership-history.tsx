import { Anchor, Button, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { AuditAction } from '@/api/generated/model/auditAction';
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
  const { t } = useLingui();
  const realtimeDays = REALTIME_DAYS;
  const olderDays = OLDER_DAYS;
  const history = useHistory({
    actions: [AuditAction.MemberAdd, AuditAction.MemberRemove],
    pageSize: LARGEST_HISTORY_PAGE,
  });
  const events = useMemo(() => membershipEvents(history.records, userId), [history.records, userId]);
  if (history.isPending) return <Skeleton height={80} role="status" aria-label={t`Loading membership history`} />;
  if (history.isError && !history.data) {
    return (
      <QueryErrorAlert
        title={t`Could not load the membership history`}
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
            ? t`No membership changes in the last ${realtimeDays} days.`
            : t`No membership changes in the changes read so far.`}
        </Text>
      ) : (
        <List size="sm" spacing={6} aria-label={t`Membership history`}>
          {events.map(({ record, change, joined }) => {
            const reasons = describeReasons(joined ? change.newValues : change.oldValues);
            const stillMember = !joined && !!change.newValues?.length;
            const groupName = record.entity?.name ?? record.entity?.id;
            const actor = actorName(record);
            const groupLink = (
              <Anchor
                component={Link}
                to={paths.groups.detail.getHref(record.entity?.id ?? '')}
                onClick={onNavigate}
                size="sm"
                underline="always"
              >
                {groupName}
              </Anchor>
            );
            return (
              <List.Item key={`${record.id}`} data-action={record.action}>
                <Text span size="sm">
                  {joined ? (
                    <Trans comment="a person joined the group (a link)">Joined {groupLink}</Trans>
                  ) : stillMember ? (
                    <Trans comment="a person stays in the group (a link), but no longer as added by hand">
                      No longer by hand in {groupLink}
                    </Trans>
                  ) : (
                    <Trans comment="a person left the group (a link)">Left {groupLink}</Trans>
                  )}
                </Text>
                {reasons ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {joined ? `(${reasons})` : <Trans>(was a member {reasons})</Trans>}
                  </Text>
                ) : null}
                <Group gap={6}>
                  <Text span size="xs" c="dimmed">
                    <Trans comment="who made a membership change">by {actor}</Trans>
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
          {history.olderNext ? t`Look further back (up to ${olderDays} days)` : t`Look further back`}
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
        <Trans>Membership history</Trans>
      </Title>
      <PersonMembershipHistoryList userId={userId} onNavigate={onNavigate} />
    </Stack>
  );
};
