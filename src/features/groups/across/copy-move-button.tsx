import { Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { Group } from '@/api/generated/model/group';
import type { StatusFilter } from '../members/status-counts';

const CopyMoveDialog = lazy(() => import('./copy-move-dialog'));

export interface CopyMoveButtonProps {
  group: Group;
  selectedIds: string[];
  status: StatusFilter | null;
}

/** "Copy or move…": members of this group to another group (the dialog loads on first use). */
export const CopyMoveButton = (props: CopyMoveButtonProps) => {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowsExchange size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        Copy or move…
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <CopyMoveDialog {...props} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
};
