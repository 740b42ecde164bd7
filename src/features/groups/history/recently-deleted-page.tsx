import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { confirmAction } from '@/components/feedback/confirm';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorReference } from '@/components/feedback/error-reference';
import { Forbidden } from '@/components/feedback/forbidden';
import { describeError } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import { usePageTitle } from '@/lib/page-title';
import { countOf } from '@/lib/plural';
import { useRestoreGroupMutation } from '../core/group-mutations';
import type { RestorePlan } from '../core/group-mutations';
import { NO_VALUE, typeLabel, visibilityLabel } from '../core/group-vocabulary';
import { actorName, formatValues, restorePlan } from './audit-format';
import { HISTORY_PERMISSION } from './history-permission';
import { HistoryTime } from './history-entry';
import { HistoryList } from './history-timeline';
import { REALTIME_DAYS, useHistory, LARGEST_HISTORY_PAGE } from './use-history';
import { restoredCopies, type RestoredCopy } from './restored-copies';

/** A deleted group at a glance: "Official · Members only · 1 owner · 2 individual members · no dynamic rules". */
export const planSummary = (plan: RestorePlan, owners: number): string =>
  [
    typeLabel(plan.create.type),
    visibilityLabel(plan.create.visibility),
    countOf(owners, 'owner', 'owners'),
    countOf(plan.individuals.length, 'individual member', 'individual members'),
    plan.rules ? 'dynamic rules' : 'no dynamic rules',
  ].join(' · ');

const DeletedGroup = ({
  record,
  restoredAs,
  restoring,
  failure,
  highlighted,
  onRestore,
  onDismissFailure,
}: {
  record: AuditLogMessage;
  /** The group it was already restored as, when the history shows one. */
  restoredAs?: RestoredCopy;
  restoring: boolean;
  /** Why the last restore of this group failed, until dismissed. */
  failure?: unknown;
  /** The entry a link pointed to (`?group=<id>`). */
  highlighted: boolean;
  onRestore: (record: AuditLogMessage, plan: RestorePlan) => void;
  onDismissFailure: () => void;
}) => {
  const plan = restorePlan(record);
  const name = plan?.create.name ?? record.entity?.name ?? 'Unnamed group';
  const owners = plan?.create.ownerIds?.length ?? 0;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  return (
    <Paper
      ref={ref}
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={name}
      aria-current={highlighted ? 'true' : undefined}
      data-highlighted={highlighted || undefined}
      style={highlighted ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{name}</Text>
              {restoredAs ? (
                <Badge variant="light" color="green" tt="none">
                  Restored
                </Badge>
              ) : null}
            </Group>
            {highlighted ? (
              <Text size="sm" fw={500}>
                The group you followed a link to.
              </Text>
            ) : null}
            <Group gap={6} wrap="wrap">
              <Text size="sm">Deleted by {actorName(record)}</Text>
              <HistoryTime eventDate={record.eventDate} />
            </Group>
            {plan ? (
              <Text size="sm" c="dimmed">
                {planSummary(plan, owners)}
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
                Restored as{' '}
                <Anchor component={Link} to={paths.groups.detail.getHref(restoredAs.id)} underline="always">
                  {restoredAs.name}
                </Anchor>{' '}
                (new id {restoredAs.id}).
              </Text>
            ) : null}
          </Stack>
          {plan && !restoredAs ? (
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
        {failure ? (
          <Alert
            color="red"
            variant="light"
            title="Could not restore the group"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={onDismissFailure}
          >
            <Stack gap={4}>
              <span>{describeError(failure)}</span>
              <ErrorReference error={failure} />
            </Stack>
          </Alert>
        ) : null}
      </Stack>
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
  const creations = useHistory({ actions: ['Create'], pageSize: LARGEST_HISTORY_PAGE }, { enabled: canReadHistory });
  const restoredAs = useMemo(() => restoredCopies(creations.records), [creations.records]);
  const restore = useRestoreGroupMutation();
  const navigate = useNavigate();
  const [restoringId, setRestoringId] = useState<string | null>(null);
  // Failed restores by record id: they stay on their entry until dismissed.
  const [failures, setFailures] = useState<ReadonlyMap<string, unknown>>(new Map());
  const setFailure = (recordId: string, error: unknown) =>
    setFailures((current) => {
      const next = new Map(current);
      if (error === undefined) next.delete(recordId);
      else next.set(recordId, error);
      return next;
    });
  const [params] = useSearchParams();
  const highlightedId = params.get('group');

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
              Individual members: {plan.individuals.length ? plan.individuals.map((p) => p.name).join(', ') : NO_VALUE}
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
    setFailure(record.id ?? '', undefined);
    try {
      const { group, missedMembers } = await restore.mutateAsync({ deletedGroupId: oldId, plan });
      notifications.show({
        color: missedMembers ? 'yellow' : 'green',
        title: `Restored ${group.name}`,
        message: `It has a new id (${group.id}).${missedMembers ? ` ${countOf(missedMembers, 'member', 'members')} could not be added back.` : ''}`,
      });
      await navigate(paths.groups.detail.getHref(group.id ?? ''));
    } catch (error) {
      setFailure(record.id ?? '', error);
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
            failure={failures.get(record.id ?? '')}
            highlighted={!!highlightedId && highlightedId === record.entity?.id}
            onRestore={(r, plan) => void start(r, plan)}
            onDismissFailure={() => setFailure(record.id ?? '', undefined)}
          />
        )}
      />
    </Stack>
  );
};
