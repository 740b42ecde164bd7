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
  const navigate = useNavigate();
  const canDelete = useCan(permissionOf('deleteGroup'));
  const [open, setOpen] = useState<'delete' | 'export' | null>(null);
  const count = target.allMatching ? target.total : target.groups.length;
  const pair = !target.allMatching && target.groups.length === 2 ? target.groups : null;
  return (
    <Paper withBorder p="xs" radius="md" role="region" aria-label="Selected groups">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={500} aria-live="polite">
            {target.allMatching ? `All ${count} groups matching this view selected` : `${count} selected`}
          </Text>
          {offerAllMatching && !target.allMatching ? (
            <Anchor component="button" type="button" size="sm" onClick={onSelectAllMatching}>
              Select all {target.total} matching this view
            </Anchor>
          ) : null}
          <Anchor component="button" type="button" size="sm" onClick={onClear}>
            Clear selection
          </Anchor>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => setOpen('export')}
          >
            Export
          </Button>
          {pair ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsDiff size={14} aria-hidden />}
              onClick={() => void navigate(paths.groups.compare.getHref(pair[0]?.id, pair[1]?.id))}
            >
              Compare the two
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
              Delete…
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
