import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Group } from '@/api/generated/model/group';
import { BlockedButton } from '@/components/controls/blocked-button';
import { DeleteGroupModal } from './delete-group-modal';

/** Why a group's state keeps it from being deleted, or null when it can be. */
export const deleteBlockedReason = (group: Pick<Group, 'state'>): string | null =>
  group.state === 'deleted' ? t`The group is already deleted.` : null;

/** The Delete button of a group's page, with its confirmation. Render it only for directory:group:delete. */
export const DeleteGroupButton = ({ group }: { group: Group & { id: string } }) => {
  const [opened, setOpened] = useState(false);
  const blocked = deleteBlockedReason(group);
  if (blocked) {
    return (
      <BlockedButton reason={blocked} color="red" variant="light" leftSection={<IconTrash size={16} />}>
        <Trans comment="button: delete the group">Delete</Trans>
      </BlockedButton>
    );
  }
  return (
    <>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setOpened(true)}>
        <Trans comment="button: delete the group">Delete</Trans>
      </Button>
      <DeleteGroupModal group={group} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
};
