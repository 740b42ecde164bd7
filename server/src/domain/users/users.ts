/**
 * Users: the User model (docs/embedded-server.md, "Users") with its expand options. Listing, single users
 * and the signed-in user are in reads.ts, the member picker's search in search.ts.
 *
 * Decisions where the contract leaves room:
 *   - `chat.jabberId` is `<user id>@groups-demo.orgspan.com`; the `jabberId` filter matches the part before `@`.
 *   - GET /users/{id} without `state` finds the user whatever its state (deleted users aside), so links
 *     from member lists to inactive members work; with `state` the user must be in it (`any`: all).
 *   - User search covers active users unless the query names the `state` field; deleted users never.
 *   - `expand=groups` lists only the groups the caller may see, as Group summaries (id, name, type,
 *     visibility, rulesVisible, selfUri), sorted by name.
 *   - QUERY_STRING criteria: whitespace-separated terms, all required (or any of them when the value holds
 *     the word OR); `field:term` limits a term to one field, `"a phrase"` matches a substring, `-term`
 *     excludes, a trailing `*` is allowed (terms already match prefixes). Default fields: name, email,
 *     username, title, department.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { contractDocument, schemaEnum } from '../../contract/document.js';
import { badRequest } from '../../contract/errors.js';
import { cached } from '../../db/statements.js';
import { effectiveRolesOfUsers } from '../authorization/effective.js';
import { groupVisibilityCondition } from '../groups/visibility.js';
import { splitMulti } from '../search/paging.js';
import { skillsOfUsers, storedExpandTexts } from './expand-reads.js';

export const USERS_PATH = '/api/v2/users';
const JABBER_DOMAIN = 'groups-demo.orgspan.com';

/** The `expand` values of member lists, user lists, user search and single users. */
export const USER_EXPANDS: readonly string[] = schemaEnum(contractDocument(), 'UserExpand');

/** The extra `expand` values of /users/me. */
export const ME_EXPANDS: readonly string[] = schemaEnum(contractDocument(), 'UserMeExpand').filter(
  (e) => !USER_EXPANDS.includes(e),
);

/** Expand values whose data sits in users.expand_json under the User field of the same (or mapped) name. */
export const JSON_EXPANDS: Readonly<Record<string, string>> = {
  routingStatus: 'routingStatus',
  presence: 'presence',
  integrationPresence: 'integrationPresence',
  conversationSummary: 'conversationSummary',
  outOfOffice: 'outOfOffice',
  geolocation: 'geolocation',
  station: 'station',
  lasttokenissued: 'lastTokenIssued',
  team: 'team',
  workPlanBidRanks: 'workPlanBidRanks',
  externalContactsSettings: 'externalContactsSettings',
  customAttributes: 'customAttributes',
  profileSkills: 'profileSkills',
  certifications: 'certifications',
  locations: 'locations',
  languagePreference: 'languagePreference',
  employerInfo: 'employerInfo',
  biography: 'biography',
};

export interface UserRow {
  id: string;
  name: string;
  email: string;
  username: string;
  title: string | null;
  department: string | null;
  division_id: string;
  division_name: string;
  manager_id: string | null;
  manager_name: string | null;
  manager_version: number | null;
  state: string;
  version: number;
  date_last_login: string | null;
  date_welcome_sent: string | null;
  /** The user's addresses (Contact[] as JSON). */
  addresses_json: string;
}

/** SELECT of the columns toUsers needs, on `users u` joined to its division; append WHERE / ORDER BY. */
export const USER_SELECT = `SELECT u.id, u.name, u.email, u.username, u.title, u.department, u.division_id, d.name AS division_name,
  u.manager_id, m.name AS manager_name, m.version AS manager_version, u.state, u.version, u.date_last_login, u.date_welcome_sent, u.addresses_json
  FROM users u JOIN divisions d ON d.id = u.division_id LEFT JOIN users m ON m.id = u.manager_id`;

export type User = Record<string, unknown> & { id: string; name: string; version: number; selfUri: string };

interface DomainRole {
  id: string;
  name: string;
}

/**
 * Validates an `expand` list (already split, or a comma-joined string) against the allowed values.
 * Unknown values: 400 bad.request naming them (fieldName `expand`). Duplicates are dropped.
 */
export function parseExpand(value: unknown, allowed: readonly string[] = USER_EXPANDS, fieldName = 'expand'): string[] {
  const list = splitMulti(value) ?? [];
  const unknown = list.filter((e) => !allowed.includes(e));
  if (unknown.length) {
    throw badRequest(
      `Unknown expand value${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}. Valid values: ${allowed.join(', ')}.`,
      [{ errorCode: 'bad.request', fieldName }],
    );
  }
  return [...new Set(list)];
}

/** Runs `sql` (with `?` standing for a JSON array of user ids) and groups the rows by their user_id. */
function byUser<T extends { user_id: string }>(
  db: Database.Database,
  sql: string,
  ids: string[],
  ...extra: unknown[]
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of cached(db, sql).all(JSON.stringify(ids), ...extra) as T[]) {
    let list = out.get(row.user_id);
    if (!list) out.set(row.user_id, (list = []));
    list.push(row);
  }
  return out;
}

/** Groups permissions `domain:entity:action` into one policy per domain and entity. */
export function permissionPolicies(permissions: readonly string[]) {
  const policies = new Map<string, { domain: string; entityName: string; actions: string[] }>();
  for (const p of permissions) {
    const [domain = p, entityName = '*', action = '*'] = p.split(':');
    const key = `${domain}:${entityName}`;
    const policy = policies.get(key) ?? { domain, entityName, actions: [] };
    policy.actions.push(action);
    policies.set(key, policy);
  }
  return [...policies.entries()].map(([key, p]) => ({
    id: key,
    domain: p.domain,
    entityName: p.entityName,
    policyName: `${p.domain} ${p.entityName}`,
    actionSetKey: [...p.actions].sort().join(','),
    allowConditions: false,
    namedResources: [],
    actionSet: [...p.actions].sort(),
  }));
}

/**
 * The User models of a page of users, with the requested expands. One query per expand kind for the
 * whole page (authorization, skills/languages, groups), whatever the page size; the other expands
 * come from each row. `caller` decides which groups `expand=groups` shows (without it: public only).
 */
export function toUsers(
  db: Database.Database,
  rows: readonly UserRow[],
  expand: readonly string[],
  caller?: Caller,
): User[] {
  if (rows.length === 0) return [];
  const want = new Set(expand);
  const ids = rows.map((r) => r.id);

  // Authorization: the page's roles (granted directly or through roles-enabled groups), and the
  // permissions of those roles (few), combined here.
  let authorizationOf: ((userId: string) => unknown) | undefined;
  if (want.has('authorization') || want.has('authorization.unusedRoles')) {
    const roles = effectiveRolesOfUsers(db, ids);
    const rolePermissions = new Map<string, string[]>();
    for (const r of cached(
      db,
      'SELECT role_id, permission FROM role_permissions WHERE role_id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify([...new Set([...roles.values()].flat().map((r) => r.id))])) as Array<{
      role_id: string;
      permission: string;
    }>) {
      let list = rolePermissions.get(r.role_id);
      if (!list) rolePermissions.set(r.role_id, (list = []));
      list.push(r.permission);
    }
    // Users with the same roles share one permissions list and policy set.
    const byRoleSet = new Map<
      string,
      { permissions: string[]; permissionPolicies: ReturnType<typeof permissionPolicies> }
    >();
    authorizationOf = (userId) => {
      const assigned = roles.get(userId) ?? [];
      const key = assigned.map((r) => r.id).join(',');
      let granted = byRoleSet.get(key);
      if (!granted) {
        const perms = [...new Set(assigned.flatMap((r) => rolePermissions.get(r.id) ?? []))].sort();
        byRoleSet.set(key, (granted = { permissions: perms, permissionPolicies: permissionPolicies(perms) }));
      }
      return {
        roles: assigned.map((r): DomainRole => ({ id: r.id, name: r.name })),
        unusedRoles: [],
        permissions: [...granted.permissions],
        permissionPolicies: structuredClone(granted.permissionPolicies),
      };
    };
  }

  const skills = want.has('skills') || want.has('languages') ? skillsOfUsers(db, ids) : undefined;

  let groups:
    | Map<
        string,
        Array<{ user_id: string; id: string; name: string; type: string; visibility: string; rules_visible: number }>
      >
    | undefined;
  if (want.has('groups')) {
    const v = caller
      ? groupVisibilityCondition(caller)
      : { sql: "(g.state <> 'deleted' AND g.visibility = 'public')", params: [] };
    groups = byUser(
      db,
      `SELECT gm.user_id, g.id, g.name, g.type, g.visibility, g.rules_visible FROM group_members gm JOIN groups g ON g.id = gm.group_id
       WHERE gm.user_id IN (SELECT value FROM json_each(?)) AND ${v.sql} ORDER BY g.sort_name, g.id`,
      ids,
      ...v.params,
    );
  }

  // The stored expand values (users.expand_json): only the requested keys, extracted in SQL, so a page
  // parses a few small values per user rather than every user's whole document.
  const jsonKeys = [...want].map((e) => JSON_EXPANDS[e]).filter((k): k is string => k !== undefined);
  const stored = storedExpandTexts(db, ids, jsonKeys);

  return rows.map((row) => {
    const values = stored.get(row.id);
    const addresses: unknown = JSON.parse(row.addresses_json || '[]');
    const user: User = {
      id: row.id,
      name: row.name,
      division: {
        id: row.division_id,
        name: row.division_name,
        selfUri: `/api/v2/authorization/divisions/${row.division_id}`,
      },
      chat: { jabberId: `${row.id}@${JABBER_DOMAIN}` },
      ...(row.department ? { department: row.department } : {}),
      email: row.email,
      primaryContactInfo: [{ address: row.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
      addresses: Array.isArray(addresses) ? addresses : [],
      state: row.state,
      ...(row.title ? { title: row.title } : {}),
      username: row.username,
      ...(row.manager_id
        ? {
            manager: {
              id: row.manager_id,
              ...(row.manager_name ? { name: row.manager_name } : {}),
              version: row.manager_version ?? 1,
              selfUri: `${USERS_PATH}/${row.manager_id}`,
            },
          }
        : {}),
      images: [],
      version: row.version,
      acdAutoAnswer: false,
      selfUri: `${USERS_PATH}/${row.id}`,
    };
    if (values) {
      jsonKeys.forEach((key, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) user[key] = JSON.parse(value) as unknown;
      });
    }
    if (authorizationOf) user.authorization = authorizationOf(row.id);
    if (skills) {
      const list = skills.get(row.id) ?? [];
      if (want.has('skills')) {
        user.skills = list
          .filter((s) => s.kind === 'routing')
          .map((s) => ({
            id: s.skill_id,
            name: s.skill_name,
            proficiency: s.proficiency,
            state: 'active',
            skillUri: `/api/v2/routing/skills/${s.skill_id}`,
            selfUri: `${USERS_PATH}/${row.id}/routingskills/${s.skill_id}`,
          }));
      }
      if (want.has('languages')) {
        user.languages = list
          .filter((s) => s.kind === 'language')
          .map((s) => ({
            id: s.skill_id,
            name: s.skill_name,
            proficiency: s.proficiency,
            state: 'active',
            languageUri: `/api/v2/routing/languages/${s.skill_id}`,
            selfUri: `${USERS_PATH}/${row.id}/routinglanguages/${s.skill_id}`,
          }));
      }
    }
    if (groups) {
      user.groups = (groups.get(row.id) ?? []).map((g) => ({
        id: g.id,
        name: g.name,
        type: g.type,
        visibility: g.visibility,
        rulesVisible: g.rules_visible === 1,
        selfUri: `/api/v2/groups/${g.id}`,
      }));
    }
    if (want.has('dateLastLogin') && row.date_last_login) user.dateLastLogin = row.date_last_login;
    if (want.has('dateWelcomeSent') && row.date_welcome_sent) user.dateWelcomeSent = row.date_welcome_sent;
    return user;
  });
}

/** One user as a User model (see toUsers; use toUsers for pages). */
export function toUser(row: UserRow, expand: readonly string[], db: Database.Database, caller?: Caller): User {
  return toUsers(db, [row], expand, caller)[0] as User;
}

/** Users by id, in the order given (missing ids skipped), as User models. */
export function usersByIds(
  db: Database.Database,
  ids: readonly string[],
  expand: readonly string[] = [],
  caller?: Caller,
): User[] {
  if (ids.length === 0) return [];
  const rows = cached(db, `${USER_SELECT} WHERE u.id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(ids),
  ) as UserRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toUsers(
    db,
    ids.map((id) => byId.get(id)).filter((r): r is UserRow => r !== undefined),
    expand,
    caller,
  );
}
