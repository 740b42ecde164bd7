import { t } from '@lingui/core/macro';
import type { Group } from '@/api/generated/model/group';
import { peopleRoleLossSentences, type PersonLeaving } from '../core/group-grants';
import type { Person } from '../core/transfer';
import { readPersonRoles, rolesGrantedBy, type ReadOptions } from '../across/move-roles';

/** Up to this many people leaving, each one's roles are read; above, only what the two groups grant counts. */
export const PEOPLE_CHECKED = 25;
/** Reads of people's roles at a time. */
const AT_ONCE = 4;

/**
 * What people taken out of `group` lose through it, in sentences, read just before the removal is
 * confirmed (the caller checks the permission to view grants). For up to PEOPLE_CHECKED people every
 * role each holds is read, so one a grant of their own or another group gives as well is not named.
 * Above that (one read per person would hold up the confirmation), or when a person's read fails,
 * only `stayIn` counts (the other compared group, for people in both) and the sentence says "may
 * lose". Empty when the group's roles are off or it grants nothing; a failed read of the group says
 * nothing, as the other warnings about roles do. A cancel still stops it.
 */
export const readRemovalRoleLoss = async (
  group: Pick<Group, 'id' | 'name' | 'rolesEnabled'>,
  people: readonly Person[],
  stayIn: Pick<Group, 'id' | 'rolesEnabled'> | null,
  options: ReadOptions = {},
): Promise<string[]> => {
  const groupId = group.id ?? '';
  if (group.rolesEnabled !== true || !groupId || people.length === 0) return [];
  try {
    const groupRoles = await rolesGrantedBy(groupId, options);
    if (groupRoles.length === 0) return [];
    const stayRoles = stayIn?.id && stayIn.rolesEnabled === true ? await rolesGrantedBy(stayIn.id, options) : [];
    const unread = (p: Person): PersonLeaving => ({ name: p.name, kept: stayRoles, complete: false });
    let leaving: PersonLeaving[];
    if (people.length > PEOPLE_CHECKED) {
      leaving = people.map(unread);
    } else {
      leaving = [];
      for (let i = 0; i < people.length; i += AT_ONCE) {
        const batch = people.slice(i, i + AT_ONCE);
        leaving.push(
          ...(await Promise.all(
            batch.map(async (p): Promise<PersonLeaving> => {
              try {
                const held = await readPersonRoles(p.id, options);
                return { name: p.name, kept: held.filter((r) => r.subjectId !== groupId), complete: true };
              } catch (error) {
                if (options.signal?.aborted) throw error;
                return unread(p);
              }
            }),
          )),
        );
      }
    }
    const sentences = peopleRoleLossSentences(groupRoles, leaving, group.name ?? groupId);
    if (people.length > PEOPLE_CHECKED && sentences.length) {
      const peopleChecked = PEOPLE_CHECKED;
      sentences.push(
        t`Whether another group or a grant of their own gives them the same is read when removing up to ${peopleChecked} people.`,
      );
    }
    return sentences;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return [];
  }
};
