import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { Group } from '@/api/generated/model/group';

// The dialog (its people search, paste panel and batches) loads on first use, not with the members tab.
const AddMembersDialog = lazy(() => import('./add-members-dialog'));

/** "Add members": opens the dialog that adds people to the group. */
export const AddMembersButton = ({ group }: { group: Group }) => {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        <Trans>Add members</Trans>
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <AddMembersDialog group={group} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
};
