import '@/styles/page-styles';
import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { Drawer } from '@/components/dialogs/dialogs';
import { GroupListFilters, type GroupListFiltersProps } from './group-list-filters';

/** The phone's filters: the same inputs, one a line, in a sheet from the bottom of the screen. */
export const GroupListFiltersDrawer = ({
  opened,
  onClose,
  ...filters
}: GroupListFiltersProps & { opened: boolean; onClose: () => void }) => (
  <Drawer opened={opened} onClose={onClose} position="bottom" size="auto" title={t`Filters and sort`}>
    <GroupListFilters {...filters} stacked />
    <Button fullWidth mt="lg" size="md" onClick={onClose}>
      <Trans>Show groups</Trans>
    </Button>
  </Drawer>
);
