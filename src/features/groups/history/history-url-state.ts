import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { HISTORY_ACTIONS, isHistoryAction, type HistoryAction } from './audit-format';

/** The History tab's filters, in the URL beside the group page's own state (`hAction`, `hBy`). */
export interface HistoryFilters {
  actions: HistoryAction[];
  /** Changes made by this user id. */
  by: string | null;
}

export const parseHistoryFilters = (params: URLSearchParams): HistoryFilters => {
  const raw = (params.get('hAction') ?? '').split(',').filter(isHistoryAction);
  return {
    actions: HISTORY_ACTIONS.filter((a) => raw.includes(a)),
    by: params.get('hBy') || null,
  };
};

export const applyHistoryFilters = (params: URLSearchParams, change: Partial<HistoryFilters>): URLSearchParams => {
  const next = new URLSearchParams(params);
  if ('actions' in change) {
    const actions = HISTORY_ACTIONS.filter((a) => change.actions?.includes(a));
    if (actions.length) next.set('hAction', actions.join(','));
    else next.delete('hAction');
  }
  if ('by' in change) {
    if (change.by) next.set('hBy', change.by);
    else next.delete('hBy');
  }
  return next;
};

export const useHistoryFilters = () => {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseHistoryFilters(params), [params]);
  const update = useCallback(
    (change: Partial<HistoryFilters>) =>
      setParams((current) => applyHistoryFilters(current, change), { replace: true }),
    [setParams],
  );
  return [filters, update] as const;
};
