import { Alert, Button, Group as MantineGroup, List, Stack, Text, TextInput } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { countOf } from '@/lib/plural';
import { roleLossSentence, useRolesLostByLeaving } from '../core/group-grants';
import { useDeleteGroupMutation } from '../core/group-mutations';
import { restoreNote } from '../core/history-window';
import { RoleLossText } from '../core/role-loss-text';

export interface DeleteGroupModalProps {
  group: Group & { id: string };
  opened: boolean;
  onClose: () => void;
}

const memberText = (count: number | undefined) =>
  count === undefined ? 'an unknown number of members' : countOf(count, 'member', 'members');

/** Confirms a delete: says what goes with the group and asks for its name to be typed. */
export const DeleteGroupModal = ({ group, opened, onClose }: DeleteGroupModalProps) => {
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = useDeleteGroupMutation({
    onDeleted: () => navigate(paths.groups.list.getHref(), { replace: true }),
  });
  const matches = typed.trim() === group.name.trim();
  const owners = group.owners ?? [];
  // What its members lose with it: the roles it grants (read when the dialog opens, if grants may be viewed).
  const rolesLost = useRolesLostByLeaving(group, opened);
  const rolesLoss = roleLossSentence(group.memberCount ?? 0, rolesLost);

  const close = () => {
    if (remove.isPending) return;
    setTyped('');
    setError(null);
    onClose();
  };

  const confirm = async () => {
    setError(null);
    try {
      await remove.mutateAsync({ groupId: group.id });
      notifications.show({ color: 'green', message: `Deleted ${group.name}` });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The group could not be deleted.');
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Delete ${group.name}?`}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) void confirm();
        }}
      >
        <Stack>
          <Text size="sm">This deletes the group and the membership of its {memberText(group.memberCount)}.</Text>
          <RoleLossText>{rolesLoss}</RoleLossText>
          <Text size="sm" c="dimmed">
            {restoreNote(false)}
          </Text>
          <div>
            <Text size="sm" fw={600}>
              Owners
            </Text>
            {owners.length ? (
              <List size="sm">
                {owners.map((owner) => (
                  <List.Item key={owner.id}>{owner.name ?? owner.id}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                No owners
              </Text>
            )}
          </div>
          <TextInput
            label={`Type the group's name (${group.name}) to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {error && (
            <Alert color="red" title="The group was not deleted" role="alert">
              {error}
            </Alert>
          )}
          <MantineGroup justify="flex-end">
            <Button variant="default" onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={remove.isPending}>
              Delete group
            </Button>
          </MantineGroup>
        </Stack>
      </form>
    </Modal>
  );
};
