import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Stack, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { IconUserMinus } from '@tabler/icons-react';
import type { Group } from '@/api/generated/model/group';
import { notifications } from '@mantine/notifications';
import { useIsPhone } from '@/lib/use-is-phone';
import { BatchProgressView } from '../core/batch-progress';
import { roleLossSentence, useRolesLostByLeaving } from '../core/group-grants';
import { useMembershipChange } from '../core/group-mutations';
import { confirmMultiChange } from '../core/multi-change-confirm';
import { RoleLossText } from '../core/role-loss-text';

export interface RemoveMembersButtonProps {
  group: Group;
  selectedIds: readonly string[];
  /** The name of a selected member, where the page knows it. */
  nameOf?: (id: string) => string | undefined;
  /** Called after the change finished (e.g. to clear the selection). */
  onDone: (removedIds: string[]) => void;
}

/** Removes the selected members after a confirmation naming them and the group. */
export const RemoveMembersButton = ({ group, selectedIds, nameOf, onDone }: RemoveMembersButtonProps) => {
  const { t } = useLingui();
  const change = useMembershipChange(group);
  // What the group grants, read once (nothing without the permission to view grants).
  const rolesLost = useRolesLostByLeaving(group);
  const isPhone = useIsPhone();
  const count = selectedIds.length;
  // On a phone the disabled button would only push the members down: it appears with the first selection.
  const hidden = isPhone && count === 0 && !change.isPending;
  const groupName = group.name ?? t({ message: 'the group', comment: 'a group without a name' });

  const remove = async () => {
    const ids = [...selectedIds];
    const rolesLoss = roleLossSentence(ids.length, rolesLost);
    const ok = await confirmMultiChange({
      verb: 'remove',
      count: ids.length,
      unit: 'member',
      target: { preposition: 'from', name: groupName },
      names: ids.map((id) => nameOf?.(id) ?? ''),
      details: (
        <Stack gap="xs">
          <RoleLossText>{rolesLoss}</RoleLossText>
          <Text size="sm">
            <Trans>People who are members through rules or as owners stay members.</Trans>
          </Text>
        </Stack>
      ),
      danger: true,
      evenForOne: true,
    });
    if (!ok) return;
    const result = await change.mutateAsync({ operation: 'remove', ids });
    onDone(result.doneIds);
    if (!result.error && result.doneIds.length) {
      notifications.show({
        color: 'green',
        message: plural(result.doneIds.length, {
          one: `Removed # member from ${groupName}`,
          other: `Removed # members from ${groupName}`,
        }),
      });
    }
  };

  return (
    <>
      {hidden ? null : (
        <Button
          color="red"
          variant="light"
          leftSection={<IconUserMinus size={16} aria-hidden />}
          disabled={count === 0}
          loading={change.isPending}
          onClick={() => void remove()}
        >
          {count ? t`Remove selected (${count})` : t`Remove selected`}
        </Button>
      )}
      <Modal
        opened={change.isPending || !!change.data?.error}
        onClose={() => change.reset()}
        title={t`Removing members`}
        withCloseButton={!change.isPending}
      >
        <Stack>
          <BatchProgressView progress={change.isPending ? change.progress : null} result={change.data} verb="removed" />
        </Stack>
      </Modal>
    </>
  );
};
