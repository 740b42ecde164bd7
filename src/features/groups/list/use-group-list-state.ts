import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '@/lib/permissions';
import { parseListState, toSearchParams, type GroupListState } from './list-url-state';

/**
 * The group list's view state, read from and written to the URL. Every change is a new history
 * entry, so Back returns to the previous view. The state knows the signed-in user's id, for "My groups".
 */
export const useGroupListState = (): [GroupListState, (next: GroupListState) => void] => {
  const [searchParams, setSearchParams] = useSearchParams();
  const myId = useMe()?.id;
  const state = useMemo(() => parseListState(searchParams, myId), [searchParams, myId]);
  const setState = useCallback((next: GroupListState) => setSearchParams(toSearchParams(next)), [setSearchParams]);
  return [state, setState];
};
