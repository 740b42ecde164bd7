import { Button, Stack } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { IconUserMinus } from '@tabler/icons-react';
import type { Group } from '@/api/generated/model/group';
import { confirmAction } from '@/components/feedback/confirm';
import { useIsPhone } from '@/lib/use-is-phone';
import { BatchProgressView } from '../core/batch-progress';
import { useMembershipChange } from '../core/group-mutations';

export interface RemoveMembersButtonProps {
  group: Group;
  selectedIds: readonly string[];
  /** Called after the change finished (e.g. to clear the selection). */
  onDone: (removedIds: string[]) => void;
}

/** Removes the selected members after a confirmation naming how many. */
export const RemoveMembersButton = ({ group, selectedIds, onDone }: RemoveMembersButtonProps) => {
  const change = useMembershipChange(group);
  const isPhone = useIsPhone();
  const count = selectedIds.length;
  // On a phone the disabled button would only push the members down: it appears with the first selection.
  const hidden = isPhone && count === 0 && !change.isPending;
  const label = `${count} ${count === 1 ? 'member' : 'members'}`;

  const remove = async () => {
    const ok = await confirmAction({
      title: `Remove ${label}?`,
      message: `${label} will be removed from ${group.name ?? 'the group'}. People who are members through rules or as owners stay members.`,
      confirmLabel: `Remove ${label}`,
      danger: true,
    });
    if (!ok) return;
    const result = await change.mutateAsync({ operation: 'remove', ids: [...selectedIds] });
    onDone(result.doneIds);
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
          Remove selected{count ? ` (${count})` : ''}
        </Button>
      )}
      <Modal
        opened={change.isPending || !!change.data?.error}
        onClose={() => change.reset()}
        title="Removing members"
        withCloseButton={!change.isPending}
      >
        <Stack>
          <BatchProgressView progress={change.isPending ? change.progress : null} result={change.data} verb="removed" />
        </Stack>
      </Modal>
    </>
  );
};
