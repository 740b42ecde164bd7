import { Anchor, Button, Group, Text } from '@mantine/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { AuditAction } from '@/api/generated/model/auditAction';
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
  const { t } = useLingui();
  const canReadHistory = useCan(HISTORY_PERMISSION);
  const canRestore = useCan(paths.groups.deleted.permission);
  const deletion = useHistory({ groupId, actions: [AuditAction.Delete], pageSize: 1 }, { enabled: canReadHistory });
  const creations = useHistory(
    { actions: [AuditAction.Create], pageSize: LARGEST_HISTORY_PAGE },
    { enabled: canReadHistory },
  );
  const restoredAs = useMemo(() => restoredCopies(creations.records).get(groupId), [creations.records, groupId]);
  const deleted = deletion.records[0];
  const backToGroups = (
    <Button component={Link} to={paths.groups.list.getHref()} variant={deleted ? 'default' : 'light'}>
      <Trans>Back to groups</Trans>
    </Button>
  );

  if (canReadHistory && (deletion.isPending || creations.isPending)) {
    return <StatusPage loading title={t`Looking for the group…`} />;
  }
  if (!deleted) {
    return (
      <StatusPage
        code="404"
        title={t`Group not found`}
        description={t`This group does not exist, was deleted, or is not visible to you.`}
        actions={backToGroups}
        details={<ErrorReference error={error} center />}
      />
    );
  }

  const name =
    deleted.entity?.name ??
    t({ message: 'This group', comment: 'stands for a deleted group\'s name: "This group was deleted by …"' });
  const actor = actorName(deleted);
  const deletedAt = deleted.eventDate ? formatExactTime(new Date(deleted.eventDate)) : undefined;
  const restoredName = restoredAs?.name;
  return (
    <StatusPage
      code="404"
      title={t`This group was deleted`}
      description={
        <>
          {deletedAt ? (
            <Trans>
              {name} was deleted by {actor} on {deletedAt}.
            </Trans>
          ) : (
            <Trans>
              {name} was deleted by {actor}.
            </Trans>
          )}{' '}
          {restoredAs ? (
            <Trans>
              It was restored as a new group,{' '}
              <Anchor component={Link} to={paths.groups.detail.getHref(restoredAs.id)} underline="always">
                {restoredName}
              </Anchor>
              , with a new id.
            </Trans>
          ) : canRestore ? (
            t`It can be restored from Recently deleted.`
          ) : (
            t`Someone who may create groups can restore it from Recently deleted.`
          )}
        </>
      }
      actions={
        <Group justify="center">
          {restoredAs ? (
            <Button component={Link} to={paths.groups.detail.getHref(restoredAs.id)}>
              <Trans>Open the restored group</Trans>
            </Button>
          ) : null}
          {canRestore ? (
            <Button
              component={Link}
              to={paths.groups.deleted.getHref(groupId)}
              variant={restoredAs ? 'default' : 'filled'}
            >
              <Trans>See it in Recently deleted</Trans>
            </Button>
          ) : null}
          {backToGroups}
        </Group>
      }
      details={
        <Text size="xs" c="dimmed">
          <Trans>Deleted group id {groupId}</Trans>
        </Text>
      }
    />
  );
};
