import { useMemo } from 'react';
import { useGetAuthorizationSubject } from '@/api/generated/endpoints/authorization/authorization';
import type { AuthzGrant } from '@/api/generated/model/authzGrant';
import type { Group } from '@/api/generated/model/group';
import { plural, t } from '@lingui/core/macro';
import { formatList } from '@/lib/locale';
import { useCan } from '@/lib/permissions';
import { permissionOf } from '@/lib/permission-names';

/**
 * What a group grants: the roles given to it (the Authorization API's subject of the group), each over
 * one or more divisions. Members of a group whose `rolesEnabled` is true hold those roles through it.
 * Pure helpers to read and word the grants, and the hooks that read them once per group.
 */

/** The division id of a grant over every division, current and future. */
export const ALL_DIVISIONS = '*';

export interface GrantDivision {
  id: string;
  name: string;
  home: boolean;
}

/** One role a subject holds, with every division it holds it over. */
export interface GrantedRole {
  roleId: string;
  roleName: string;
  description: string;
  /** How many permissions (`domain:entity:action`) the role carries; undefined when the grant lists no policies. */
  permissionCount?: number;
  divisions: GrantDivision[];
  /** When it was first granted, where the API says. */
  grantedAt?: string;
  /** The group or person holding the grant (for a person, the group it comes through). */
  subjectId?: string;
}

const permissionCountOf = (grant: AuthzGrant): number | undefined =>
  grant.role?.policies === undefined
    ? undefined
    : new Set(
        (grant.role?.policies ?? []).flatMap((p) => (p.actions ?? []).map((a) => `${p.domain}:${p.entityName}:${a}`)),
      ).size;

const earlier = (a: string | undefined, b: string | undefined): string | undefined =>
  !a ? b : !b ? a : new Date(b).getTime() < new Date(a).getTime() ? b : a;

/**
 * The grants as roles, in the order given (the API's, by role name), each role once with its divisions.
 * With `throughSubject`, only grants held through that subject (a person's grants through one group).
 */
export const grantedRoles = (grants: readonly AuthzGrant[], throughSubject?: string): GrantedRole[] => {
  const roles = new Map<string, GrantedRole>();
  for (const grant of grants) {
    const roleId = grant.role?.id;
    if (!roleId) continue;
    if (throughSubject !== undefined && grant.subjectId !== throughSubject) continue;
    const key = `${grant.subjectId ?? ''} ${roleId}`;
    let role = roles.get(key);
    if (!role) {
      role = {
        roleId,
        roleName: grant.role?.name ?? roleId,
        description: grant.role?.description ?? '',
        permissionCount: permissionCountOf(grant),
        divisions: [],
        grantedAt: grant.grantMadeAt,
        subjectId: grant.subjectId,
      };
      roles.set(key, role);
    }
    role.grantedAt = earlier(role.grantedAt, grant.grantMadeAt);
    const id = grant.division?.id ?? '';
    if (id && !role.divisions.some((d) => d.id === id)) {
      role.divisions.push({ id, name: grant.division?.name ?? id, home: !!grant.division?.homeDivision });
    }
  }
  return [...roles.values()];
};

/** "Home", "Home and EMEA", "Americas, EMEA and Home"; "all divisions" when one of them is every division. */
export const divisionsInWords = (divisions: readonly Pick<GrantDivision, 'id' | 'name'>[]): string => {
  if (divisions.some((d) => d.id === ALL_DIVISIONS)) return t`all divisions`;
  return formatList(divisions.map((d) => d.name));
};

/** "Group Editor in all divisions", "Directory Auditor in Home". */
export const roleInWords = (role: Pick<GrantedRole, 'roleName' | 'divisions'>): string => {
  if (!role.divisions.length) return role.roleName;
  const roleName = role.roleName;
  const divisions = divisionsInWords(role.divisions);
  return t({
    message: `${roleName} in ${divisions}`,
    comment: 'a role over divisions: "Group Editor in Home and EMEA"',
  });
};

/** "12 permissions". */
export const permissionsInWords = (count: number): string =>
  plural(count, { one: '# permission', other: '# permissions' });

/**
 * What people leaving a group lose through it: "2 people lose Group Editor in all divisions, which
 * they hold through this group." (or through the group named in `through`). Null when nobody leaves
 * or the group grants nothing.
 */
export const roleLossSentence = (
  people: number,
  roles: readonly Pick<GrantedRole, 'roleName' | 'divisions'>[],
  through?: string,
) => {
  if (people <= 0 || roles.length === 0) return null;
  const roleList = formatList(roles.map(roleInWords));
  if (through === undefined) {
    return plural(people, {
      one: `# person loses ${roleList}, which they hold through this group.`,
      other: `# people lose ${roleList}, which they hold through this group.`,
    });
  }
  return plural(people, {
    one: `# person loses ${roleList}, which they hold through ${through}.`,
    other: `# people lose ${roleList}, which they hold through ${through}.`,
  });
};

/**
 * What people joining a group gain through it: "2 people gain Directory Auditor in Home through
 * Night Shift Leads." Null when nobody joins or the group grants nothing new.
 */
export const roleGainSentence = (
  people: number,
  roles: readonly Pick<GrantedRole, 'roleName' | 'divisions'>[],
  through: string,
) => {
  if (people <= 0 || roles.length === 0) return null;
  const roleList = formatList(roles.map(roleInWords));
  return plural(people, {
    one: `# person gains ${roleList} through ${through}.`,
    other: `# people gain ${roleList} through ${through}.`,
  });
};

/**
 * The roles of `roles` that `others` does not grant as well: each role with only the divisions
 * `others` leaves out; dropped when `others` grants it over every division or over all its divisions.
 */
export const rolesNotGrantedBy = <R extends Pick<GrantedRole, 'roleId' | 'divisions'>>(
  roles: readonly R[],
  others: readonly Pick<GrantedRole, 'roleId' | 'divisions'>[],
): R[] =>
  roles.flatMap((role) => {
    const covered = new Set(
      others.filter((o) => o.roleId === role.roleId).flatMap((o) => o.divisions.map((d) => d.id)),
    );
    if (covered.has(ALL_DIVISIONS)) return [];
    if (covered.size === 0) return [role];
    const divisions = role.divisions.filter((d) => !covered.has(d.id));
    return divisions.length ? [{ ...role, divisions }] : [];
  });

/**
 * What moving people from one group to another does to the roles they hold through the two: those
 * the source grants and the target does not are lost, those the target grants and the source does
 * not are gained. Pass no roles for a group whose roles are off.
 */
export const moveRoleChange = <R extends Pick<GrantedRole, 'roleId' | 'divisions'>>(
  sourceRoles: readonly R[],
  targetRoles: readonly R[],
): { lost: R[]; gained: R[] } => ({
  lost: rolesNotGrantedBy(sourceRoles, targetRoles),
  gained: rolesNotGrantedBy(targetRoles, sourceRoles),
});

/**
 * The group's grants (GET /authorization/subjects/{groupId}), read once and shared through the cache.
 * Not read without `authorization:grant:view` (`canView` false: say nothing about roles).
 */
export const useGroupGrants = (group: Pick<Group, 'id'>, { enabled = true }: { enabled?: boolean } = {}) => {
  const canView = useCan(permissionOf('getAuthorizationSubject'));
  const groupId = group.id ?? '';
  const query = useGetAuthorizationSubject(groupId, undefined, {
    query: { enabled: canView && enabled && !!groupId, retry: false },
  });
  const roles = useMemo(() => grantedRoles(query.data?.grants ?? [], groupId), [query.data, groupId]);
  return { canView, query, roles };
};

/**
 * The roles people lose when they leave the group (removed, or the group deleted): its grants while
 * its roles are enabled; none when they are off, when the user may not view grants, or until read.
 */
export const useRolesLostByLeaving = (group: Pick<Group, 'id' | 'rolesEnabled'>, enabled = true) => {
  const rolesOn = group.rolesEnabled === true;
  const { roles } = useGroupGrants(group, { enabled: enabled && rolesOn });
  return rolesOn ? roles : [];
};

/** Roles given through one group: what a person loses with it, and the group's name. */
export interface RolesThrough<R> {
  through: string;
  roles: R[];
}

/**
 * What one person loses leaving the groups `leftIds` (in that order), from every role they hold (their
 * subject's grants: each role with the group it comes through, or their own id for a grant of their
 * own). A role is kept while a grant of their own or a group they stay in gives it as well, and so are
 * the roles in `alsoKept` (groups they join in the same change). A role given by two of the groups left
 * is named once, with the first. Groups that give nothing lost are left out.
 */
export const rolesLostLeaving = <R extends Pick<GrantedRole, 'roleId' | 'divisions' | 'subjectId'>>(
  held: readonly R[],
  left: readonly { id: string; name: string }[],
  alsoKept: readonly Pick<GrantedRole, 'roleId' | 'divisions'>[] = [],
): RolesThrough<R>[] => {
  const leftIds = new Set(left.map((g) => g.id));
  const kept: Pick<GrantedRole, 'roleId' | 'divisions'>[] = [
    ...held.filter((r) => !leftIds.has(r.subjectId ?? '')),
    ...alsoKept,
  ];
  const out: RolesThrough<R>[] = [];
  for (const group of left) {
    const roles = rolesNotGrantedBy(
      held.filter((r) => r.subjectId === group.id),
      kept,
    );
    if (roles.length === 0) continue;
    out.push({ through: group.name, roles });
    // Named once: a later group giving the same role adds nothing more.
    kept.push(...roles);
  }
  return out;
};

/**
 * "Ann Lee loses Supervisor in Home, held through Sales Team." With several groups: "Ann Lee loses
 * Supervisor in Home, held through Sales Team; and Group Editor in all divisions, held through Night
 * Shift Leads." `may`: "may lose", when what else gives them the roles was not read. Null when nothing is lost.
 */
export const personRoleLossSentence = (
  name: string,
  losses: readonly RolesThrough<Pick<GrantedRole, 'roleName' | 'divisions'>>[],
  { may = false }: { may?: boolean } = {},
): string | null => {
  const parts = losses
    .filter((l) => l.roles.length > 0)
    .map((l) => {
      const roleList = formatList(l.roles.map(roleInWords));
      const through = l.through;
      return t({ message: `${roleList}, held through ${through}`, comment: 'roles a person holds through a group' });
    });
  if (parts.length === 0) return null;
  const head = parts.slice(0, -1).join('; ');
  const last = parts[parts.length - 1] ?? '';
  const list =
    parts.length === 1
      ? (parts[0] ?? '')
      : t({
          message: `${head}; and ${last}`,
          comment: 'the end of a list of "roles, held through group" items, separated by semicolons',
        });
  return may ? t`${name} may lose ${list}.` : t`${name} loses ${list}.`;
};

/** One person leaving a group, with the roles they hold other than through it, as far as read. */
export interface PersonLeaving<R = Pick<GrantedRole, 'roleId' | 'divisions'>> {
  name?: string;
  /** Roles given to them by a grant of their own or another group. */
  kept: readonly R[];
  /** Whether `kept` is everything they hold (their subject read); else only what the page already knew. */
  complete: boolean;
}

/**
 * What people leaving one group lose through it, in sentences: those losing the same roles together
 * ("2 people lose Supervisor in Home, which they hold through Sales Team."; one known person by name),
 * "may lose" for people whose other roles were not read, and how many keep everything as another
 * group or a grant of their own gives it too. Empty when the group grants nothing.
 */
export const peopleRoleLossSentences = <R extends Pick<GrantedRole, 'roleId' | 'roleName' | 'divisions'>>(
  groupRoles: readonly R[],
  people: readonly PersonLeaving[],
  through: string,
): string[] => {
  if (groupRoles.length === 0) return [];
  const byLoss = new Map<string, { lost: R[]; complete: boolean; names: string[]; count: number }>();
  let keepers = 0;
  for (const person of people) {
    const lost = rolesNotGrantedBy(groupRoles, person.kept);
    if (lost.length === 0) {
      keepers += 1;
      continue;
    }
    const key = `${person.complete ? 'lose' : 'may'} ${lost.map(roleInWords).join('|')}`;
    const entry = byLoss.get(key) ?? { lost, complete: person.complete, names: [], count: 0 };
    entry.count += 1;
    if (person.name) entry.names.push(person.name);
    byLoss.set(key, entry);
  }
  const sentences = [...byLoss.values()].map(({ lost, complete, names, count }) => {
    if (count === 1 && names[0])
      return personRoleLossSentence(names[0], [{ through, roles: lost }], { may: !complete });
    if (complete) return roleLossSentence(count, lost, through);
    const roleList = formatList(lost.map(roleInWords));
    return plural(count, {
      one: `# person may lose ${roleList}, which they hold through ${through}, unless another group or a grant of their own gives them the same.`,
      other: `# people may lose ${roleList}, which they hold through ${through}, unless another group or a grant of their own gives them the same.`,
    });
  });
  if (keepers > 0) {
    sentences.push(
      plural(keepers, {
        one: `# person keeps what ${through} grants, through another group or a grant of their own.`,
        other: `# people keep what ${through} grants, through another group or a grant of their own.`,
      }),
    );
  }
  return sentences.filter((s): s is string => !!s);
};
