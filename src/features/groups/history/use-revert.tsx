import { Alert, List, Stack, Text } from '@mantine/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/api/errors';
import { getGetGroupQueryOptions } from '@/api/generated/endpoints/groups/groups';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { Group } from '@/api/generated/model/group';
import type { GroupUpdate } from '@/api/generated/model/groupUpdate';
import { confirmAction } from '@/components/feedback/confirm';
import { describeError } from '@/components/feedback/query-error-alert';
import { ConflictDialog } from '../form/conflict-dialog';
import { groupToFormValues, type GroupFormValues } from '../form/group-schema';
import { useRevertChangeMutation } from '../core/group-mutations';
import { entityNames, formatValues, propertyLabel, revertBody, revertibleChanges } from './audit-format';
import { showErrorNotification } from '@/components/feedback/error-reference';
import { useMe, usePermittedPermissions } from '@/lib/permissions';
import { ownerChangeWarning } from '../core/owner-change';

/** The form values the group would have after the revert (what the conflict dialog shows as "your edit"). */
export const valuesAfterRevert = (group: Group, body: GroupUpdate, record: AuditLogMessage): GroupFormValues => {
  const values = groupToFormValues(group);
  const names = entityNames(record);
  const known = new Map(values.owners.map((o) => [o.id, o.name]));
  return {
    ...values,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.visibility === 'public' || body.visibility === 'owners' || body.visibility === 'members'
      ? { visibility: body.visibility }
      : {}),
    ...(body.rulesVisible !== undefined ? { rulesVisible: body.rulesVisible } : {}),
    ...(body.includeOwners !== undefined ? { includeOwners: body.includeOwners } : {}),
    ...(body.rolesEnabled !== undefined ? { rolesEnabled: body.rolesEnabled } : {}),
    ...(body.callsEnabled !== undefined ? { callsEnabled: body.callsEnabled } : {}),
    ...(body.addresses !== undefined
      ? { addresses: groupToFormValues({ ...group, addresses: body.addresses }).addresses }
      : {}),
    ...(body.ownerIds !== undefined
      ? { owners: body.ownerIds.map((id) => ({ id, name: known.get(id) ?? names.get(id) ?? id })) }
      : {}),
  };
};

interface Conflict {
  record: AuditLogMessage;
  loaded: Group;
  current: Group;
}

/**
 * Revert of a field change: confirm, PUT the old values on the group's current version with
 * `X-Reverts-Audit`; a 409 (the group moved on) opens the edit form's conflict dialog, from which the
 * revert can be re-applied on the newer version.
 */
export const useRevert = (group: Group) => {
  const { t } = useLingui();
  const groupId = group.id ?? '';
  const queryClient = useQueryClient();
  const revert = useRevertChangeMutation(groupId);
  const me = useMe();
  const permitted = usePermittedPermissions();
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const send = async (record: AuditLogMessage, base: Group) => {
    try {
      await revert.mutateAsync({ groupId, auditId: record.id ?? '', body: revertBody(record, base.version ?? 0) });
      setConflict(null);
    } catch (error) {
      let shown: unknown = error;
      if (isApiError(error) && error.isVersionConflict) {
        try {
          const current = await queryClient.fetchQuery({ ...getGetGroupQueryOptions(groupId), staleTime: 0 });
          setConflict({ record, loaded: base, current });
          return;
        } catch (reloadError) {
          shown = reloadError;
        }
      }
      setConflict(null);
      showErrorNotification({
        title: t`Could not revert the change`,
        text: describeError(shown),
        error: shown,
        persistent: true,
      });
    }
  };

  const start = async (record: AuditLogMessage) => {
    const names = entityNames(record);
    const restoredOwners = revertBody(record, group.version ?? 0).ownerIds;
    const warning = restoredOwners
      ? ownerChangeWarning({
          groupName: group.name,
          before: (group.owners ?? []).flatMap((o) => (o.id ? [o.id] : [])),
          after: restoredOwners,
          me,
          permitted,
        })
      : null;
    const confirmed = await confirmAction({
      title: warning?.title ?? t`Revert this change?`,
      message: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans>These fields get back the values they had before the change:</Trans>
          </Text>
          <List size="sm">
            {revertibleChanges(record).map((c) => (
              <List.Item key={c.property}>
                {propertyLabel(c.property)}: {formatValues(c.property, c.oldValues, names)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            <Trans>The revert is saved as a new change in the history.</Trans>
          </Text>
          {warning ? (
            <Alert color={warning.losesAccess ? 'red' : 'yellow'} p="xs">
              <Text size="sm">{warning.message}</Text>
            </Alert>
          ) : null}
        </Stack>
      ),
      confirmLabel: warning?.losesAccess
        ? t`Revert and lose access`
        : t({ message: 'Revert', comment: 'button: undo this change' }),
      danger: warning?.losesAccess,
    });
    if (confirmed) await send(record, group);
  };

  const dialog = conflict ? (
    <ConflictDialog
      opened
      loaded={groupToFormValues(conflict.loaded)}
      current={groupToFormValues(conflict.current)}
      currentVersion={conflict.current.version ?? 0}
      mine={valuesAfterRevert(
        conflict.loaded,
        revertBody(conflict.record, conflict.loaded.version ?? 0),
        conflict.record,
      )}
      busy={revert.isPending}
      onReload={() => setConflict(null)}
      onReapply={() => void send(conflict.record, conflict.current)}
      onClose={() => setConflict(null)}
    />
  ) : null;

  return { start, dialog, pending: revert.isPending };
};
