import { useCallback, useState } from 'react';

/** A set of selected ids with stable toggles (one id, or a page of ids at once), as member tables take them. */
export const useIdSelection = () => {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const onToggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const onToggleAll = useCallback(
    (ids: string[], select: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (select) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  /** Drops `ids` from the selection (those a removal took out of the group). */
  const deselect = useCallback(
    (ids: readonly string[]) => setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id)))),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, onToggle, onToggleAll, deselect, clear };
};
