import { Button } from '@mantine/core';
import { Trans } from '@lingui/react/macro';
import { IconTrashX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import { HISTORY_PERMISSION } from './history-permission';

/** The groups list's way to Recently deleted: only for those who may restore (create) and read the history. */
export const RecentlyDeletedLink = () => {
  const canCreate = useCan(paths.groups.deleted.permission);
  const canReadHistory = useCan(HISTORY_PERMISSION);
  if (!canCreate || !canReadHistory) return null;
  return (
    <Button
      component={Link}
      to={paths.groups.deleted.getHref()}
      variant="default"
      leftSection={<IconTrashX size={16} aria-hidden />}
    >
      <Trans>Recently deleted</Trans>
    </Button>
  );
};
