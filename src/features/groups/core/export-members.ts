import type { User } from '@/api/generated/model/user';
import type { UserEntityListing } from '@/api/generated/model/userEntityListing';

export const EXPORT_PAGE_SIZE = 500;

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
export const fetchAllMembers = async (
  fetchPage: FetchMembersPage,
  signal: AbortSignal,
  onProgress?: (progress: ExportProgress) => void,
): Promise<User[]> => {
  const byId = new Map<string, User>();
  for (let page = 1; ; page += 1) {
    signal.throwIfAborted();
    const listing = await fetchPage(page, signal);
    const entities = listing.entities ?? [];
    for (const user of entities) if (user.id && !byId.has(user.id)) byId.set(user.id, user);
    const pageCount = listing.pageCount ?? page;
    onProgress?.({ loaded: byId.size, total: listing.total ?? byId.size, page, pageCount });
    if (page >= pageCount || entities.length === 0) break;
  }
  return [...byId.values()];
};
