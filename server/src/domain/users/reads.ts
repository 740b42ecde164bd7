/** Users: the user list, single users and the signed-in user (GET /users, /users/{id}, /users/me). */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { ApiError, badRequest, invalidValue } from '../../contract/errors.js';
import { catalogue } from '../../db/catalogue.js';
import { rememberedCount } from '../../db/read-memory.js';
import { cached } from '../../db/statements.js';
import { entityListing, parseIdFilters, parsePaging, type EntityListing } from '../search/paging.js';
import {
  ME_EXPANDS,
  USER_EXPANDS,
  usersByIds,
  parseExpand,
  toUser,
  toUsers,
  USER_SELECT,
  USERS_PATH,
  type User,
  type UserRow,
} from './users.js';

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
  const total = rememberedCount(db, `SELECT COUNT(*) FROM users u ${where}`, params);
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
