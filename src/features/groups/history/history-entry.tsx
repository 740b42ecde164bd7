import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { queryAuditsRealtimeRelated } from '@/api/generated/endpoints/audits/audits';
import { auditKeys, HISTORY_PARAMS } from '@/api/keys/audit-keys';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useGetAuthorizationDivisions } from '@/api/generated/endpoints/authorization/authorization';
import { Link } from 'react-router';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { EntityChange } from '@/api/generated/model/entityChange';
import { paths } from '@/config/paths';
import { formatExactTime } from '@/lib/locale';
import { useCan } from '@/lib/permissions';
import {
  actionLabelOf,
  actorName,
  describeReasons,
  entityNames,
  formatValues,
  grantChanges,
  isHistoryAction,
  memberChanges,
  propertyLabel,
  relativeTime,
  revertibleChanges,
  rulesDiff,
} from './audit-format';
import { isChange } from './use-history';

/** "3 minutes ago", with the exact time on hover and on keyboard focus. */
export const HistoryTime = ({ eventDate }: { eventDate: string | undefined }) => {
  if (!eventDate) return null;
  const date = new Date(eventDate);
  // The exact time, for the tooltip and screen readers.
  const exact = formatExactTime(date);
  return (
    <Tooltip label={exact} events={{ hover: true, focus: true, touch: true }} withArrow>
      <Text component="time" dateTime={eventDate} size="sm" c="dimmed" tabIndex={0} aria-label={exact}>
        {relativeTime(date)}
      </Text>
    </Tooltip>
  );
};

/** A person's name that opens their drawer. */
export const PersonLink = ({
  id,
  name,
  onOpenUser,
}: {
  id: string | undefined;
  name: string;
  onOpenUser?: (userId: string) => void;
}) =>
  id && onOpenUser ? (
    <Anchor component="button" type="button" size="sm" fw={600} underline="always" onClick={() => onOpenUser(id)}>
      {name}
    </Anchor>
  ) : (
    <Text span size="sm" fw={600}>
      {name}
    </Text>
  );

const RULES_MARKS = { added: '+', removed: '−', kept: ' ' } as const;

/** What a screen reader hears before a line of a rules diff. */
const rulesLineWords = (kind: keyof typeof RULES_MARKS): string => {
  switch (kind) {
    case 'added':
      return t({ message: 'Added:', comment: 'before a line of membership rules that a change added' });
    case 'removed':
      return t({ message: 'Removed:', comment: 'before a line of membership rules that a change removed' });
    case 'kept':
      return t({ message: 'Unchanged:', comment: 'before a line of membership rules that a change kept' });
  }
};

const RulesDiff = ({ change }: { change: Parameters<typeof rulesDiff>[0] }) => {
  const { t } = useLingui();
  return (
    <List size="sm" listStyleType="none" spacing={2} aria-label={t`Rules changes`}>
      {rulesDiff(change).map((line, i) => (
        <List.Item key={`${line.kind}-${i}`} data-diff={line.kind}>
          <Text span size="sm" c={line.kind === 'added' ? 'teal.8' : line.kind === 'removed' ? 'red.8' : 'dimmed'}>
            <span aria-hidden>{RULES_MARKS[line.kind]} </span>
            <VisuallyHidden>{rulesLineWords(line.kind)} </VisuallyHidden>
            {line.text}
          </Text>
        </List.Item>
      ))}
    </List>
  );
};

/** The property changes of a record: "Name: Sales → Sales EMEA", rules as a diff. */
const PropertyChanges = ({ record }: { record: AuditLogMessage }) => {
  const { t } = useLingui();
  const names = entityNames(record);
  const changes = record.propertyChanges ?? [];
  if (changes.length === 0) return null;
  const creating = record.action === 'Create';
  const deleting = record.action === 'Delete';
  return (
    <List size="sm" spacing={4} aria-label={t`Changed fields`}>
      {changes.map((c) => (
        <List.Item key={c.property} data-property={c.property}>
          <Text span size="sm" fw={500}>
            {propertyLabel(c.property)}:
          </Text>{' '}
          {c.property === 'dynamicSettings' && !creating && !deleting ? (
            <RulesDiff change={c} />
          ) : creating ? (
            <Text span size="sm">
              {formatValues(c.property, c.newValues, names)}
            </Text>
          ) : deleting ? (
            <Text span size="sm">
              {formatValues(c.property, c.oldValues, names)}
            </Text>
          ) : (
            <Text span size="sm">
              <Text span inherit td="line-through" c="dimmed">
                {formatValues(c.property, c.oldValues, names)}
              </Text>
              <span aria-label={t({ message: 'changed to', comment: 'read for the arrow between old and new value' })}>
                {' '}
                →{' '}
              </span>
              {formatValues(c.property, c.newValues, names)}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
};

const MemberChanges = ({
  people,
  added,
  onOpenUser,
}: {
  people: EntityChange[];
  added: boolean;
  onOpenUser?: (userId: string) => void;
}) => {
  const { t } = useLingui();
  return (
    <List size="sm" spacing={2} aria-label={added ? t`People added` : t`People removed`}>
      {people.map((p) => {
        const reasons = describeReasons(added ? p.newValues : p.oldValues);
        return (
          <List.Item key={p.entityId} data-user={p.entityId}>
            <PersonLink
              id={p.entityId}
              name={p.entityName ?? p.entityId ?? t`Unknown person`}
              onOpenUser={onOpenUser}
            />
            {reasons ? (
              <Text span size="xs" c="dimmed">
                {' '}
                {added ? <Trans>(now a member {reasons})</Trans> : <Trans>(was a member {reasons})</Trans>}
              </Text>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
};

/** "Restored from deleted group <id>", the id leading to that group's entry in Recently deleted where it may be seen. */
const RestoredFrom = ({ deletedGroupId }: { deletedGroupId: string }) => {
  const canSeeDeleted = useCan(paths.groups.deleted.permission);
  return (
    <Text size="xs" c="dimmed">
      {canSeeDeleted ? (
        <Trans>
          Restored from deleted group{' '}
          <Anchor component={Link} to={paths.groups.deleted.getHref(deletedGroupId)} size="xs" underline="always">
            {deletedGroupId}
          </Anchor>
          .
        </Trans>
      ) : (
        <Trans>Restored from deleted group {deletedGroupId}.</Trans>
      )}
    </Text>
  );
};

const ACTION_COLORS = {
  Create: 'teal',
  Update: 'blue',
  Delete: 'red',
  MemberAdd: 'green',
  MemberRemove: 'orange',
  GrantAdd: 'grape',
  GrantRemove: 'pink',
};

/** The division names grant records refer to by id (the listing needs no permission). */
const useDivisionNames = (): ReadonlyMap<string, string> => {
  const divisions = useGetAuthorizationDivisions({ pageSize: 100 }, { query: { staleTime: 300_000 } });
  return useMemo(
    () => new Map((divisions.data?.entities ?? []).map((d) => [d.id ?? '', d.name ?? d.id ?? ''])),
    [divisions.data],
  );
};

/** "Role Group Editor granted in Home", one line a role. */
const GrantChanges = ({ record }: { record: AuditLogMessage }) => {
  const { t } = useLingui();
  const names = useDivisionNames();
  const lines = grantChanges(record, names);
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={record.action === 'GrantAdd' ? t`Roles granted` : t`Roles removed`}>
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
};

/** What one record changed: its fields, roles and people. */
const RecordBody = ({ record, onOpenUser }: { record: AuditLogMessage; onOpenUser?: (userId: string) => void }) => {
  const people = memberChanges(record);
  const isEmptyUpdate = record.action === 'Update' && !(record.propertyChanges ?? []).length;
  return (
    <>
      {isEmptyUpdate ? (
        <Text size="sm" c="dimmed">
          <Trans>Saved without changes.</Trans>
        </Text>
      ) : null}
      <PropertyChanges record={record} />
      {record.action === 'GrantAdd' || record.action === 'GrantRemove' ? <GrantChanges record={record} /> : null}
      {people.length ? (
        <MemberChanges people={people} added={record.action === 'MemberAdd'} onOpenUser={onOpenUser} />
      ) : null}
    </>
  );
};

const actionLabel = (record: AuditLogMessage) =>
  isHistoryAction(record.action)
    ? actionLabelOf(record.action)
    : (record.action ?? t({ message: 'Change', comment: 'history entry badge, when the record names no action' }));

/** The other records of the same change, each under its own action. */
const RelatedParts = ({
  records,
  onOpenUser,
}: {
  records: readonly AuditLogMessage[];
  onOpenUser?: (userId: string) => void;
}) =>
  records.map((r) => {
    const action = actionLabel(r);
    return (
      <Stack key={r.id} gap={4} data-related={r.action}>
        <Text size="sm" fw={500}>
          <Trans comment="{action} is a history action: Members added, Roles granted…">{action} with this change</Trans>
        </Text>
        <RecordBody record={r} onOpenUser={onOpenUser} />
      </Stack>
    );
  });

/**
 * An entry that is only part of its change (a filter left the rest out): the rest on demand, from the
 * related audit query.
 */
const RestOfChange = ({
  record,
  shown,
  onOpenUser,
}: {
  record: AuditLogMessage;
  /** Records of the change the entry already shows. */
  shown: readonly AuditLogMessage[];
  onOpenUser?: (userId: string) => void;
}) => {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const related = useQuery({
    queryKey: auditKeys.related(record.id ?? ''),
    queryFn: ({ signal }) =>
      queryAuditsRealtimeRelated(
        { auditId: record.id ?? '', sort: [{ name: 'Timestamp', sortOrder: 'ascending' }] },
        HISTORY_PARAMS,
        signal,
      ),
    enabled: open && !!record.id,
    staleTime: 300_000,
  });
  if (!open)
    return (
      <Group>
        <Button size="xs" variant="subtle" onClick={() => setOpen(true)}>
          <Trans>Show the whole change</Trans>
        </Button>
      </Group>
    );
  if (related.isPending) return <Skeleton height={40} aria-label={t`Loading the whole change`} />;
  if (related.isError)
    return (
      <QueryErrorAlert
        title={t`Could not load the whole change`}
        error={related.error}
        onRetry={() => void related.refetch()}
      />
    );
  const known = new Set([record.id, ...shown.map((r) => r.id)]);
  const others = (related.data.entities ?? []).filter((r) => !known.has(r.id) && isChange(r));
  const lead = others.find((r) => r.transactionInitiator === true);
  const leadAction = lead ? actionLabel(lead) : '';
  const leadActor = lead ? actorName(lead) : '';
  return (
    <>
      {lead ? (
        <Text size="xs" c="dimmed">
          <Trans comment="{leadAction} is a history action (Changed, Deleted…), {leadActor} who made it">
            Part of: {leadAction} by {leadActor}
          </Trans>
        </Text>
      ) : null}
      <RelatedParts records={others} onOpenUser={onOpenUser} />
    </>
  );
};

export interface HistoryEntryProps {
  record: AuditLogMessage;
  /** The other records of the same change (related-records.ts), shown in this entry. */
  related?: readonly AuditLogMessage[];
  /** The record came along with an action not loaded here: offer the whole change. */
  partOfLarger?: boolean;
  onOpenUser?: (userId: string) => void;
  /** Offered on a field change when the user may edit the group. */
  onRevert?: (record: AuditLogMessage) => void;
  /** Extra line under the header (e.g. the group's name in a history of many groups). */
  subject?: ReactNode;
}

/** One change: who, when, what. */
export const HistoryEntry = ({
  record,
  related = [],
  partOfLarger = false,
  onOpenUser,
  onRevert,
  subject,
}: HistoryEntryProps) => {
  const { t } = useLingui();
  const action = isHistoryAction(record.action) ? record.action : null;
  const revertible = onRevert && revertibleChanges(record).length > 0;
  const label = actionLabel(record);
  const actor = actorName(record);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-label={t({
        message: `${label} by ${actor}`,
        comment: '{label} is a history action: Changed, Members added…',
      })}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Trans comment="an entry's header: the action's badge, then who made the change">
              <Badge variant="light" color={action ? ACTION_COLORS[action] : 'gray'} tt="none">
                {label}
              </Badge>
              <Text span size="sm">
                by
              </Text>
              <PersonLink id={record.user?.id} name={actor} onOpenUser={onOpenUser} />
            </Trans>
            <HistoryTime eventDate={record.eventDate} />
          </Group>
          {revertible ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={() => onRevert(record)}
            >
              <Trans comment="button: undo this change">Revert</Trans>
            </Button>
          ) : null}
        </Group>
        {subject}
        {record.context?.revertsAuditId ? (
          <Text size="xs" c="dimmed">
            <Trans>Reverts an earlier change.</Trans>
          </Text>
        ) : null}
        {record.context?.restoredFromGroupId ? (
          <RestoredFrom deletedGroupId={record.context.restoredFromGroupId} />
        ) : null}
        <RecordBody record={record} onOpenUser={onOpenUser} />
        <RelatedParts records={related} onOpenUser={onOpenUser} />
        {partOfLarger ? <RestOfChange record={record} shown={related} onOpenUser={onOpenUser} /> : null}
      </Stack>
    </Paper>
  );
};
