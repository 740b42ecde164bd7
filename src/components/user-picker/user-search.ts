import type { UserSearchCriteria } from '@/api/generated/model/userSearchCriteria';
import type { UserSearchRequest } from '@/api/generated/model/userSearchRequest';

/** The fields the member picker's type-ahead searches. */
export const USER_PICKER_SEARCH_FIELDS = ['name', 'email', 'title'] as const;

/** Splits what the user typed into search words (at most 10; quotes and leading `-` carry no meaning here). */
export const searchWords = (text: string): string[] =>
  text
    .replace(/["]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ''))
    .filter((word) => word.length > 0)
    .slice(0, 10);

/**
 * The type-ahead request: every word must match the start of a word in the name, email or title
 * (TERM criteria, ANDed), sorted by name.
 */
export const buildUserTypeaheadRequest = (
  text: string,
  pageSize = 20,
  expand?: UserSearchRequest['expand'],
): UserSearchRequest => {
  const query: UserSearchCriteria[] = searchWords(text).map((value) => ({
    type: 'TERM',
    fields: [...USER_PICKER_SEARCH_FIELDS],
    value,
    operator: 'AND',
  }));
  return { query, pageSize, pageNumber: 1, sortBy: 'name', sortOrder: 'ASC', ...(expand?.length ? { expand } : {}) };
};
