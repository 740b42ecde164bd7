import type { QueryKey } from '@tanstack/react-query';
import { getGetAuthorizationSubjectQueryKey } from '@/api/generated/endpoints/authorization/authorization';

/**
 * Query keys of the Authorization API, from the generated key builders. A person's grants (their
 * subject) include those of their roles-enabled groups; the person drawer reads them fresh each time it
 * opens, so only a group's own subject is invalidated by name.
 */
export const authorizationKeys = {
  /** The grants of one group or person (`['/api/v2/authorization/subjects/{id}', params?]`). */
  subject: (subjectId: string): QueryKey => getGetAuthorizationSubjectQueryKey(subjectId),
};
