import { Alert, Button, Group as MantineGroup, List, Stack, Text, TextInput } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Group } from '@/api/generated/model/group';
import { paths } from '@/config/paths';
import { roleLossSentence, useRolesLostByLeaving } from '../core/group-grants';
import { useDeleteGroupMutation } from '../core/group-mutations';
import { restoreNote } from '../core/history-window';
import { RoleLossText } from '../core/role-loss-text';

export interface DeleteGroupModalProps {
  group: Group & { id: string };
  opened: boolean;
  onClose: () => void;
}

/** "This deletes the group and the membership of its 12 members." */
const whatGoes = (count: number | undefined) =>
  count === undefined
    ? t`This deletes the group and the membership of all its members.`
    : plural(count, {
        one: 'This deletes the group and the membership of its # member.',
        other: 'This deletes the group and the membership of its # members.',
      });

/** Confirms a delete: says what goes with the group and asks for its name to be typed. */
export const DeleteGroupModal = ({ group, opened, onClose }: DeleteGroupModalProps) => {
  const { t } = useLingui();
  const groupName = group.name;
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
      notifications.show({ color: 'green', message: t`Deleted ${groupName}` });
    } catch (e) {
      setError(e instanceof Error ? e.message : t`The group could not be deleted.`);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t`Delete ${groupName}?`}
      centered
      closeButtonProps={{ 'aria-label': t`Close` }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) void confirm();
        }}
      >
        <Stack>
          <Text size="sm">{whatGoes(group.memberCount)}</Text>
          <RoleLossText>{rolesLoss}</RoleLossText>
          <Text size="sm" c="dimmed">
            {restoreNote(false)}
          </Text>
          <div>
            <Text size="sm" fw={600}>
              <Trans>Owners</Trans>
            </Text>
            {owners.length ? (
              <List size="sm">
                {owners.map((owner) => (
                  <List.Item key={owner.id}>{owner.name ?? owner.id}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                <Trans>No owners</Trans>
              </Text>
            )}
          </div>
          <TextInput
            label={t`Type the group's name (${groupName}) to confirm`}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {error && (
            <Alert color="red" title={t`The group was not deleted`} role="alert">
              {error}
            </Alert>
          )}
          <MantineGroup justify="flex-end">
            <Button variant="default" onClick={close} disabled={remove.isPending}>
              <Trans>Cancel</Trans>
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={remove.isPending}>
              <Trans>Delete group</Trans>
            </Button>
          </MantineGroup>
        </Stack>
      </form>
    </Modal>
  );
};
