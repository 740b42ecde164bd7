import {
  addGroupMembers,
  getGroup,
  listGroupMembers,
  removeGroupMembers,
} from '@/api/generated/endpoints/groups/groups';
import type { User } from '@/api/generated/model/user';
import type { UserExpandParameter } from '@/api/generated/model/userExpandParameter';
import { EXPORT_PAGE_SIZE, fetchAllMembers, type ExportProgress } from './export-members';
import { waitOutRateLimit } from '@/api/rate-limit';
import type { MembershipCalls, Person } from './transfer';

/** The real API behind the membership runs: the generated fetchers, through the one HTTP door. */
export const membershipCalls: MembershipCalls = {
  fetchVersion: async (groupId) => (await getGroup(groupId)).version ?? 0,
  add: (groupId, ids, version) => addGroupMembers(groupId, { memberIds: ids, version }),
  remove: (groupId, ids) => removeGroupMembers(groupId, { ids: ids.join(',') }),
};

export const personOf = (user: User): Person => ({ id: user.id ?? '', name: user.name, email: user.email });

/**
 * Every member of a group, in the largest pages the API allows (500), each page through the rate-limit
 * wait; cancelling throws the AbortError.
 */
export const readAllMembers = (
  groupId: string,
  signal: AbortSignal,
  options: {
    expand?: UserExpandParameter;
    onProgress?: (progress: ExportProgress) => void;
    onWait?: (seconds: number | null) => void;
  } = {},
): Promise<User[]> =>
  fetchAllMembers(
    (pageNumber, pageSignal) =>
      waitOutRateLimit(
        () =>
          listGroupMembers(
            groupId,
            {
              pageNumber,
              pageSize: EXPORT_PAGE_SIZE,
              ...(options.expand?.length ? { expand: options.expand } : {}),
            },
            pageSignal,
          ),
        { signal: pageSignal, onWait: options.onWait },
      ),
    signal,
    options.onProgress,
  );
