import { Trans } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useCan } from '@/lib/permissions';
import type { GroupListState } from '../list/list-url-state';
import { permissionOf } from '@/lib/permission-names';

const ExportGroupsDialog = lazy(() => import('../import-export/export-groups-dialog'));
const ImportGroupsDialog = lazy(() => import('../import-export/import-groups-dialog'));

/** "Export view" (every page of the current list view) and "Import" (with the create permission). */
export const ListTools = ({ view, total }: { view: GroupListState; total: number }) => {
  const canCreate = useCan(permissionOf('createGroup'));
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  return (
    <>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => setOpen('export')}>
        <Trans comment="button: export every group of the list view to CSV">Export view</Trans>
      </Button>
      {canCreate ? (
        <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setOpen('import')}>
          <Trans comment="button: import groups from CSV">Import</Trans>
        </Button>
      ) : null}
      <Suspense fallback={null}>
        {open === 'export' ? (
          <ExportGroupsDialog target={{ groups: [], allMatching: true, total, view }} onClose={() => setOpen(null)} />
        ) : null}
        {open === 'import' ? <ImportGroupsDialog onClose={() => setOpen(null)} /> : null}
      </Suspense>
    </>
  );
};
