/**
 * Users: the User model (contract §3) with its expand options, listing, single users, the signed-in
 * user and the member picker's search.
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
import type { Caller } from '../context.js';
import { ApiError, badRequest, invalidValue, missingAnyPermissions } from '../errors.js';
import { entityListing, parseIdFilters, parsePaging, splitMulti, type EntityListing } from './listing.js';
import { decodeQ64, searchResponse, type SearchResponse } from './q64.js';
import { cachedCount, preparedBounded } from './read-cache.js';
import { skillsOfUsers, storedExpandTexts } from './expand-reads.js';
import {
  assertSearchRequestShape,
  compileCriteria,
  compileSort,
  registerSearchFunctions,
  searchPaging,
  type FieldMap,
  type SearchCriteria,
  type SearchRequestBase,
} from './search.js';
import { catalogue } from '../db/seed/people.js';
import { cached, groupVisibilityCondition } from './visibility.js';

export const USERS_PATH = '/api/v2/users';
export const USER_VIEW = 'directory:user:view';
export const JABBER_DOMAIN = 'groups-demo.orgspan.com';

/** The `expand` values of member lists, user lists, user search and single users. */
export const USER_EXPANDS = [
  'routingStatus',
  'presence',
  'integrationPresence',
  'conversationSummary',
  'outOfOffice',
  'geolocation',
  'station',
  'authorization',
  'lasttokenissued',
  'authorization.unusedRoles',
  'team',
  'workPlanBidRanks',
  'externalContactsSettings',
  'groups',
  'customAttributes',
  'profileSkills',
  'certifications',
  'locations',
  'skills',
  'languages',
  'languagePreference',
  'employerInfo',
  'biography',
  'dateLastLogin',
  'dateWelcomeSent',
] as const;
export type UserExpand = (typeof USER_EXPANDS)[number];

/** The extra `expand` values of /users/me. */
export const ME_EXPANDS = [
  'date',
  'geolocationsettings',
  'organization',
  'presencedefinitions',
  'divisionedpresencedefinitions',
  'locationdefinitions',
  'orgauthorization',
  'orgproducts',
  'favorites',
  'superiors',
  'directreports',
  'adjacents',
  'routingskills',
  'routinglanguages',
  'fieldconfigs',
  'token',
  'trustors',
  'logCapture',
  'autoanswersettings',
] as const;

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

  // Authorization: the page's role assignments, and the permissions of those roles (few), combined here.
  let authorizationOf: ((userId: string) => unknown) | undefined;
  if (want.has('authorization') || want.has('authorization.unusedRoles')) {
    const roles = byUser<{ user_id: string; id: string; name: string }>(
      db,
      'SELECT ur.user_id, r.id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id IN (SELECT value FROM json_each(?)) ORDER BY r.name, r.id',
      ids,
    );
    const rolePermissions = new Map<string, string[]>();
    for (const r of cached(
      db,
      'SELECT role_id, permission FROM role_permissions WHERE role_id IN (SELECT DISTINCT role_id FROM user_roles WHERE user_id IN (SELECT value FROM json_each(?)))',
    ).all(JSON.stringify(ids)) as Array<{ role_id: string; permission: string }>) {
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

// ---------------------------------------------------------------------------------------------
// Listing and single users

const STATES = ['active', 'inactive', 'deleted', 'any'] as const;

function parseState(v: unknown, dflt: (typeof STATES)[number] | undefined): (typeof STATES)[number] | undefined {
  if (v === undefined || v === null || v === '') return dflt;
  const s = String(v);
  if (!(STATES as readonly string[]).includes(s))
    throw invalidValue(`state must be one of ${STATES.join(', ')} (got "${s}").`, 'state');
  return s as (typeof STATES)[number];
}

export interface ListUsersQuery {
  pageSize?: unknown;
  pageNumber?: unknown;
  sortOrder?: unknown;
  id?: unknown;
  jabberId?: unknown;
  expand?: unknown;
  state?: unknown;
  integrationPresenceSource?: unknown;
}

export function listUsers(db: Database.Database, caller: Caller, query: ListUsersQuery): EntityListing<User> {
  const paging = parsePaging(query as Record<string, unknown>);
  const expand = parseExpand(query.expand);
  const state = parseState(query.state, 'active') as (typeof STATES)[number];
  const { ids, jabberIds } = parseIdFilters(query);
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (state !== 'any') {
    conditions.push('u.state = ?');
    params.push(state);
  }
  if (ids?.length) {
    conditions.push('u.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
  } else if (jabberIds?.length) {
    conditions.push('u.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(jabberIds.map((j) => j.split('@')[0])));
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const total = cachedCount(db, `SELECT COUNT(*) FROM users u ${where}`, params);
  const dir = paging.sortOrder;
  const rows =
    paging.offset >= total
      ? []
      : (cached(db, `${USER_SELECT} ${where} ORDER BY u.sort_name ${dir}, u.id ${dir} LIMIT ? OFFSET ?`).all(
          ...params,
          paging.pageSize,
          paging.offset,
        ) as UserRow[]);
  return entityListing(toUsers(db, rows, expand, caller), {
    path: USERS_PATH,
    query: {
      id: ids,
      jabberId: jabberIds,
      expand: expand.length ? expand : undefined,
      state: query.state === undefined ? undefined : state,
    },
    paging,
    total,
  });
}

export function getUser(
  db: Database.Database,
  caller: Caller,
  userId: string,
  query: { expand?: unknown; state?: unknown } = {},
): User {
  const expand = parseExpand(query.expand);
  const state = parseState(query.state, undefined);
  const row = cached(db, `${USER_SELECT} WHERE u.id = ?`).get(userId) as UserRow | undefined;
  const matches = row && (state === undefined ? row.state !== 'deleted' : state === 'any' || row.state === state);
  if (!row || !matches)
    throw new ApiError(404, 'not.found', `User ${userId} was not found.`, { entityId: userId, entityName: 'user' });
  return toUser(row, expand, db, caller);
}

// ---------------------------------------------------------------------------------------------
// The signed-in user

export interface MeContext {
  /** TokenInfo of the caller's token, for expand=token. */
  tokenInfo?: () => unknown;
  organization?: { id: string; name: string };
}

export function getMe(
  db: Database.Database,
  caller: Caller,
  query: { expand?: unknown } = {},
  context: MeContext = {},
): User {
  if (caller.kind !== 'user' || !caller.userId) {
    throw badRequest(
      'This request requires a user context. Client credentials cannot be used for requests to this resource.',
    );
  }
  const all = parseExpand(query.expand, [...USER_EXPANDS, ...ME_EXPANDS]);
  const userExpands = all.filter((e) => (USER_EXPANDS as readonly string[]).includes(e));
  const row = cached(db, `${USER_SELECT} WHERE u.id = ?`).get(caller.userId) as UserRow | undefined;
  if (!row || row.state === 'deleted')
    throw new ApiError(404, 'not.found', 'The signed-in user no longer exists.', {
      entityId: caller.userId,
      entityName: 'user',
    });
  const me = toUser(row, userExpands, db, caller);
  const org = context.organization ?? { id: '00000000-0000-4000-8000-000000000000', name: 'Groups Demo Org' };
  for (const e of all) {
    switch (e) {
      case 'date':
        me.date = { currentDate: new Date().toISOString() };
        break;
      case 'organization':
        me.organization = {
          id: org.id,
          name: org.name,
          defaultLanguage: 'en-US',
          defaultCountryCode: 'US',
          domain: 'example.com',
          state: 'active',
          version: 1,
          selfUri: `/api/v2/organizations/${org.id}`,
        };
        break;
      case 'token':
        if (context.tokenInfo) me.token = context.tokenInfo();
        break;
      case 'presencedefinitions':
        me.presenceDefinitions = presenceDefinitions();
        break;
      case 'superiors':
        me.superiors = superiors(db, row, caller);
        break;
      case 'directreports': {
        const ids = cached(
          db,
          "SELECT id FROM users WHERE manager_id = ? AND state <> 'deleted' ORDER BY sort_name, id LIMIT 500",
        )
          .pluck()
          .all(row.id) as string[];
        me.directReports = usersByIds(db, ids, [], caller);
        break;
      }
      case 'routingskills':
      case 'routinglanguages': {
        const kind = e === 'routingskills' ? 'routing' : 'language';
        const list = cached(
          db,
          'SELECT skill_id AS id, skill_name AS name FROM user_skills WHERE user_id = ? AND kind = ? ORDER BY skill_name',
        ).all(row.id, kind) as Array<{ id: string; name: string }>;
        const mapped = list.map((s) => ({
          id: s.id,
          name: s.name,
          state: 'active',
          selfUri: `/api/v2/routing/${kind === 'routing' ? 'skills' : 'languages'}/${s.id}`,
        }));
        if (kind === 'routing') me.routingSkills = mapped;
        else me.routingLanguages = mapped;
        break;
      }
      case 'favorites':
      case 'trustors':
      case 'orgauthorization':
      case 'orgproducts':
      case 'locationdefinitions':
      case 'divisionedpresencedefinitions':
        me[
          {
            favorites: 'favorites',
            trustors: 'trustors',
            orgauthorization: 'orgAuthorization',
            orgproducts: 'orgProducts',
            locationdefinitions: 'locationDefinitions',
            divisionedpresencedefinitions: 'divisionedPresenceDefinitions',
          }[e]
        ] = [];
        break;
      case 'adjacents': {
        const peers = row.manager_id
          ? (cached(
              db,
              "SELECT id FROM users WHERE manager_id = ? AND id <> ? AND state <> 'deleted' ORDER BY sort_name, id LIMIT 100",
            )
              .pluck()
              .all(row.manager_id, row.id) as string[])
          : [];
        me.adjacents = {
          superiors: superiors(db, row, caller).slice(0, 1),
          siblings: usersByIds(db, peers, [], caller),
          directReports: [],
        };
        break;
      }
      case 'autoanswersettings':
        me.autoAnswerSettings = { settings: {} };
        break;
      case 'geolocationsettings':
        me.geolocationSettings = {
          id: org.id,
          name: 'Geolocation settings',
          enabled: true,
          mapboxKey: '',
          selfUri: '/api/v2/geolocations/settings',
        };
        break;
      default:
        // fieldconfigs, logCapture: nothing to add in this org.
        break;
    }
  }
  return me;
}

/**
 * The org's presence definitions: the seed's fixed catalogue (the same ids the users' presences point
 * at), one per system presence, in the order of SYSTEM_PRESENCES.
 */
let presenceCatalogue: ReturnType<typeof catalogue>['presenceDefinitions'] | undefined;

function presenceDefinitions() {
  presenceCatalogue ??= catalogue().presenceDefinitions;
  return presenceCatalogue.map((p) => ({
    id: p.id,
    name: p.systemPresence,
    languageLabels: { en_US: p.systemPresence },
    systemPresence: p.systemPresence,
    primary: true,
    deactivated: false,
    selfUri: `/api/v2/presencedefinitions/${p.id}`,
  }));
}

function superiors(db: Database.Database, row: UserRow, caller: Caller): User[] {
  const chain: string[] = [];
  let next = row.manager_id;
  while (next && chain.length < 20 && !chain.includes(next) && next !== row.id) {
    chain.push(next);
    next = cached(db, 'SELECT manager_id FROM users WHERE id = ?').pluck().get(next) as string | null;
  }
  return usersByIds(db, chain, [], caller);
}

// ---------------------------------------------------------------------------------------------
// Search (the member picker)

export const USER_SEARCH_FIELDS: FieldMap = {
  id: { kind: 'id', sql: 'u.id' },
  name: { kind: 'text', sql: 'u.name', folded: 'u.sort_name' },
  email: { kind: 'text', sql: 'u.email' },
  username: { kind: 'text', sql: 'u.username' },
  title: { kind: 'text', sql: 'u.title' },
  department: { kind: 'text', sql: 'u.department' },
  state: { kind: 'enum', sql: 'u.state' },
  'division.id': { kind: 'id', sql: 'u.division_id' },
  'manager.id': { kind: 'id', sql: 'u.manager_id' },
  dateLastLogin: { kind: 'date', sql: 'u.date_last_login' },
};

/** Fields a QUERY_STRING criterion searches when it names none. */
export const QUERY_STRING_DEFAULT_FIELDS = ['name', 'email', 'username', 'title', 'department'];

export const USER_SORT_FIELDS = {
  name: 'u.sort_name',
  email: 'u.email',
  title: 'u.title',
  department: 'u.department',
  dateLastLogin: 'u.date_last_login',
} as const;

export type UsersSearchResponse = SearchResponse<User>;

export interface UserSearchRequest extends SearchRequestBase {
  integrationPresenceSource?: string;
  enforcePermissions?: boolean;
}

const MAX_QUERY_STRING_TERMS = 20;

/** Splits a QUERY_STRING value into terms: `word`, `field:word`, `"a phrase"`, `-word`, and the words AND / OR. */
function queryStringTerms(value: string): Array<{ text: string; field?: string; phrase: boolean; negate: boolean }> {
  const out: Array<{ text: string; field?: string; phrase: boolean; negate: boolean }> = [];
  const re = /(-?)(?:([A-Za-z][\w.]*):)?(?:"([^"]*)"|(\S+))/g;
  for (const m of value.matchAll(re)) {
    const phrase = m[3] !== undefined;
    const text = ((phrase ? m[3] : m[4]) ?? '').replace(/\*+$/, '');
    if (!text) continue;
    out.push({ text, field: m[2], phrase, negate: m[1] === '-' });
  }
  return out;
}

/** Rewrites QUERY_STRING criteria (which the shared compiler does not know) into nested criteria groups. */
export function expandQueryStrings(
  criteria: SearchCriteria[] | undefined,
  path = 'query',
): SearchCriteria[] | undefined {
  if (!Array.isArray(criteria)) return criteria;
  return criteria.map((c, i) => {
    if (!c || typeof c !== 'object') return c;
    const p = `${path}[${i}]`;
    const group = Array.isArray(c.group) ? expandQueryStrings(c.group, `${p}.group`) : c.group;
    if (typeof c.type !== 'string' || c.type.toUpperCase() !== 'QUERY_STRING')
      return group === c.group ? c : { ...c, group };
    if (typeof c.value !== 'string' || c.value.trim() === '') {
      throw badRequest('A QUERY_STRING criterion needs a value.', [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    }
    const fields = Array.isArray(c.fields) && c.fields.length ? c.fields : QUERY_STRING_DEFAULT_FIELDS;
    const terms = queryStringTerms(c.value);
    const anyOf = terms.some((t) => t.text === 'OR' && !t.phrase && !t.field);
    const words = terms.filter((t) => t.phrase || t.field || (t.text !== 'OR' && t.text !== 'AND'));
    if (words.length === 0)
      throw badRequest('The QUERY_STRING value holds no search terms.', [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    if (words.length > MAX_QUERY_STRING_TERMS)
      throw badRequest(`A QUERY_STRING may hold at most ${MAX_QUERY_STRING_TERMS} terms.`, [
        { errorCode: 'bad.request', fieldName: `${p}.value` },
      ]);
    const inner: SearchCriteria[] = words.map((t) => ({
      type: t.phrase ? 'CONTAINS' : 'TERM',
      fields: t.field ? [t.field] : fields,
      value: t.text,
      operator: t.negate ? 'NOT' : anyOf ? 'OR' : 'AND',
    }));
    const own: SearchCriteria = {
      type: 'MATCH_ALL',
      group: inner,
      ...(c.operator !== undefined ? { operator: c.operator } : {}),
    };
    return group && group.length
      ? {
          type: 'MATCH_ALL',
          operator: c.operator,
          group: [
            { ...own, operator: 'AND' },
            { type: 'MATCH_ALL', group, operator: 'AND' },
          ],
        }
      : own;
  });
}

/** Whether any criterion (at any depth) names the `state` field. */
function mentionsState(criteria: SearchCriteria[] | undefined): boolean {
  if (!Array.isArray(criteria)) return false;
  return criteria.some(
    (c) => !!c && ((Array.isArray(c.fields) && c.fields.includes('state')) || mentionsState(c.group)),
  );
}

const SEARCH_KEYS = [
  'sortOrder',
  'sortBy',
  'pageSize',
  'pageNumber',
  'sort',
  'query',
  'expand',
  'integrationPresenceSource',
  'enforcePermissions',
] as const;

/** POST /users/search. `expandOverride` (from GET …?q64=&expand=) replaces the request's expand when given. */
export function searchUsers(
  db: Database.Database,
  caller: Caller,
  request: unknown,
  expandOverride?: string[],
): UsersSearchResponse {
  if (!caller.permissions.has(USER_VIEW)) throw missingAnyPermissions([USER_VIEW]);
  assertSearchRequestShape<UserSearchRequest>(request, {
    strings: ['integrationPresenceSource'],
    booleans: ['enforcePermissions'],
  });
  const expand = expandOverride?.length ? expandOverride : parseExpand(request.expand);
  registerSearchFunctions(db);
  const { pageSize, pageNumber, offset } = searchPaging(request);
  const criteria = compileCriteria(expandQueryStrings(request.query), USER_SEARCH_FIELDS);
  const orderBy = compileSort(request, USER_SORT_FIELDS, 'u.id');
  const stateFilter = mentionsState(request.query) ? "u.state <> 'deleted'" : "u.state = 'active'";
  const where = `${stateFilter} AND ${criteria.where}`;
  // Search SQL varies with the criteria: statements come from a bounded set; the total is kept until a write.
  const total = cachedCount(db, `SELECT COUNT(*) FROM users u WHERE ${where}`, criteria.params);
  const rows =
    offset >= total
      ? []
      : (preparedBounded(db, `${USER_SELECT} WHERE ${where} ${orderBy} LIMIT ? OFFSET ?`).all(
          ...criteria.params,
          pageSize,
          offset,
        ) as UserRow[]);
  const base: Record<string, unknown> = {};
  for (const k of SEARCH_KEYS) if (request[k] !== undefined) base[k] = request[k];
  if (expand.length) base.expand = expand;
  else delete base.expand;
  return searchResponse(
    `${USERS_PATH}/search`,
    { ...base, types: ['users'] },
    { total, pageSize, pageNumber },
    'users',
    toUsers(db, rows, expand, caller),
  );
}

/** GET /users/search?q64=…[&expand=…]. */
export function searchUsersByQ64(
  db: Database.Database,
  caller: Caller,
  q64: unknown,
  expand?: unknown,
): UsersSearchResponse {
  if (!caller.permissions.has(USER_VIEW)) throw missingAnyPermissions([USER_VIEW]);
  if (typeof q64 !== 'string')
    throw badRequest('The q64 parameter is required.', [{ errorCode: 'bad.request', fieldName: 'q64' }]);
  const decoded = decodeQ64(q64);
  const { types, returnFields: _rf, aggregations: _ag, ...request } = decoded;
  if (types !== undefined && !(Array.isArray(types) && types.every((t) => t === 'users'))) {
    throw badRequest('This q64 value is not a users search.', [{ errorCode: 'bad.request', fieldName: 'q64' }]);
  }
  return searchUsers(db, caller, request, parseExpand(expand));
}
