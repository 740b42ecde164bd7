import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuditAction } from '@/api/generated/model/auditAction';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import { confirmAction } from '@/components/feedback/confirm';
import { EmptyState } from '@/components/feedback/empty-state';
import { ErrorReference } from '@/components/feedback/error-reference';
import { Forbidden } from '@/components/feedback/forbidden';
import { describeError } from '@/components/feedback/query-error-alert';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import { usePageTitle } from '@/lib/page-title';
import { useRestoreGroupMutation } from '../core/group-mutations';
import type { RestorePlan } from '../core/group-mutations';
import { NO_VALUE, typeLabel, visibilityLabel } from '../core/group-vocabulary';
import { actorName, formatValues, restorePlan } from './audit-format';
import { HISTORY_PERMISSION } from './history-permission';
import { HistoryTime } from './history-entry';
import { HistoryList } from './history-timeline';
import { OLDER_DAYS, REALTIME_DAYS, useHistory, LARGEST_HISTORY_PAGE } from './use-history';
import { restoredCopies, type RestoredCopy } from './restored-copies';

/** A deleted group at a glance: "Official · Members only · 1 owner · 2 individual members · no dynamic rules". */
export const planSummary = (plan: RestorePlan, owners: number): string =>
  [
    typeLabel(plan.create.type),
    visibilityLabel(plan.create.visibility),
    plural(owners, { one: '# owner', other: '# owners' }),
    plural(plan.individuals.length, { one: '# individual member', other: '# individual members' }),
    plan.rules
      ? t({ message: 'dynamic rules', comment: 'a deleted group at a glance: it had dynamic rules' })
      : t({ message: 'no dynamic rules', comment: 'a deleted group at a glance: it had none' }),
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
  const { t } = useLingui();
  const plan = restorePlan(record);
  const name = plan?.create.name ?? record.entity?.name ?? t`Unnamed group`;
  const actor = actorName(record);
  const groupId = record.entity?.id ?? '';
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
                  <Trans comment="badge: the deleted group was restored">Restored</Trans>
                </Badge>
              ) : null}
            </Group>
            {highlighted ? (
              <Text size="sm" fw={500}>
                <Trans>The group you followed a link to.</Trans>
              </Text>
            ) : null}
            <Group gap={6} wrap="wrap">
              <Text size="sm">
                <Trans>Deleted by {actor}</Trans>
              </Text>
              <HistoryTime eventDate={record.eventDate} />
            </Group>
            {plan ? (
              <Text size="sm" c="dimmed">
                {planSummary(plan, owners)}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                <Trans>This record has no snapshot of the group, so it cannot be restored.</Trans>
              </Text>
            )}
            <Text size="xs" c="dimmed">
              <Trans comment="the deleted group's id">Id {groupId}</Trans>
            </Text>
            {restoredAs ? (
              <Text size="sm">
                <RestoredAs copy={restoredAs} />
              </Text>
            ) : null}
          </Stack>
          {plan && !restoredAs ? (
            <Button
              variant="default"
              leftSection={<IconRestore size={16} aria-hidden />}
              loading={restoring}
              onClick={() => onRestore(record, plan)}
              aria-label={t`Restore ${name}`}
            >
              <Trans comment="button: restore the deleted group">Restore</Trans>
            </Button>
          ) : null}
        </Group>
        {failure ? (
          <Alert
            color="red"
            variant="light"
            title={t`Could not restore the group`}
            withCloseButton
            closeButtonLabel={t`Dismiss`}
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

/** "Restored as <link to the copy> (new id …)." */
const RestoredAs = ({ copy }: { copy: RestoredCopy }) => {
  const copyId = copy.id;
  const copyName = copy.name;
  return (
    <Trans>
      Restored as{' '}
      <Anchor component={Link} to={paths.groups.detail.getHref(copyId)} underline="always">
        {copyName}
      </Anchor>{' '}
      (new id {copyId}).
    </Trans>
  );
};

/**
 * Groups deleted in the realtime window (Delete records), each restorable as a new group with the
 * same settings, owners, individual members and rules.
 */
export const RecentlyDeletedPage = () => {
  const { t } = useLingui();
  usePageTitle(t`Recently deleted groups`);
  const realtimeDays = REALTIME_DAYS;
  const olderDays = OLDER_DAYS;
  const historyPermission = HISTORY_PERMISSION;
  const canReadHistory = useCan(HISTORY_PERMISSION);
  const deleted = useHistory({ actions: [AuditAction.Delete] }, { enabled: canReadHistory });
  // Restores are creations that name the deleted group (context.restoredFromGroupId).
  const creations = useHistory(
    { actions: [AuditAction.Create], pageSize: LARGEST_HISTORY_PAGE },
    { enabled: canReadHistory },
  );
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

  if (!canReadHistory)
    return (
      <Forbidden
        permission={HISTORY_PERMISSION}
        description={t`You need the ${historyPermission} permission to see deleted groups. Ask an administrator of your organization to grant it.`}
      />
    );

  const start = async (record: AuditLogMessage, plan: RestorePlan) => {
    const oldId = record.entity?.id ?? '';
    const names = new Map((record.entityChanges ?? []).map((c) => [c.entityId ?? '', c.entityName ?? '']));
    const groupName = plan.create.name;
    const owners = formatValues('ownerIds', plan.create.ownerIds, names);
    const individuals = plan.individuals.length ? plan.individuals.map((p) => p.name).join(', ') : NO_VALUE;
    const confirmed = await confirmAction({
      title: t`Restore ${groupName}?`,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>
              A new group is created with the settings, owners, individual members and rules this group had when it was
              deleted. <strong>It gets a new id</strong>: links and integrations that used the old id ({oldId}) do not
              follow it.
            </Trans>
          </Text>
          <List size="sm">
            <List.Item>
              <Trans>Owners: {owners}</Trans>
            </List.Item>
            <List.Item>
              <Trans>Individual members: {individuals}</Trans>
            </List.Item>
            <List.Item>{plan.rules ? <Trans>Dynamic rules: yes</Trans> : <Trans>Dynamic rules: none</Trans>}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            <Trans>Members who came only from the rules or as owners come back through them.</Trans>
          </Text>
        </Stack>
      ),
      confirmLabel: t`Restore group`,
    });
    if (!confirmed) return;
    setRestoringId(record.id ?? null);
    setFailure(record.id ?? '', undefined);
    try {
      const { group, missedMembers } = await restore.mutateAsync({ deletedGroupId: oldId, plan });
      const restoredName = group.name;
      const newId = group.id ?? '';
      const missed = missedMembers
        ? ` ${plural(missedMembers, {
            one: '# member could not be added back.',
            other: '# members could not be added back.',
          })}`
        : '';
      notifications.show({
        color: missedMembers ? 'yellow' : 'green',
        title: t`Restored ${restoredName}`,
        message: `${t`It has a new id (${newId}).`}${missed}`,
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
        <Title order={1}>
          <Trans>Recently deleted groups</Trans>
        </Title>
        <Text c="dimmed" size="sm">
          <Trans>Groups deleted in the last {realtimeDays} days, newest first.</Trans>
        </Text>
      </div>
      <Alert variant="light" color="blue" title={t`Restoring makes a new group`}>
        <Trans>
          A restored group gets a new id, with the deleted group’s settings, owners, individual members and rules. The
          history of the new group notes which group it was restored from.
        </Trans>
      </Alert>
      <HistoryList
        history={deleted}
        words={{
          loading: t`Loading deleted groups`,
          failed: t`Could not load deleted groups`,
          olderFailed: t`Could not load older deleted groups`,
          more: t({ message: 'Show older', comment: 'button: show groups deleted earlier' }),
          moreOlder: t({
            message: `Show older (up to ${olderDays} days back)`,
            comment: 'button: show groups deleted earlier',
          }),
        }}
        headingOrder={2}
        empty={
          <EmptyState
            icon={<IconTrashX size={32} stroke={1.5} aria-hidden />}
            title={t`No deleted groups`}
            description={t`No group was deleted in the last ${realtimeDays} days.`}
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
