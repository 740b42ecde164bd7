import type { User } from '@/api/generated/model/user';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';
import type { UsersSearchResponse } from '@/api/generated/model/usersSearchResponse';
import { chunk } from '@/lib/chunk';

/**
 * "Paste a list": emails or names as mail clients and spreadsheets give them, resolved to users BEFORE anything is sent.
 * Emails match `email` or `username` exactly, names match `name` exactly (ignoring case). Lines are
 * resolved with a few batched searches (TERMS criteria, up to 50 values each), which also bring
 * inactive users (the search names the `state` field) and each user's groups (to spot members).
 */

export type PasteLineKind = 'email' | 'name';

export interface PasteLine {
  text: string;
  kind: PasteLineKind;
}

export type PasteStatus = 'matched' | 'ambiguous' | 'notFound' | 'alreadyMember' | 'inactive';

export interface PasteResolution {
  line: PasteLine;
  status: PasteStatus;
  /** The user found (matched, alreadyMember, inactive). */
  user?: User;
  /** Every user the line could mean (ambiguous). */
  candidates: User[];
}

export const PASTE_STATUS_LABELS: Record<PasteStatus, string> = {
  matched: 'Matched',
  ambiguous: 'Ambiguous',
  notFound: 'Not found',
  alreadyMember: 'Already a member',
  inactive: 'Inactive',
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
  lines.map((line) => {
    const wanted = fold(line.text);
    const candidates = users.filter((u) =>
      line.kind === 'email'
        ? fold(u.email ?? '') === wanted || fold(u.username ?? '') === wanted
        : fold(u.name ?? '') === wanted,
    );
    if (candidates.length === 0) return { line, status: 'notFound', candidates };
    if (candidates.length > 1) return { line, status: 'ambiguous', candidates };
    const user = candidates[0] as User;
    if (user.state === 'inactive') return { line, status: 'inactive', user, candidates };
    if (isInGroup(user, groupId, memberIds)) return { line, status: 'alreadyMember', user, candidates };
    return { line, status: 'matched', user, candidates };
  });

export const resolvePasteList = async (
  text: string,
  search: SearchUsersFn,
  groupId: string,
  memberIds?: ReadonlySet<string>,
): Promise<PasteResolution[]> => {
  const lines = await parsePasteList(text);
  if (lines.length === 0) return [];
  return classifyPasteLines(lines, await findPastedUsers(lines, search), groupId, memberIds);
};

/** Users to add: matched lines, each user once. */
export const usersToAdd = (resolutions: readonly PasteResolution[]): User[] => {
  const out = new Map<string, User>();
  for (const r of resolutions) if (r.status === 'matched' && r.user?.id) out.set(r.user.id, r.user);
  return [...out.values()];
};
