import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

import type { CopyMoveButtonProps } from './copy-move-props';

const CopyMoveDialog = lazy(() => import('./copy-move-dialog'));

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
        <Trans>Copy or move…</Trans>
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <CopyMoveDialog {...props} onClose={() => setOpened(false)} />
        </Suspense>
      ) : null}
    </>
  );
};
