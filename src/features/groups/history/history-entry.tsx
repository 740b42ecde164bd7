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
  ACTION_LABELS,
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
const RULES_WORDS = { added: 'Added', removed: 'Removed', kept: 'Unchanged' } as const;

const RulesDiff = ({ change }: { change: Parameters<typeof rulesDiff>[0] }) => (
  <List size="sm" listStyleType="none" spacing={2} aria-label="Rules changes">
    {rulesDiff(change).map((line, i) => (
      <List.Item key={`${line.kind}-${i}`} data-diff={line.kind}>
        <Text span size="sm" c={line.kind === 'added' ? 'teal.8' : line.kind === 'removed' ? 'red.8' : 'dimmed'}>
          <span aria-hidden>{RULES_MARKS[line.kind]} </span>
          <VisuallyHidden>{RULES_WORDS[line.kind]}: </VisuallyHidden>
          {line.text}
        </Text>
      </List.Item>
    ))}
  </List>
);

/** The property changes of a record: "Name: Sales → Sales EMEA", rules as a diff. */
const PropertyChanges = ({ record }: { record: AuditLogMessage }) => {
  const names = entityNames(record);
  const changes = record.propertyChanges ?? [];
  if (changes.length === 0) return null;
  const creating = record.action === 'Create';
  const deleting = record.action === 'Delete';
  return (
    <List size="sm" spacing={4} aria-label="Changed fields">
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
              <span aria-label="changed to"> → </span>
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
}) => (
  <List size="sm" spacing={2} aria-label={added ? 'People added' : 'People removed'}>
    {people.map((p) => {
      const reasons = describeReasons(added ? p.newValues : p.oldValues);
      return (
        <List.Item key={p.entityId} data-user={p.entityId}>
          <PersonLink id={p.entityId} name={p.entityName ?? p.entityId ?? 'Unknown person'} onOpenUser={onOpenUser} />
          {reasons ? (
            <Text span size="xs" c="dimmed">
              {' '}
              ({added ? 'now a member' : 'was a member'} {reasons})
            </Text>
          ) : null}
        </List.Item>
      );
    })}
  </List>
);

/** "Restored from deleted group <id>", the id leading to that group's entry in Recently deleted where it may be seen. */
const RestoredFrom = ({ deletedGroupId }: { deletedGroupId: string }) => {
  const canSeeDeleted = useCan(paths.groups.deleted.permission);
  return (
    <Text size="xs" c="dimmed">
      Restored from deleted group{' '}
      {canSeeDeleted ? (
        <Anchor component={Link} to={paths.groups.deleted.getHref(deletedGroupId)} size="xs" underline="always">
          {deletedGroupId}
        </Anchor>
      ) : (
        deletedGroupId
      )}
      .
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
  const names = useDivisionNames();
  const lines = grantChanges(record, names);
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={2} aria-label={record.action === 'GrantAdd' ? 'Roles granted' : 'Roles removed'}>
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
          Saved without changes.
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
  isHistoryAction(record.action) ? ACTION_LABELS[record.action] : (record.action ?? 'Change');

/** The other records of the same change, each under its own action. */
const RelatedParts = ({
  records,
  onOpenUser,
}: {
  records: readonly AuditLogMessage[];
  onOpenUser?: (userId: string) => void;
}) =>
  records.map((r) => (
    <Stack key={r.id} gap={4} data-related={r.action}>
      <Text size="sm" fw={500}>
        {actionLabel(r)} with this change
      </Text>
      <RecordBody record={r} onOpenUser={onOpenUser} />
    </Stack>
  ));

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
          Show the whole change
        </Button>
      </Group>
    );
  if (related.isPending) return <Skeleton height={40} aria-label="Loading the whole change" />;
  if (related.isError)
    return (
      <QueryErrorAlert
        title="Could not load the whole change"
        error={related.error}
        onRetry={() => void related.refetch()}
      />
    );
  const known = new Set([record.id, ...shown.map((r) => r.id)]);
  const others = (related.data.entities ?? []).filter((r) => !known.has(r.id) && isChange(r));
  const lead = others.find((r) => r.transactionInitiator === true);
  return (
    <>
      {lead ? (
        <Text size="xs" c="dimmed">
          Part of: {actionLabel(lead)} by {actorName(lead)}
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
  const action = isHistoryAction(record.action) ? record.action : null;
  const revertible = onRevert && revertibleChanges(record).length > 0;
  const label = actionLabel(record);
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={`${label} by ${actorName(record)}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={action ? ACTION_COLORS[action] : 'gray'} tt="none">
              {label}
            </Badge>
            <Text span size="sm">
              by
            </Text>
            <PersonLink id={record.user?.id} name={actorName(record)} onOpenUser={onOpenUser} />
            <HistoryTime eventDate={record.eventDate} />
          </Group>
          {revertible ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={() => onRevert(record)}
            >
              Revert
            </Button>
          ) : null}
        </Group>
        {subject}
        {record.context?.revertsAuditId ? (
          <Text size="xs" c="dimmed">
            Reverts an earlier change.
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
