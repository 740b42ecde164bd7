import type { MessageDescriptor } from '@lingui/core';
import { msg, plural, t } from '@lingui/core/macro';
import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import { chunk } from '@/lib/chunk';
import type { BatchRunResult } from '../core/batch-membership';

/**
 * "Paste a list": emails or names as mail clients and spreadsheets give them, resolved to users BEFORE anything is sent.
 * Emails match `email` or `username` exactly, names match `name` exactly (ignoring case). Lines are
 * resolved with a few batched searches (TERMS criteria, up to 50 values each), which also bring
 * inactive users (the search names the `state` field) and each user's groups (to spot members).
 */

export type PasteLineKind = 'email' | 'name';

export interface PasteLine {
  /** The email or name looked up. */
  text: string;
  kind: PasteLineKind;
  /** The person as pasted (display name and brackets, the spreadsheet row); `text` when absent. */
  source?: string;
}

/** A pasted line already on the list, merged into the earlier one. */
export interface PasteDuplicate {
  source: string;
  text: string;
  firstSource: string;
}

export type PasteStatus = 'matched' | 'ambiguous' | 'notFound' | 'alreadyMember' | 'inactive';
/** What one found user is to the group. */
export type CandidateStatus = Extract<PasteStatus, 'matched' | 'alreadyMember' | 'inactive'>;

export interface PasteResolution {
  line: PasteLine;
  status: PasteStatus;
  /** The user found (matched, alreadyMember, inactive). */
  user?: User;
  /** Every user the line could mean (ambiguous). */
  candidates: User[];
  /** Per candidate id of an ambiguous line: whether choosing them adds them (matched) or not. */
  candidateStatuses?: Record<string, CandidateStatus>;
  /** The candidate chosen for an ambiguous line (none: the line is skipped). */
  choiceId?: string;
}

/** A checked list: each distinct person as resolved, the repeats merged, and what was past the limit. */
export interface PasteCheck {
  resolutions: PasteResolution[];
  duplicates: PasteDuplicate[];
  overLimit: number;
}

/** How each status of a checked line is named (translated where shown: `i18n._(label)`). */
export const PASTE_STATUS_LABELS: Record<PasteStatus, MessageDescriptor> = {
  matched: msg({ message: 'Matched', comment: 'status of a pasted line: one person found' }),
  ambiguous: msg({ message: 'Ambiguous', comment: 'status of a pasted line: several people have this name' }),
  notFound: msg({ message: 'Not found', comment: 'status of a pasted line: nobody has this email or name' }),
  alreadyMember: msg({ message: 'Already a member', comment: 'status of a pasted line' }),
  inactive: msg({ message: 'Inactive', comment: 'status of a pasted line: the person found is inactive' }),
};

const VALUES_PER_SEARCH = 50;
const PAGE_SIZE = 100;

const fold = (s: string) => s.trim().toLowerCase();

/**
 * The people in the pasted text (address lists, semicolon lists, CSV, spreadsheet cells, lines); the
 * parser loads on first use so the address grammar stays out of the page's first download.
 */
export const parsePasteList = async (text: string): Promise<PasteLine[]> =>
  (await import('./paste-parse')).parsePastedPeople(text);

/** The pasted text as people, with the repeats merged and the count past the limit. */
export const readPasteList = async (
  text: string,
): Promise<{ lines: PasteLine[]; duplicates: PasteDuplicate[]; overLimit: number }> => {
  const { entries, duplicates, overLimit } = (await import('./paste-parse')).readPastedPeople(text);
  return { lines: entries, duplicates, overLimit };
};

/** A line as it was pasted. */
export const pastedText = (line: PasteLine): string => line.source ?? line.text;

/** The search for one batch of values of one kind (active and inactive users, with their groups). */
export const buildPasteSearch = (
  kind: PasteLineKind,
  values: readonly string[],
  pageNumber = 1,
): UserSearchRequest => ({
  query: [
    {
      type: 'TERMS',
      fields: kind === 'email' ? ['email', 'username'] : ['name'],
      values: [...values],
      operator: 'AND',
    },
    { type: 'TERMS', fields: ['state'], values: ['active', 'inactive'], operator: 'AND' },
  ],
  expand: ['groups'],
  pageSize: PAGE_SIZE,
  pageNumber,
  sortBy: 'name',
  sortOrder: 'ASC',
});

export type SearchUsersFn = (request: UserSearchRequest) => Promise<UsersSearchResponse>;

/** Runs the batched searches and returns every user found (each once). */
export const findPastedUsers = async (lines: readonly PasteLine[], search: SearchUsersFn): Promise<User[]> => {
  const found = new Map<string, User>();
  for (const kind of ['email', 'name'] as const) {
    const values = lines.filter((l) => l.kind === kind).map((l) => l.text);
    for (const batch of chunk(values, VALUES_PER_SEARCH)) {
      for (let page = 1; ; page += 1) {
        const response = await search(buildPasteSearch(kind, batch, page));
        for (const user of response.results ?? []) if (user.id) found.set(user.id, user);
        if (page >= (response.pageCount ?? 1) || (response.results ?? []).length === 0) break;
      }
    }
  }
  return [...found.values()];
};

const isInGroup = (user: User, groupId: string, memberIds: ReadonlySet<string>) =>
  (!!user.id && memberIds.has(user.id)) || !!user.groups?.some((g) => g.id === groupId);

/** Classifies each line against the users found. */
export const classifyPasteLines = (
  lines: readonly PasteLine[],
  users: readonly User[],
  groupId: string,
  memberIds: ReadonlySet<string> = new Set(),
): PasteResolution[] =>
  lines.map((line): PasteResolution => {
    const wanted = fold(line.text);
    const candidates = users.filter((u) =>
      line.kind === 'email'
        ? fold(u.email ?? '') === wanted || fold(u.username ?? '') === wanted
        : fold(u.name ?? '') === wanted,
    );
    if (candidates.length === 0) return { line, status: 'notFound', candidates };
    if (candidates.length > 1) {
      const candidateStatuses = Object.fromEntries(
        candidates.map((u) => [u.id ?? '', statusOf(u, groupId, memberIds)]),
      );
      return { line, status: 'ambiguous', candidates, candidateStatuses };
    }
    const user = candidates[0] as User;
    return { line, status: statusOf(user, groupId, memberIds), user, candidates };
  });

const statusOf = (user: User, groupId: string, memberIds: ReadonlySet<string>): CandidateStatus =>
  user.state === 'inactive' ? 'inactive' : isInGroup(user, groupId, memberIds) ? 'alreadyMember' : 'matched';

/** Reads the pasted text and resolves each distinct person, keeping the repeats that were merged. */
export const checkPasteList = async (
  text: string,
  search: SearchUsersFn,
  groupId: string,
  memberIds?: ReadonlySet<string>,
): Promise<PasteCheck> => {
  const { lines, duplicates, overLimit } = await readPasteList(text);
  if (lines.length === 0) return { resolutions: [], duplicates, overLimit };
  const resolutions = classifyPasteLines(lines, await findPastedUsers(lines, search), groupId, memberIds);
  return { resolutions, duplicates, overLimit };
};

export const resolvePasteList = async (
  text: string,
  search: SearchUsersFn,
  groupId: string,
  memberIds?: ReadonlySet<string>,
): Promise<PasteResolution[]> => (await checkPasteList(text, search, groupId, memberIds)).resolutions;

/** The resolutions with one ambiguous line's choice set (`undefined`: skip the line). */
export const chooseCandidate = (
  resolutions: readonly PasteResolution[],
  index: number,
  choiceId: string | undefined,
): PasteResolution[] => resolutions.map((r, i) => (i === index ? { ...r, choiceId } : r));

/** The user a line adds: its match, or the candidate chosen for an ambiguous line (when they can be added). */
export const userToAdd = (r: PasteResolution): User | undefined => {
  if (r.status === 'matched') return r.user;
  if (r.status !== 'ambiguous' || !r.choiceId || r.candidateStatuses?.[r.choiceId] !== 'matched') return undefined;
  return r.candidates.find((u) => u.id === r.choiceId);
};

/** Users to add: matched lines and the people chosen for ambiguous ones, each user once. */
export const usersToAdd = (resolutions: readonly PasteResolution[]): User[] => {
  const out = new Map<string, User>();
  for (const r of resolutions) {
    const user = userToAdd(r);
    if (user?.id) out.set(user.id, user);
  }
  return [...out.values()];
};

export type PasteOutcome =
  'added' | 'notAdded' | 'notFound' | 'skipped' | 'alreadyMember' | 'inactive' | 'duplicate' | 'notRead';

/** What became of each pasted line once the add ran (translated where shown: `i18n._(label)`). */
export const PASTE_OUTCOME_LABELS: Record<PasteOutcome, MessageDescriptor> = {
  added: msg({ message: 'Added', comment: 'outcome of a pasted line: the person was added to the group' }),
  notAdded: msg({ message: 'Not added', comment: 'outcome of a pasted line: adding the person failed' }),
  notFound: msg({ message: 'Not found', comment: 'status of a pasted line: nobody has this email or name' }),
  skipped: msg({ message: 'Skipped (ambiguous)', comment: 'outcome of a pasted line: no one was chosen' }),
  alreadyMember: msg({ message: 'Already a member', comment: 'status of a pasted line' }),
  inactive: msg({ message: 'Inactive, not added', comment: 'outcome of a pasted line' }),
  duplicate: msg({ message: 'Duplicate, merged', comment: 'outcome of a pasted line: it repeats an earlier line' }),
  notRead: msg({ message: 'Not read', comment: 'outcome of a pasted line: past the limit of people read' }),
};

export interface PasteReportLine {
  /** The line as pasted. */
  pasted: string;
  outcome: PasteOutcome;
  /** The person it resolved to, or what it repeats. */
  detail: string;
}

const personText = (user: User | undefined) => (user ? `${user.name ?? ''} ${user.email ?? ''}`.trim() : '');

/**
 * The outcome of every pasted line once the add ran: added or not (the run's ids), and the lines that
 * were not sent (not found, skipped, already members, inactive, repeats merged into an earlier line).
 * Its details are worded in the page's language: call it at render time.
 */
export const pasteReport = (check: PasteCheck, result: BatchRunResult | undefined): PasteReportLine[] => {
  const done = new Set(result?.doneIds ?? []);
  const lines = check.resolutions.map((r): PasteReportLine => {
    const pasted = pastedText(r.line);
    const user = userToAdd(r);
    if (user?.id) return { pasted, outcome: done.has(user.id) ? 'added' : 'notAdded', detail: personText(user) };
    if (r.status === 'ambiguous') {
      const chosen = r.candidates.find((u) => u.id === r.choiceId);
      if (chosen && r.choiceId) {
        const status = r.candidateStatuses?.[r.choiceId];
        return { pasted, outcome: status === 'inactive' ? 'inactive' : 'alreadyMember', detail: personText(chosen) };
      }
      const detail = plural(r.candidates.length, {
        one: '# person has this name',
        other: '# people have this name',
      });
      return { pasted, outcome: 'skipped', detail };
    }
    if (r.status === 'notFound') return { pasted, outcome: 'notFound', detail: '' };
    return { pasted, outcome: r.status === 'inactive' ? 'inactive' : 'alreadyMember', detail: personText(r.user) };
  });
  const repeats = check.duplicates.map((d): PasteReportLine => {
    const firstSource = d.firstSource;
    return { pasted: d.source, outcome: 'duplicate', detail: t`Same as "${firstSource}"` };
  });
  const overLimit = check.overLimit;
  const notRead: PasteReportLine[] = overLimit
    ? [
        {
          pasted: t({ message: `${overLimit} more`, comment: 'the people past the limit, as one line of the report' }),
          outcome: 'notRead',
          detail: t`Past the first 1,000 people`,
        },
      ]
    : [];
  return [...lines, ...repeats, ...notRead];
};
