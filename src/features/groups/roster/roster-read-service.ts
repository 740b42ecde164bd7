import { apiRequest, configureHttp } from '@/api/http';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { User } from '@/api/generated/model/user';
import type { UserEntityListing } from '@/api/generated/model/userEntityListing';
import { matchesDynamicQuery } from '../core/membership-reason';
import { readAllPages, rosterCounts, toRosterEntry, type RosterEntry } from './roster-model';
import {
  ENTRIES_PER_MESSAGE,
  toWireError,
  type FromRosterWorker,
  type ToRosterWorker,
  type WholeGroupRead,
} from './roster-worker-protocol';
import { compareNames } from '@/lib/locale';

/** The shortest time between two progress messages while a reading goes on. */
export const PROGRESS_EVERY_MS = 250;

/** A member as the reading for membership reasons keeps them: whether the group's rules take them in. */
export interface RuleEntry {
  id: string;
  rule: boolean;
}

/**
 * Of each member of a group with these rules (null: none readable), whether the rules take them in.
 * Rules select active users only (an inactive individual with the skills is not in by rule).
 */
export const toRuleEntry =
  (query: DynamicGroupQuery | null) =>
  (user: User): RuleEntry => ({
    id: user.id ?? '',
    rule: !!query && (user.state ?? 'active') === 'active' && matchesDynamicQuery(query, user),
  });

/** The ids of these users in name order (case and accents aside), as the reasons filter lists them. */
export const idsByName = (users: readonly User[]): string[] =>
  [...users].sort((a, b) => compareNames(a.name ?? '', b.name ?? '')).flatMap((u) => (u.id ? [u.id] : []));

/** The members endpoint's expands a reading needs (skills and languages to apply rules). */
export const expandFor = (read: WholeGroupRead): string[] =>
  read.kind === 'roster'
    ? ['presence', 'routingStatus']
    : read.kind === 'rules' && read.query
      ? ['skills', 'languages']
      : [];

/**
 * What the roster's Web Worker does, as a plain function (roster.worker.ts only wires it to the worker's
 * messages): on `read`, it reads every page of the group's members (with presence and routing status
 * for the roster, with skills and languages for the rules) through the console's HTTP layer (the same 429 wait and the same sign-in-again on a 401, which it asks
 * of the page), keeps each member's roster or rule entry, and posts the entries in slices, then `done`; or
 * `error`. One worker serves one reading: cancelling it is ending the worker.
 */
export function createRosterReadService(post: (message: FromRosterWorker) => void): (message: ToRosterWorker) => void {
  let token: string | null = null;
  let answerToken: ((token: string | null) => void) | undefined;

  configureHttp({
    getToken: () => token,
    onUnauthorized: () =>
      new Promise<boolean>((resolve) => {
        answerToken = (next) => {
          answerToken = undefined;
          token = next;
          resolve(next !== null);
        };
        post({ type: 'unauthorized' });
      }),
  });

  const read = async (request: Extract<ToRosterWorker, { type: 'read' }>) => {
    token = request.token;
    configureHttp({ baseUrl: () => request.baseUrl });
    try {
      if (request.read.kind === 'individuals') {
        const listing = await apiRequest<UserEntityListing>({
          url: `/api/v2/groups/${request.groupId}/individuals`,
          method: 'GET',
        });
        const ids = idsByName(listing.entities ?? []);
        for (let i = 0; i < ids.length; i += ENTRIES_PER_MESSAGE)
          post({ type: 'entries', entries: ids.slice(i, i + ENTRIES_PER_MESSAGE).map((id) => ({ id })) });
        post({ type: 'done', requests: 1, total: ids.length });
        return;
      }
      const expand = expandFor(request.read);
      const fetchPage = (pageNumber: number) =>
        apiRequest<UserEntityListing>({
          url: `/api/v2/groups/${request.groupId}/members`,
          method: 'GET',
          params: { pageSize: request.pageSize, pageNumber, sortOrder: 'ASC', ...(expand.length ? { expand } : {}) },
        });
      // Progress at most every PROGRESS_EVERY_MS, and the last page: each message re-renders the tab.
      let lastProgress = -Infinity;
      const onProgress = (pagesRead: number, of: number) => {
        const now = Date.now();
        if (pagesRead < of && now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        post({ type: 'progress', read: pagesRead, of });
      };
      const reading = await readAllPages<User, { id: string }>(
        fetchPage,
        request.read.kind === 'roster' ? toRosterEntry : toRuleEntry(request.read.query),
        request.concurrency,
        onProgress,
      );
      for (let i = 0; i < reading.entries.length; i += ENTRIES_PER_MESSAGE)
        post({ type: 'entries', entries: reading.entries.slice(i, i + ENTRIES_PER_MESSAGE) });
      post({
        type: 'done',
        requests: reading.requests,
        total: reading.total,
        ...(request.read.kind === 'roster' ? { counts: rosterCounts(reading.entries as RosterEntry[]) } : {}),
      });
    } catch (error) {
      post({ type: 'error', error: toWireError(error) });
    }
  };

  return (message) => {
    if (message.type === 'read') void read(message);
    else answerToken?.(message.token);
  };
}
