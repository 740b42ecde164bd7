import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowsDiff, IconDownload, IconTrash } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useCan } from '@/lib/permissions';
import type { BulkTarget } from '../list/bulk-target';
import { permissionOf } from '@/lib/permission-names';

const BulkDeleteDialog = lazy(() => import('./bulk-delete-dialog'));
const ExportGroupsDialog = lazy(() => import('../import-export/export-groups-dialog'));

export interface BulkBarProps extends BulkTarget {
  /** Every group on the shown page is selected, and more match than the page holds. */
  offerAllMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}

/** Bulk actions on the selected groups: export, compare two, delete (with the delete permission). */
export const BulkBar = ({ offerAllMatching, onSelectAllMatching, onClear, ...target }: BulkBarProps) => {
  const { t } = useLingui();
  const navigate = useNavigate();
  const canDelete = useCan(permissionOf('deleteGroup'));
  const [open, setOpen] = useState<'delete' | 'export' | null>(null);
  const count = target.allMatching ? target.total : target.groups.length;
  const total = target.total;
  const pair = !target.allMatching && target.groups.length === 2 ? target.groups : null;
  return (
    <Paper withBorder p="xs" radius="md" role="region" aria-label={t`Selected groups`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={500} aria-live="polite">
            {target.allMatching ? (
              <Plural
                value={count}
                one="All # group matching this view selected"
                other="All # groups matching this view selected"
              />
            ) : (
              <Trans comment="how many groups are selected in the list">{count} selected</Trans>
            )}
          </Text>
          {offerAllMatching && !target.allMatching ? (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              <Trans>Select all {total} matching this view</Trans>
            </Anchor>
          ) : null}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            <Trans>Clear selection</Trans>
          </Anchor>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => setOpen('export')}
          >
            <Trans comment="button: export the selected groups to CSV">Export</Trans>
          </Button>
          {pair ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsDiff size={14} aria-hidden />}
              onClick={() => void navigate(paths.groups.compare.getHref(pair[0]?.id, pair[1]?.id))}
            >
              <Trans>Compare the two</Trans>
            </Button>
          ) : null}
          {canDelete ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => setOpen('delete')}
            >
              <Trans comment="button: delete the selected groups">Delete…</Trans>
            </Button>
          ) : null}
        </Group>
      </Group>
      <Suspense fallback={null}>
        {open === 'delete' ? (
          <BulkDeleteDialog
            target={target}
            onClose={(deleted) => {
              setOpen(null);
              if (deleted) onClear();
            }}
          />
        ) : null}
        {open === 'export' ? <ExportGroupsDialog target={target} onClose={() => setOpen(null)} /> : null}
      </Suspense>
    </Paper>
  );
};
