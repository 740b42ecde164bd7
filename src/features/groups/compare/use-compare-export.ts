import { t } from '@lingui/core/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { withGroupNames } from '@/api/resolve-names';
import { downloadText } from '@/lib/download';
import type { SortOrder } from '../core/detail-url-state';
import { buildMemberCsvRows, memberCsvFileName, toMemberCsv } from '../core/members-csv';
import type { Person } from '../core/transfer';
import { pageOf, type CompareSet } from './compare-sets';
import { usersByIds } from './use-compare';

interface CompareExportOptions {
  /** The people in the set shown. */
  items: Person[];
  set: CompareSet;
  nameA: string;
  nameB: string;
  sortOrder: SortOrder;
  columns: UserExpand[];
}

/**
 * Downloads the set shown as CSV: every person, in the table's order, with the chosen columns.
 * `error` holds why the last export failed, until the next one.
 */
export const useCompareExport = ({ items, set, nameA, nameB, sortOrder, columns }: CompareExportOptions) => {
  const queryClient = useQueryClient();
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const exportSet = async () => {
    setExporting(true);
    setError(null);
    try {
      const ordered = pageOf(items, 1, items.length, sortOrder).map((p) => p.id);
      const fetched = await usersByIds(ordered, columns);
      const users = columns.includes('groups') ? await withGroupNames(queryClient, fetched) : fetched;
      // Part of the file's name: "only in Night Shift-members.csv".
      const label =
        set === 'onlyA'
          ? t({ message: `only in ${nameA}`, comment: 'part of a CSV file name: the people of a compared set' })
          : set === 'onlyB'
            ? t({ message: `only in ${nameB}`, comment: 'part of a CSV file name: the people of a compared set' })
            : t({
                message: `in ${nameA} and ${nameB}`,
                comment: 'part of a CSV file name: the people of a compared set',
              });
      downloadText(toMemberCsv(buildMemberCsvRows(users, columns)), memberCsvFileName(label));
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };

  return { exporting, error, exportSet };
};

export type CompareExport = ReturnType<typeof useCompareExport>;
