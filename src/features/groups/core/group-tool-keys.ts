/**
 * Keys of the feature's composed queries: those that read several API calls into one answer (a
 * comparison, every group of a view, the groups a person may edit). Plain API reads use the generated
 * get…QueryKey() builders (src/api/keys/); these are the only keys the feature writes itself, and
 * INVALIDATES (group-mutations.ts) refreshes them. ESLint forbids a hand-written key anywhere else.
 */
export const groupToolKeys = {
  compareAll: () => ['compare'] as const,
  compare: (a: string, b: string) => ['compare', a, b] as const,
  compareDetails: (ids: readonly string[], columns: readonly string[]) => ['compare-details', ids, columns] as const,
  /** The groups of a bulk action: a list view's state, or the ids selected. */
  bulkGroups: (selection: unknown) => ['bulk-groups', selection] as const,
  editableGroups: (who: string, text: string) => ['editable-groups', who, text] as const,
  ownedGroups: (userId: string) => ['owned-groups', userId] as const,
};
