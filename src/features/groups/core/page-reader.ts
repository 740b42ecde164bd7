/** One page of any paged listing or search, as the page reader needs it. */
export interface ReadPage<T> {
  items: readonly T[];
  /** The page count the server reports (the reader stops there, or at an empty page). */
  pageCount: number;
  /** The item count the server reports (may move while paging). */
  total: number;
}

export interface PageProgress {
  loaded: number;
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Reads every page, page 1 first, until the last page or an empty one; an item seen twice (the list
 * moved under the paging) is kept once, in the order first read. Cancelling throws the AbortError.
 * The members export, copy/move and compare (every member) and the bulk actions (every group of a
 * view) read through it; `fetchPage` adds the rate-limit wait.
 */
export const readEveryPage = async <T extends { id?: string }>(
  fetchPage: (pageNumber: number, signal: AbortSignal) => Promise<ReadPage<T>>,
  signal: AbortSignal,
  onProgress?: (progress: PageProgress) => void,
): Promise<T[]> => {
  const byId = new Map<string, T>();
  for (let page = 1; ; page += 1) {
    signal.throwIfAborted();
    const { items, pageCount, total } = await fetchPage(page, signal);
    for (const item of items) if (item.id && !byId.has(item.id)) byId.set(item.id, item);
    onProgress?.({ loaded: byId.size, total, page, pageCount });
    if (page >= pageCount || items.length === 0) break;
  }
  return [...byId.values()];
};
