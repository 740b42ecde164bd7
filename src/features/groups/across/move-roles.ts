import { getAuthorizationSubject } from '@/api/generated/endpoints/authorization/authorization';
import { getGroup } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { waitOutRateLimit } from '@/api/rate-limit';
import { grantedRoles, moveRoleChange, type GrantedRole } from '../core/group-grants';

/** How the reads wait out a 429 (`onWait`) and are cancelled (`signal`), as waitOutRateLimit takes them; both optional. */
export interface ReadOptions {
  signal?: AbortSignal;
  onWait?: (seconds: number | null) => void;
}

/** The roles a group grants (its own grants only). */
export const rolesGrantedBy = async (groupId: string, options: ReadOptions = {}): Promise<GrantedRole[]> => {
  const subject = await waitOutRateLimit(() => getAuthorizationSubject(groupId, undefined, options.signal), options);
  return grantedRoles(subject.grants ?? [], groupId);
};

/**
 * What moving people out of `source` into the target does to the roles they hold through the two
 * groups, read just before the move is confirmed (the caller checks the permission to view grants).
 * Null when the source grants nothing (its roles off, or no grants): then there is nothing to say.
 * The target's grants count only while its roles are on. A read that fails says nothing either,
 * as the other warnings about roles do; a cancel still stops the run.
 */
export const readMoveRoleChange = async (
  source: Pick<Group, 'id' | 'rolesEnabled'>,
  targetId: string,
  options: ReadOptions = {},
): Promise<{ lost: GrantedRole[]; gained: GrantedRole[] } | null> => {
  if (source.rolesEnabled !== true || !source.id) return null;
  try {
    const sourceRoles = await rolesGrantedBy(source.id, options);
    if (sourceRoles.length === 0) return null;
    const target = await waitOutRateLimit(() => getGroup(targetId, options.signal), options);
    const targetRoles = target.rolesEnabled === true ? await rolesGrantedBy(targetId, options) : [];
    return moveRoleChange(sourceRoles, targetRoles);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return null;
  }
};

/**
 * Every role a person holds: grants of their own and those through their roles-enabled groups, each
 * with the subject it comes through (GET /authorization/subjects/{userId}).
 */
export const readPersonRoles = async (userId: string, options: ReadOptions = {}): Promise<GrantedRole[]> => {
  const subject = await waitOutRateLimit(() => getAuthorizationSubject(userId, undefined, options.signal), options);
  return grantedRoles(subject.grants ?? []);
};

/** The roles people hold through a group: its grants while its roles are on, none when they are off. */
export const readRolesThrough = async (groupId: string, options: ReadOptions = {}): Promise<GrantedRole[]> => {
  const group = await waitOutRateLimit(() => getGroup(groupId, options.signal), options);
  return group.rolesEnabled === true ? rolesGrantedBy(groupId, options) : [];
};
