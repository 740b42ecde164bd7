import type { User } from '@/api/generated/model/user';
import type { UserEntityListing } from '@/api/generated/model/userEntityListing';
import { readEveryPage } from './page-reader';
import { PAGE_SIZE_MAXIMA } from '@/api/generated/contract';

/** The largest members page the contract allows. */
export const EXPORT_PAGE_SIZE: number = PAGE_SIZE_MAXIMA.listGroupMembers;

export interface ExportProgress {
  loaded: number;
  /** The member count the server reports (may move while paging). */
  total: number;
  page: number;
  pageCount: number;
}

export type FetchMembersPage = (pageNumber: number, signal: AbortSignal) => Promise<UserEntityListing>;

/**
 * Reads every member, 500 a page, until the last page; duplicates (a member moving between pages
 * while the export runs) are dropped. Throws the AbortError when cancelled.
 */
export const fetchAllMembers = (
  fetchPage: FetchMembersPage,
  signal: AbortSignal,
  onProgress?: (progress: ExportProgress) => void,
): Promise<User[]> =>
  readEveryPage(
    async (page, pageSignal) => {
      const listing = await fetchPage(page, pageSignal);
      const items = listing.entities ?? [];
      return { items, pageCount: listing.pageCount ?? page, total: listing.total ?? -1 };
    },
    signal,
    onProgress &&
      ((progress) => onProgress({ ...progress, total: progress.total < 0 ? progress.loaded : progress.total })),
  );
