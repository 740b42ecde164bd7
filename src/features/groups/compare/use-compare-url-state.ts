import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyDetailChange, parseDetailSearch, type DetailUrlState } from '../core/detail-url-state';
import { COMPARE_SETS, type CompareSet } from './compare-sets';

/** A change to the compare page's URL: the two groups, the set shown, and the members table's view state. */
export type CompareUrlChange = Partial<DetailUrlState> & { a?: string; b?: string; set?: CompareSet };

/**
 * The compare page's state, all in the URL: group ids `a` and `b`, the `set` shown (left out for
 * "only in A") and the members table's view state; `update` writes a change as a new history entry.
 */
export const useCompareUrlState = () => {
  const [params, setParams] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const setName = params.get('set');
  const set: CompareSet = COMPARE_SETS.includes(setName as CompareSet) ? (setName as CompareSet) : 'onlyA';
  const state = useMemo(() => parseDetailSearch(params), [params]);
  const update = useCallback(
    (change: CompareUrlChange) =>
      setParams(
        (prev) => {
          const next = applyDetailChange(prev, change);
          for (const key of ['a', 'b', 'set'] as const) {
            if (key in change) {
              const value = change[key];
              if (value && !(key === 'set' && value === 'onlyA')) next.set(key, value);
              else next.delete(key);
            }
          }
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return { a, b, set, state, update };
};
