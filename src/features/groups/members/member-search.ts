/**
 * Finding a member by name or email in a whole-group reading (the roster's, roster/roster-model.ts).
 * Every word of the query must occur, ignoring case and accents, in the member's name or email: "ana
 * lop" finds "Ana López", "lopez@" finds her by email.
 */

/** The shortest query searched (one letter would match most of a big group). */
export const MIN_QUERY_LENGTH = 2;
/** How long typing must pause before the search runs and the URL changes. */
export const SEARCH_DEBOUNCE_MS = 300;

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The query's words, folded; [] when it is too short to search. */
export const queryWords = (query: string): string[] => {
  const trimmed = query.trim();
  return trimmed.length < MIN_QUERY_LENGTH ? [] : fold(trimmed).split(/\s+/).filter(Boolean);
};

export interface Searchable {
  id: string;
  name: string;
  email: string;
}

/** The ids of the entries (in their order) whose name or email holds every word. */
export function findMembers(entries: readonly Searchable[], words: readonly string[]): string[] {
  if (!words.length) return [];
  const found: string[] = [];
  for (const entry of entries) {
    const text = `${fold(entry.name)} ${fold(entry.email)}`;
    if (words.every((w) => text.includes(w))) found.push(entry.id);
  }
  return found;
}
