import { Anchor, Button, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorReference } from '@/components/feedback/error-reference';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import { formatExactTime } from '@/lib/locale';
import { useCan } from '@/lib/permissions';
import { actorName } from './audit-format';
import { HISTORY_PERMISSION } from './history-permission';
import { restoredCopies } from './restored-copies';
import { useHistory, LARGEST_HISTORY_PAGE } from './use-history';

export interface DeletedGroupNotFoundProps {
  groupId: string;
  /** The 404 that brought the page (its reference is shown). */
  error: unknown;
}

/**
 * The page of a group that is not there (404). When the history shows the group was deleted, it says
 * so, by whom and when, and leads on: to the group it was restored as, and to its entry in Recently
 * deleted; otherwise it is the plain "group not found" page.
 */
export const DeletedGroupNotFound = ({ groupId, error }: DeletedGroupNotFoundProps) => {
  const canReadHistory = useCan(HISTORY_PERMISSION);
  const canRestore = useCan(paths.groups.deleted.permission);
  const deletion = useHistory({ groupId, actions: ['Delete'], pageSize: 1 }, { enabled: canReadHistory });
  const creations = useHistory({ actions: ['Create'], pageSize: LARGEST_HISTORY_PAGE }, { enabled: canReadHistory });
  const restoredAs = useMemo(() => restoredCopies(creations.records).get(groupId), [creations.records, groupId]);
  const deleted = deletion.records[0];
  const backToGroups = (
    <Button component={Link} to={paths.groups.list.getHref()} variant={deleted ? 'default' : 'light'}>
      Back to groups
    </Button>
  );

  if (canReadHistory && (deletion.isPending || creations.isPending)) {
    return <StatusPage loading title="Looking for the group…" />;
  }
  if (!deleted) {
    return (
      <StatusPage
        code="404"
        title="Group not found"
        description="This group does not exist, was deleted, or is not visible to you."
        actions={backToGroups}
        details={<ErrorReference error={error} center />}
      />
    );
  }

  const name = deleted.entity?.name ?? 'This group';
  const when = deleted.eventDate ? ` on ${formatExactTime(new Date(deleted.eventDate))}` : '';
  return (
    <StatusPage
      code="404"
      title="This group was deleted"
      description={
        <>
          {name} was deleted by {actorName(deleted)}
          {when}.{' '}
          {restoredAs ? (
            <>
              It was restored as a new group,{' '}
              <Anchor component={Link} to={paths.groups.detail.getHref(restoredAs.id)} underline="always">
                {restoredAs.name}
              </Anchor>
              , with a new id.
            </>
          ) : canRestore ? (
            'It can be restored from Recently deleted.'
          ) : (
            'Someone who may create groups can restore it from Recently deleted.'
          )}
        </>
      }
      actions={
        <Group justify="center">
          {restoredAs ? (
            <Button component={Link} to={paths.groups.detail.getHref(restoredAs.id)}>
              Open the restored group
            </Button>
          ) : null}
          {canRestore ? (
            <Button
              component={Link}
              to={paths.groups.deleted.getHref(groupId)}
              variant={restoredAs ? 'default' : 'filled'}
            >
              See it in Recently deleted
            </Button>
          ) : null}
          {backToGroups}
        </Group>
      }
      details={
        <Text size="xs" c="dimmed">
          Deleted group id {groupId}
        </Text>
      }
    />
  );
};
