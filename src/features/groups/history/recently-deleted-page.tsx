import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { confirmAction } from '@/components/feedback/confirm';
import { EmptyState } from '@/components/feedback/empty-state';
import { Forbidden } from '@/components/feedback/forbidden';
import { describeError } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import { usePageTitle } from '@/lib/page-title';
import { useRestoreGroupMutation } from '../core/group-mutations';
import type { RestorePlan } from '../core/group-mutations';
import { actorName, formatValues, restorePlan } from './audit-format';
import { HISTORY_PERMISSION } from './history-permission';
import { HistoryTime } from './history-entry';
import { HistoryList } from './history-timeline';
import { REALTIME_DAYS, useHistory } from './use-history';
import { showErrorNotification } from '@/components/feedback/error-reference';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const planSummary = (plan: RestorePlan, owners: number): string =>
  [
    count(owners, 'owner', 'owners'),
    count(plan.individuals.length, 'individual member', 'individual members'),
    plan.rules ? 'dynamic rules' : 'no dynamic rules',
  ].join(', ');

const DeletedGroup = ({
  record,
  restoredAs,
  restoring,
  onRestore,
}: {
  record: AuditLogMessage;
  /** The group it was already restored as, when the history shows one. */
  restoredAs?: { id: string; name: string };
  restoring: boolean;
  onRestore: (record: AuditLogMessage, plan: RestorePlan) => void;
}) => {
  const plan = restorePlan(record);
  const name = plan?.create.name ?? record.entity?.name ?? 'Unnamed group';
  const owners = plan?.create.ownerIds?.length ?? 0;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4}>
          <Text fw={600}>{name}</Text>
          <Group gap={6} wrap="wrap">
            <Text size="sm">Deleted by {actorName(record)}</Text>
            <HistoryTime eventDate={record.eventDate} />
          </Group>
          {plan ? (
            <Text size="sm" c="dimmed">
              {[plan.create.type, plan.create.visibility].join(' · ')} · {planSummary(plan, owners)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              This record has no snapshot of the group, so it cannot be restored.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Id {record.entity?.id}
          </Text>
          {restoredAs ? (
            <Text size="sm">
              Already restored as{' '}
              <Anchor component={Link} to={paths.groups.detail.getHref(restoredAs.id)} underline="always">
                {restoredAs.name}
              </Anchor>{' '}
              (new id {restoredAs.id}).
            </Text>
          ) : null}
        </Stack>
        {plan ? (
          <Button
            variant="default"
            leftSection={<IconRestore size={16} aria-hidden />}
            loading={restoring}
            onClick={() => onRestore(record, plan)}
            aria-label={`Restore ${name}`}
          >
            Restore
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
};

/**
 * Groups deleted in the realtime window (Delete records), each restorable as a new group with the
 * same settings, owners, individual members and rules.
 */
export const RecentlyDeletedPage = () => {
  usePageTitle('Recently deleted groups');
  const canReadHistory = useCan(HISTORY_PERMISSION);
  const deleted = useHistory({ actions: ['Delete'] }, { enabled: canReadHistory });
  // Restores are creations that name the deleted group (context.restoredFromGroupId).
  const creations = useHistory({ actions: ['Create'], pageSize: 500 }, { enabled: canReadHistory });
  const restoredAs = useMemo(() => {
    const map = new Map<string, { id: string; name: string }>();
    for (const r of creations.records) {
      const from = r.context?.restoredFromGroupId;
      if (from && r.entity?.id && !map.has(from))
        map.set(from, { id: r.entity.id, name: r.entity.name ?? r.entity.id });
    }
    return map;
  }, [creations.records]);
  const restore = useRestoreGroupMutation();
  const navigate = useNavigate();
  const [restoringId, setRestoringId] = useState<string | null>(null);

  if (!canReadHistory) return <Forbidden permission={HISTORY_PERMISSION} action="see deleted groups" />;

  const start = async (record: AuditLogMessage, plan: RestorePlan) => {
    const oldId = record.entity?.id ?? '';
    const names = new Map((record.entityChanges ?? []).map((c) => [c.entityId ?? '', c.entityName ?? '']));
    const confirmed = await confirmAction({
      title: `Restore ${plan.create.name}?`,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            A new group is created with the settings, owners, individual members and rules this group had when it was
            deleted. <strong>It gets a new id</strong>: links and integrations that used the old id ({oldId}) do not
            follow it.
          </Text>
          <List size="sm">
            <List.Item>Owners: {formatValues('ownerIds', plan.create.ownerIds, names)}</List.Item>
            <List.Item>
              Individual members: {plan.individuals.length ? plan.individuals.map((p) => p.name).join(', ') : '—'}
            </List.Item>
            <List.Item>Dynamic rules: {plan.rules ? 'yes' : 'none'}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Members who came only from the rules or as owners come back through them.
          </Text>
        </Stack>
      ),
      confirmLabel: 'Restore group',
    });
    if (!confirmed) return;
    setRestoringId(record.id ?? null);
    try {
      const { group, missedMembers } = await restore.mutateAsync({ deletedGroupId: oldId, plan });
      notifications.show({
        color: missedMembers ? 'yellow' : 'green',
        title: `Restored ${group.name}`,
        message: `It has a new id (${group.id}).${missedMembers ? ` ${count(missedMembers, 'member', 'members')} could not be added back.` : ''}`,
      });
      await navigate(paths.groups.detail.getHref(group.id ?? ''));
    } catch (error) {
      showErrorNotification({ title: 'Could not restore the group', text: describeError(error), error });
    } finally {
      setRestoringId(null);
    }
  };

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={1}>Recently deleted groups</Title>
        <Text c="dimmed" size="sm">
          Groups deleted in the last {REALTIME_DAYS} days, newest first.
        </Text>
      </div>
      <Alert variant="light" color="blue" title="Restoring makes a new group">
        A restored group gets a new id, with the deleted group’s settings, owners, individual members and rules. The
        history of the new group notes which group it was restored from.
      </Alert>
      <HistoryList
        history={deleted}
        what="deleted groups"
        moreLabel="Show older"
        headingOrder={2}
        empty={
          <EmptyState
            icon={<IconTrashX size={32} stroke={1.5} aria-hidden />}
            title="No deleted groups"
            description={`No group was deleted in the last ${REALTIME_DAYS} days.`}
          />
        }
        renderEntry={(record) => (
          <DeletedGroup
            key={record.id}
            record={record}
            restoredAs={restoredAs.get(record.entity?.id ?? '')}
            restoring={restoringId === record.id}
            onRestore={(r, plan) => void start(r, plan)}
          />
        )}
      />
    </Stack>
  );
};
