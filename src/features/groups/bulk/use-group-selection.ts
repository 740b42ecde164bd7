import { useCallback, useMemo, useState } from 'react';
import type { Group } from '@/api/generated/model/group';
import type { GroupSelection } from '../list/components/group-table';
import type { GroupListState } from '../list/list-url-state';

/** The search and filters of a view, without its page: a selection belongs to one of these. */
const viewKeyOf = (state: GroupListState) => JSON.stringify({ ...state, page: undefined, q64: undefined });

/**
 * Groups selected in the list, kept across pages of one view and dropped when the search or filters
 * change; or "all matching" the view.
 */
export const useGroupSelection = (state: GroupListState) => {
  const key = viewKeyOf(state);
  const [stored, setStored] = useState<{ key: string; groups: Map<string, Group>; all: boolean }>({
    key,
    groups: new Map(),
    all: false,
  });
  const current = useMemo(
    () => (stored.key === key ? stored : { key, groups: new Map<string, Group>(), all: false }),
    [stored, key],
  );
  const update = useCallback(
    (change: (groups: Map<string, Group>) => void, all = false) =>
      setStored((prev) => {
        const groups = new Map(prev.key === key ? prev.groups : []);
        change(groups);
        return { key, groups, all };
      }),
    [key],
  );
  const selection: GroupSelection = useMemo(
    () => ({
      isSelected: (id) => current.all || current.groups.has(id),
      onToggle: (group) =>
        update((groups) => {
          if (!group.id) return;
          if (groups.has(group.id)) groups.delete(group.id);
          else groups.set(group.id, group);
        }),
      onTogglePage: (page, select) =>
        update((groups) => {
          for (const g of page) {
            if (!g.id) continue;
            if (select) groups.set(g.id, g);
            else groups.delete(g.id);
          }
        }),
    }),
    [current, update],
  );
  return {
    selection,
    groups: [...current.groups.values()],
    allMatching: current.all,
    selectAllMatching: () => update(() => undefined, true),
    clear: () => setStored({ key, groups: new Map(), all: false }),
  };
};
