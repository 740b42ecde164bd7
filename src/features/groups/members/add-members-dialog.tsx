import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { useState } from 'react';
import type { Group as GroupModel } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import { UserPicker } from '@/components/user-picker/user-picker';
import { BatchProgressView } from '../core/batch-progress';
import { usersToAdd, type PasteCheck } from './paste-list';
import { PasteListPanel, PasteReport } from './paste-list-panel';
import { useMembershipChange } from '../core/group-mutations';
import { confirmMultiChange } from '../core/multi-change-confirm';

type Mode = 'search' | 'paste';

/**
 * "Add members": pick people, or paste a list and check it, then add in batches of 50. Mounted open by
 * its button (add-members-button.tsx), which loads it on first use; `onClose` unmounts it.
 */
const AddMembersDialog = ({ group, onClose }: { group: GroupModel; onClose: () => void }) => {
  const { t } = useLingui();
  const [mode, setMode] = useState<Mode>('search');
  const [picked, setPicked] = useState<User[]>([]);
  const [pasteCheck, setPasteCheck] = useState<PasteCheck | null>(null);
  const change = useMembershipChange(group);
  const groupId = group.id ?? '';
  const groupName = group.name;

  const toAdd = mode === 'search' ? picked : usersToAdd(pasteCheck?.resolutions ?? []);
  const running = change.isPending;
  const finished = change.isSuccess;

  const close = () => {
    if (running) return;
    onClose();
  };

  const submit = async () => {
    const ids = toAdd.map((u) => u.id).filter((id): id is string => !!id);
    if (!ids.length) return;
    const confirmed = await confirmMultiChange({
      verb: 'add',
      count: ids.length,
      unit: 'person',
      target: { preposition: 'to', name: group.name ?? t({ message: 'the group', comment: 'a group without a name' }) },
      names: toAdd.map((u) => u.name ?? ''),
    });
    if (confirmed) change.mutate({ operation: 'add', ids });
  };

  return (
    <Modal
      opened
      onClose={close}
      title={groupName === undefined ? t`Add members to the group` : t`Add members to ${groupName}`}
      size="lg"
      closeButtonProps={{ 'aria-label': t`Dismiss` }}
    >
      <Stack>
        {!finished ? (
          <>
            <SegmentedControl
              aria-label={t`How to add people`}
              value={mode}
              onChange={(v) => setMode(v as Mode)}
              disabled={running}
              data={[
                { value: 'search', label: t`Search people` },
                { value: 'paste', label: t`Paste a list` },
              ]}
            />
            {mode === 'search' ? (
              <UserPicker
                label={t`People to add`}
                description={t`Search by name, email or title. People already in the group are marked.`}
                value={picked}
                onChange={setPicked}
                memberOf={groupId}
                disabled={running}
                withinPortal={false}
              />
            ) : (
              <PasteListPanel groupId={groupId} check={pasteCheck} onChecked={setPasteCheck} />
            )}
          </>
        ) : null}
        <BatchProgressView progress={running ? change.progress : null} result={change.data} verb="added" />
        {finished && mode === 'paste' && pasteCheck ? <PasteReport check={pasteCheck} result={change.data} /> : null}
        {change.error ? (
          <Text c="red" size="sm" role="alert">
            {change.error.message}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={running}>
            {finished ? t`Close` : t`Cancel`}
          </Button>
          {!finished ? (
            <Button onClick={() => void submit()} loading={running} disabled={toAdd.length === 0}>
              {toAdd.length
                ? plural(toAdd.length, { one: 'Add # person', other: 'Add # people' })
                : t({ message: 'Add', comment: 'button: add the people chosen to the group' })}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
};

export default AddMembersDialog;
