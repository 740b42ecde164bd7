import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useGetAuthorizationDivisions } from '@/api/generated/endpoints/authorization/authorization';
import { Link } from 'react-router';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { EntityChange } from '@/api/generated/model/entityChange';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import {
  ACTION_LABELS,
  actorName,
  describeReasons,
  entityNames,
  exactTime,
  formatValues,
  grantChanges,
  isHistoryAction,
  memberChanges,
  propertyLabel,
  relativeTime,
  revertibleChanges,
  rulesDiff,
} from './audit-format';

/** "3 minutes ago", with the exact time on hover and on keyboard focus. */
export const HistoryTime = ({ eventDate }: { eventDate: string | undefined }) => {
  if (!eventDate) return null;
  const date = new Date(eventDate);
  const exact = exactTime(date);
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

export interface HistoryEntryProps {
  record: AuditLogMessage;
  onOpenUser?: (userId: string) => void;
  /** Offered on a field change when the user may edit the group. */
  onRevert?: (record: AuditLogMessage) => void;
  /** Extra line under the header (e.g. the group's name in a history of many groups). */
  subject?: ReactNode;
}

/** One change: who, when, what. */
export const HistoryEntry = ({ record, onOpenUser, onRevert, subject }: HistoryEntryProps) => {
  const action = isHistoryAction(record.action) ? record.action : null;
  const people = memberChanges(record);
  const revertible = onRevert && revertibleChanges(record).length > 0;
  const label = action ? ACTION_LABELS[action] : (record.action ?? 'Change');
  const isEmptyUpdate = record.action === 'Update' && !(record.propertyChanges ?? []).length;
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
      </Stack>
    </Paper>
  );
};
