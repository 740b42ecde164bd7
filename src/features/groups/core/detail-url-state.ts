import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UserExpand } from '@/api/generated/model/userExpand';
import { normaliseExpand } from './member-fields';
import { formatStatusFilter, parseStatusFilter, type StatusFilter } from './status-counts';
import { parseReason, type MembershipReason } from './membership-reason';

/** Every view state of the group page lives in the URL, so reload, back and shared links restore it. */
export const DETAIL_TABS = ['members', 'individuals', 'owners', 'profile', 'rules', 'roles', 'history'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export type SortOrder = 'ASC' | 'DESC';

export interface DetailUrlState {
  tab: DetailTab;
  page: number;
  pageSize: number;
  sortOrder: SortOrder;
  columns: UserExpand[];
  status: StatusFilter | null;
  /** Members with this reason only (`why=`). */
  reason: MembershipReason | null;
  /** Find members by name or email (`q=`). */
  q: string;
  /** The user whose groups drawer is open. */
  user: string | null;
}

const DEFAULT_COLUMNS: UserExpand[] = ['presence', 'routingStatus'];

export const parseDetailSearch = (params: URLSearchParams): DetailUrlState => {
  const tab = params.get('tab');
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const cols = params.get('cols');
  return {
    tab: DETAIL_TABS.includes(tab as DetailTab) ? (tab as DetailTab) : 'members',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 25,
    sortOrder: params.get('sort') === 'DESC' ? 'DESC' : 'ASC',
    columns: cols === null ? DEFAULT_COLUMNS : normaliseExpand(cols.split(',')),
    status: parseStatusFilter(params.get('status')),
    reason: parseReason(params.get('why')),
    q: params.get('q') ?? '',
    user: params.get('user') || null,
  };
};

/** The members tab's page request (`GET …/members`) for a view state: its query params. */
export const membersPageParams = (state: Pick<DetailUrlState, 'page' | 'pageSize' | 'sortOrder' | 'columns'>) => ({
  pageNumber: state.page,
  pageSize: state.pageSize,
  sortOrder: state.sortOrder,
  ...(state.columns.length ? { expand: [...state.columns] } : {}),
});

/** Whether the members tab shows the members pages (no status, reason or search narrows it to a list). */
export const showsMembersPages = (state: DetailUrlState) =>
  state.tab === 'members' && !state.status && !state.reason && !state.q.trim();

/** Writes a partial change; values equal to the defaults leave the URL. */
export const applyDetailChange = (params: URLSearchParams, change: Partial<DetailUrlState>): URLSearchParams => {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
  if ('tab' in change) set('tab', change.tab === 'members' || !change.tab ? null : change.tab);
  if ('page' in change) set('page', change.page && change.page > 1 ? String(change.page) : null);
  if ('pageSize' in change) set('size', change.pageSize && change.pageSize !== 25 ? String(change.pageSize) : null);
  if ('sortOrder' in change) set('sort', change.sortOrder === 'DESC' ? 'DESC' : null);
  if ('columns' in change) {
    const cols = change.columns ?? DEFAULT_COLUMNS;
    const isDefault = cols.length === DEFAULT_COLUMNS.length && cols.every((c, i) => c === DEFAULT_COLUMNS[i]);
    set('cols', isDefault ? null : cols.join(','));
  }
  if ('status' in change) set('status', change.status ? formatStatusFilter(change.status) : null);
  if ('reason' in change) set('why', change.reason ?? null);
  if ('q' in change) set('q', change.q || null);
  if ('user' in change) set('user', change.user ?? null);
  return next;
};

export const useDetailUrlState = () => {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseDetailSearch(params), [params]);
  const update = useCallback(
    (change: Partial<DetailUrlState>, options?: { replace?: boolean }) =>
      setParams((current) => applyDetailChange(current, change), { replace: options?.replace ?? false }),
    [setParams],
  );
  return [state, update] as const;
};
