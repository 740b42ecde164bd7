import { Trans } from '@lingui/react/macro';
import { Button, Group as MantineGroup } from '@mantine/core';
import { IconArrowsDiff, IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { BlockedButton } from '@/components/controls/blocked-button';
import { paths } from '@/config/paths';
import { useCan, useCanEditGroup } from '@/lib/permissions';
import { DeleteGroupButton } from '../delete/delete-group-button';
import { editBlockedReason } from '../form/edit-blocked-reason';
import { permissionOf } from '@/lib/permission-names';

/**
 * The Edit link and Delete button of a group's page header. Only what the user may do is shown
 * (edit: directory:group:edit or an owner of the group; delete: directory:group:delete); what the
 * group's state blocks is disabled with a tooltip that says why.
 */
export const GroupActions = ({ group }: { group: Group }) => {
  const canEdit = useCanEditGroup(group);
  const canDelete = useCan(permissionOf('deleteGroup'));
  const id = group.id;
  if (!id) return null;
  const editBlocked = editBlockedReason(group);
  return (
    <MantineGroup gap="xs">
      {group.state !== 'deleted' && (
        <Button
          component={Link}
          to={paths.groups.compare.getHref(id)}
          variant="default"
          leftSection={<IconArrowsDiff size={16} aria-hidden />}
        >
          <Trans comment="button: compare this group with another group">Compare</Trans>
        </Button>
      )}
      {canEdit &&
        (editBlocked ? (
          <BlockedButton reason={editBlocked} variant="default" leftSection={<IconPencil size={16} />}>
            <Trans comment="button: edit the group">Edit</Trans>
          </BlockedButton>
        ) : (
          <Button
            component={Link}
            to={paths.groups.edit.getHref(id)}
            variant="default"
            leftSection={<IconPencil size={16} />}
          >
            <Trans comment="button: edit the group">Edit</Trans>
          </Button>
        ))}
      {canDelete && <DeleteGroupButton group={{ ...group, id }} />}
    </MantineGroup>
  );
};
