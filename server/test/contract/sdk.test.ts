/**
 * The official Genesys Cloud JavaScript SDK (purecloud-platform-client-v2) driven against the
 * embedded server, pointed at it with the documented gateway override. Every GroupsApi method the
 * console uses, the UsersApi and TokensApi neighbours, client-credentials sign-in, and the error
 * shapes the SDK hands to callers. Bodies are also checked against openapi/groups.yaml.
 *
 * The SDK's ApiClient is a process-wide singleton: it is configured once, in beforeAll, and the
 * tests below run in order (they share its token and its extended-responses switch).
 */
import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectResponseMatches } from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startServer>>;

/** What the SDK resolves and rejects with after setReturnExtendedResponses(true). */
interface Extended<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
  error: unknown;
}

interface ErrorBodyShape {
  message: string;
  code: string;
  status: number;
  contextId?: string;
  messageParams?: Record<string, string>;
}

let server: Server;
/** The demo-admin client-credentials token the SDK signed in with. */
let adminToken = '';
const client = platformClient.ApiClient.instance;
const groups = new platformClient.GroupsApi();
const users = new platformClient.UsersApi();
const tokensApi = new platformClient.TokensApi();

/** Awaits an SDK call in extended mode, resolved or rejected, and checks the body against the document. */
async function ext<T = Record<string, unknown>>(operationId: string, promise: Promise<unknown>): Promise<Extended<T>> {
  let result: Extended<T>;
  try {
    result = (await promise) as Extended<T>;
  } catch (error) {
    if (!error || typeof error !== 'object' || !('status' in error)) throw error;
    result = error as Extended<T>;
  }
  // The SDK turns an empty body into '' (or undefined): the document's "no content".
  expectResponseMatches(operationId, result.status, result.body === '' ? undefined : result.body);
  return result;
}

/** Expects an extended rejection with an ErrorBody of that status and code. */
function expectError(result: Extended<unknown>, status: number, code?: string): ErrorBodyShape {
  const body = result.body as ErrorBodyShape;
  expect(result.status, JSON.stringify(body)).toBe(status);
  expect(body.status).toBe(status);
  expect(typeof body.message).toBe('string');
  if (code) expect(body.code).toBe(code);
  expect(body.contextId).toBe(result.headers['inin-correlation-id']);
  return body;
}

/** Runs `fn` with plain (not extended) responses, as most SDK users have them. */
async function plain<T>(fn: () => Promise<T>): Promise<T> {
  client.setReturnExtendedResponses(false);
  try {
    return await fn();
  } finally {
    client.setReturnExtendedResponses(true);
  }
}

let counter = 0;
const newGroupBody = (overrides: Record<string, unknown> = {}) => ({
  name: `SDK group ${process.pid}-${++counter}`,
  type: 'official' as const,
  visibility: 'public' as const,
  rulesVisible: true,
  ...overrides,
});

beforeAll(async () => {
  server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
  const port = Number(new URL(server.url).port);
  // Keep a developer's ~/.genesyscloudjavascript/config from resetting the gateway.
  client.config.setConfigPath('/nonexistent');
  client.setGateway({ host: '127.0.0.1', protocol: 'http', port });
  client.setReturnExtendedResponses(true);
});

afterAll(async () => {
  client.setGateway(undefined as never);
  await server?.close();
});

describe('sign-in with the SDK', () => {
  it('loginClientCredentialsGrant posts to /oauth/token on the gateway origin and sets the token', async () => {
    const auth = await client.loginClientCredentialsGrant('demo-admin', 'demo-admin-secret');
    expect(auth.accessToken).toBeTruthy();
    adminToken = auth.accessToken;
    expect(auth.tokenExpiryTime).toBeGreaterThan(Date.now());
    const info = await ext('getTokenInfo', tokensApi.getTokensMe());
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ OAuthClient: { id: 'demo-admin' } });
  });

  it('rejects a wrong client secret with a 401 ErrorBody bad.credentials', async () => {
    const error = (await client.loginClientCredentialsGrant('demo-admin', 'wrong-secret').then(
      () => undefined,
      (e: unknown) => e,
    )) as { response?: { status: number; data: ErrorBodyShape } } | undefined;
    expect(error, 'the login should have been rejected').toBeDefined();
    expect(error?.response?.status).toBe(401);
    expect(error?.response?.data).toMatchObject({ code: 'bad.credentials', status: 401 });
    expect(typeof error?.response?.data.message).toBe('string');
    // The earlier token is still the one in use.
    const info = await ext('getTokenInfo', tokensApi.getTokensMe());
    expect(info.body).toMatchObject({ OAuthClient: { id: 'demo-admin' } });
    const unknownClient = (await client.loginClientCredentialsGrant('no-such-client', 'x').then(
      () => undefined,
      (e: unknown) => e,
    )) as { response?: { status: number; data: ErrorBodyShape } } | undefined;
    expect(unknownClient?.response?.status).toBe(401);
  });
});

describe('GroupsApi', () => {
  it('getGroups pages, filters by id and sorts', async () => {
    const page = await ext<{
      entities: Array<{ id: string; name: string }>;
      total: number;
      pageSize: number;
      nextUri?: string;
    }>('listGroups', groups.getGroups({ pageSize: 10, pageNumber: 2 }));
    expect(page.status).toBe(200);
    expect(page.body.entities).toHaveLength(10);
    expect(page.body.pageSize).toBe(10);
    expect(page.body.total).toBeGreaterThanOrEqual(300);
    // id[] goes over the wire comma-joined.
    const byId = await ext<{ entities: Array<{ id: string }> }>(
      'listGroups',
      groups.getGroups({ id: [DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id], pageSize: 25 }),
    );
    expect(byId.body.entities.map((g) => g.id).sort()).toEqual([DEMO_GROUPS.allStaff.id, DEMO_GROUPS.social.id].sort());
    const desc = await ext<{ entities: Array<{ name: string }> }>(
      'listGroups',
      groups.getGroups({ pageSize: 20, sortOrder: 'descending' }),
    );
    const names = desc.body.entities.map((g) => g.name.toLowerCase());
    expect([...names].sort().reverse()).toEqual(names);
  });

  it('postGroups, getGroup, putGroup, deleteGroup: the whole life of a group', async () => {
    const created = await ext<{ id: string; version: number; name: string }>(
      'createGroup',
      groups.postGroups(newGroupBody({ ownerIds: [PERSONAS.owner.id], description: 'via the SDK' })),
    );
    expect(created.status).toBe(200);
    expect(created.body.version).toBe(1);
    const id = created.body.id;

    const got = await ext<{ id: string; owners: Array<{ id: string }> }>('getGroup', groups.getGroup(id));
    expect(got.status).toBe(200);
    expect(got.body.owners.map((o) => o.id)).toEqual([PERSONAS.owner.id]);

    const put = await ext<{ version: number; description: string }>(
      'updateGroup',
      groups.putGroup(id, { body: { version: 1, name: created.body.name, description: 'changed' } }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, description: 'changed' });

    // A stale version: 409 conflict.
    const stale = await ext('updateGroup', groups.putGroup(id, { body: { version: 1, description: 'stale' } }));
    expectError(stale, 409, 'conflict');

    // putGroup without a body sends none: 400.
    const noBody = await ext('updateGroup', groups.putGroup(id));
    expectError(noBody, 400, 'bad.request');

    const del = await ext('deleteGroup', groups.deleteGroup(id));
    expect(del.status).toBe(204);
    expect([undefined, null, ''].includes(del.body as unknown as string)).toBe(true);
    expectError(await ext('getGroup', groups.getGroup(id)), 404, 'not.found');
  });

  it('getGroupMembers with expand arrays, postGroupMembers, deleteGroupMembers, getGroupIndividuals', async () => {
    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    const id = created.body.id;
    const someUsers = await ext<{ entities: Array<{ id: string }> }>('listUsers', users.getUsers({ pageSize: 60 }));
    const userIds = someUsers.body.entities
      .map((u) => u.id)
      .filter((u) => !Object.values(PERSONAS).some((p) => p.id === u));

    const add = await ext(
      'addGroupMembers',
      groups.postGroupMembers(id, { memberIds: userIds.slice(0, 3), version: 1 }),
    );
    expect(add.status).toBe(202);
    expect(add.body).toEqual({});

    const members = await ext<{ entities: Array<Record<string, unknown>>; total: number }>(
      'listGroupMembers',
      groups.getGroupMembers(id, { pageSize: 25, expand: ['presence', 'routingStatus'] }),
    );
    expect(members.status).toBe(200);
    expect(members.body.total).toBe(3);
    for (const user of members.body.entities) {
      expect(user.presence).toBeDefined();
      expect(user.routingStatus).toBeDefined();
    }

    const individuals = await ext<{ entities: Array<{ id: string }> }>(
      'listGroupIndividuals',
      groups.getGroupIndividuals(id),
    );
    expect(individuals.body.entities.map((u) => u.id).sort()).toEqual(userIds.slice(0, 3).sort());

    // deleteGroupMembers(groupId, 'a,b') sends ?ids=a,b.
    const remove = await ext('removeGroupMembers', groups.deleteGroupMembers(id, `${userIds[0]},${userIds[1]}`));
    expect(remove.status).toBe(202);
    expect(remove.body).toEqual({});
    const after = await ext<{ memberCount: number; version: number }>('getGroup', groups.getGroup(id));
    expect(after.body.memberCount).toBe(1);

    // 51 member ids: 400.
    const tooMany = await ext('addGroupMembers', groups.postGroupMembers(id, { memberIds: userIds.slice(0, 51) }));
    expectError(tooMany, 400, 'bad.request');
    const tooManyIds = await ext('removeGroupMembers', groups.deleteGroupMembers(id, userIds.slice(0, 51).join(',')));
    expectError(tooManyIds, 400, 'bad.request');
    // A stale version on members: 409.
    const stale = await ext(
      'addGroupMembers',
      groups.postGroupMembers(id, { memberIds: [userIds[5] as string], version: 1 }),
    );
    expectError(stale, 409, 'conflict');
    // An unknown expand value: 400.
    const badExpand = await ext(
      'listGroupMembers',
      groups.getGroupMembers(id, { expand: ['presence', 'clairvoyance'] }),
    );
    expect(badExpand.status).toBe(400);
  });

  it('getGroupProfile and getProfilesGroups', async () => {
    const profile = await ext<{ id: string; version: number }>(
      'getGroupProfile',
      groups.getGroupProfile(DEMO_GROUPS.allStaff.id, { fields: 'name' }),
    );
    expect(profile.status).toBe(200);
    expect(profile.body.id).toBe(DEMO_GROUPS.allStaff.id);
    const profiles = await ext<{ entities: unknown[] }>('listGroupProfiles', groups.getProfilesGroups({ pageSize: 5 }));
    expect(profiles.status).toBe(200);
    expect(profiles.body.entities).toHaveLength(5);
  });

  it('postGroupsSearch, then getGroupsSearch with the q64 of its nextPage', async () => {
    const first = await ext<{ total: number; pageCount: number; nextPage: string; results: Array<{ id: string }> }>(
      'searchGroups',
      groups.postGroupsSearch({
        pageSize: 5,
        pageNumber: 1,
        sortOrder: 'ASC',
        sortBy: 'name',
        query: [{ type: 'EXACT', fields: ['type'], value: 'official' }],
      }),
    );
    expect(first.status).toBe(200);
    expect(first.body.pageCount).toBeGreaterThan(1);
    const q64 = new URL(first.body.nextPage, server.url).searchParams.get('q64');
    expect(q64).toBeTruthy();
    const second = await ext<{ pageNumber: number; results: Array<{ id: string }> }>(
      'searchGroupsByQ64',
      groups.getGroupsSearch(q64 as string),
    );
    expect(second.status).toBe(200);
    expect(second.body.pageNumber).toBe(2);
    expect(second.body.results.some((g) => first.body.results.some((f) => f.id === g.id))).toBe(false);
    // An enum value outside its list: invalid.value.
    const invalid = await ext(
      'searchGroups',
      groups.postGroupsSearch({ query: [{ type: 'SIMILAR' as never, fields: ['name'], value: 'x' }] }),
    );
    expectError(invalid, 400, 'invalid.value');
    const badQ64 = await ext('searchGroupsByQ64', groups.getGroupsSearch('!!!'));
    expectError(badQ64, 400, 'bad.request');
  });

  it('getFieldconfig', async () => {
    const config = await ext<{ entityType: string; sections: unknown[] }>(
      'getFieldConfig',
      groups.getFieldconfig('group'),
    );
    expect(config.status).toBe(200);
    expect(config.body.entityType).toBe('group');
    expect(config.body.sections.length).toBeGreaterThan(0);
    expect((await ext('getFieldConfig', groups.getFieldconfig('starship'))).status).toBe(400);
  });

  it('dynamic settings: preview, put, get, delete', async () => {
    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    const id = created.body.id;
    const query = {
      skillConditions: [
        {
          operation: 'Or' as const,
          routingSkillConditions: [],
          languageSkillConditions: [
            {
              languageSkill: 'Spanish',
              comparator: 'GreaterThanOrEqualTo' as const,
              proficiency: 3,
            },
          ],
        },
      ],
    };
    const preview = await ext<{ userCount: number }>(
      'previewDynamicGroup',
      groups.postGroupsDynamicsettingsPreview(query),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);
    const put = await ext('updateGroupDynamicSettings', groups.putGroupDynamicsettings(id, query));
    expect(put.status).toBe(204);
    const get = await ext<{ group: { id: string }; query: unknown }>(
      'getGroupDynamicSettings',
      groups.getGroupDynamicsettings(id),
    );
    expect(get.status).toBe(200);
    expect(get.body.group.id).toBe(id);
    expect(get.body.query).toMatchObject(query);
    const group = await ext<{ memberCount: number }>('getGroup', groups.getGroup(id));
    expect(group.body.memberCount).toBe(preview.body.userCount);
    const del = await ext('deleteGroupDynamicSettings', groups.deleteGroupDynamicsettings(id));
    expect(del.status).toBe(204);
    expectError(await ext('getGroupDynamicSettings', groups.getGroupDynamicsettings(id)), 404, 'not.found');
  });

  it('errors: 404 for an unknown id, invalid.value for a bad enum, 400 for a missing field', async () => {
    expectError(await ext('getGroup', groups.getGroup('00000000-0000-0000-0000-000000000000')), 404, 'not.found');
    // Path params are percent-encoded by the SDK: an id with a slash is one (unknown) id.
    expectError(await ext('getGroup', groups.getGroup('gid 1/x')), 404, 'not.found');
    expectError(
      await ext('createGroup', groups.postGroups(newGroupBody({ visibility: 'hidden' as never }))),
      400,
      'invalid.value',
    );
    expectError(
      await ext(
        'createGroup',
        groups.postGroups({ type: 'official', visibility: 'public', rulesVisible: true } as never),
      ),
      400,
      'bad.request',
    );
  });

  it('the viewer client gets 403 missing.any.permissions on postGroups', async () => {
    await client.loginClientCredentialsGrant('demo-viewer', 'demo-viewer-secret');
    try {
      const res = await ext('createGroup', groups.postGroups(newGroupBody()));
      const body = expectError(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(body.messageParams ?? {})).toContain('directory:group:add');
      // Reading is fine.
      expect((await ext('listGroups', groups.getGroups({ pageSize: 1 }))).status).toBe(200);
    } finally {
      client.setAccessToken(adminToken);
    }
  });

  it('without extended responses the SDK resolves the JSON and rejects with the ErrorBody itself', async () => {
    const group = (await plain(() => groups.getGroup(DEMO_GROUPS.social.id))) as { id: string; name: string };
    expect(group).toMatchObject({ id: DEMO_GROUPS.social.id, name: DEMO_GROUPS.social.name });
    const rejection = await plain(() =>
      groups.getGroup('does-not-exist').then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(rejection).toMatchObject({ status: 404, code: 'not.found' });
    expect(typeof (rejection as ErrorBodyShape).message).toBe('string');
    const created = (await plain(() => groups.postGroups(newGroupBody()))) as { id: string };
    // 204 → undefined.
    const deleted = await plain(() => groups.deleteGroup(created.id));
    expect(deleted === undefined || (deleted as unknown) === '').toBe(true);
  });

  it('throws the "Missing the required parameter" string synchronously for an empty groupId', () => {
    let thrown: unknown;
    try {
      void groups.getGroup('');
    } catch (e) {
      thrown = e;
    }
    expect(typeof thrown).toBe('string');
    expect(thrown).toBe('Missing the required parameter "groupId" when calling getGroup');
    let thrownMembers: unknown;
    try {
      void groups.deleteGroupMembers(DEMO_GROUPS.small.id, undefined as never);
    } catch (e) {
      thrownMembers = e;
    }
    expect(String(thrownMembers)).toContain('Missing the required parameter "ids"');
  });
});

describe('UsersApi and TokensApi', () => {
  it('getUsersMe(expand authorization) answers user tokens with their permissions; client tokens get 400', async () => {
    // A client-credentials token cannot call users/me.
    const asClient = await ext('getMe', users.getUsersMe({ expand: ['authorization'] }));
    expectError(asClient, 400);
    client.setAccessToken(server.tokenFor('editor'));
    try {
      const me = await ext<{ id: string; authorization: { permissions: string[] } }>(
        'getMe',
        users.getUsersMe({ expand: ['authorization'] }),
      );
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(PERSONAS.editor.id);
      expect([...me.body.authorization.permissions].sort()).toEqual([...PERSONAS.editor.permissions].sort());
      const token = await ext<{ organization: { id: string } }>('getTokenInfo', tokensApi.getTokensMe());
      expect(token.status).toBe(200);
      expect(token.body.organization.id).toBeTruthy();
    } finally {
      client.setAccessToken(adminToken);
    }
  });

  it('getUsers, getUser (expand groups), postUsersSearch and getUsersSearch', async () => {
    const list = await ext<{ entities: Array<{ id: string }>; total: number }>(
      'listUsers',
      users.getUsers({ pageSize: 10, expand: ['presence'] }),
    );
    expect(list.status).toBe(200);
    expect(list.body.entities).toHaveLength(10);
    expect(list.body.total).toBeGreaterThanOrEqual(2000);

    const user = await ext<{ id: string; groups?: Array<{ id: string }> }>(
      'getUser',
      users.getUser(PERSONAS.supervisor.id, { expand: ['groups'] }),
    );
    expect(user.status).toBe(200);
    expect(user.body.groups?.map((g) => g.id)).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expectError(await ext('getUser', users.getUser('no-such-user')), 404, 'not.found');

    const search = await ext<{ total: number; results: Array<{ id: string }>; nextPage?: string; currentPage: string }>(
      'searchUsers',
      users.postUsersSearch({ pageSize: 1, query: [{ type: 'STARTS_WITH', fields: ['email'], value: 'admin@' }] }),
    );
    expect(search.status).toBe(200);
    expect(search.body.results.map((u) => u.id)).toContain(PERSONAS.admin.id);
    const q64 = new URL(search.body.currentPage, server.url).searchParams.get('q64') as string;
    const again = await ext<{ results: Array<{ id: string }> }>('searchUsersByQ64', users.getUsersSearch(q64));
    expect(again.status).toBe(200);
    expect(again.body.results.map((u) => u.id)).toEqual(search.body.results.map((u) => u.id));
  });
});

describe('PresenceApi', () => {
  it('patchUserPresence sets the signed-in user’s own presence; others’ need presence:userPresence:edit', async () => {
    const presence = new platformClient.PresenceApi();
    client.setAccessToken(server.tokenFor('supervisor'));
    try {
      const definitions = (
        await ext<{ presenceDefinitions: Array<{ id: string; systemPresence: string }> }>(
          'getMe',
          users.getUsersMe({ expand: ['presencedefinitions'] }),
        )
      ).body.presenceDefinitions;
      const busy = definitions.find((d) => d.systemPresence === 'Busy');
      expect(busy).toBeDefined();
      const set = await ext<{ presenceDefinition: { id: string; systemPresence: string }; message?: string }>(
        'patchUserPresence',
        presence.patchUserPresence(PERSONAS.supervisor.id, 'PURECLOUD', {
          presenceDefinition: { id: busy?.id },
          message: 'From the SDK',
        }),
      );
      expect(set.status).toBe(200);
      expect(set.body.presenceDefinition).toMatchObject({ id: busy?.id, systemPresence: 'Busy' });
      expect(set.body.message).toBe('From the SDK');
      expectError(
        await ext(
          'patchUserPresence',
          presence.patchUserPresence(PERSONAS.supervisor.id, 'PURECLOUD', { presenceDefinition: { id: 'nope' } }),
        ),
        400,
        'invalid.value',
      );
    } finally {
      client.setAccessToken(adminToken);
    }
    expectError(
      await ext(
        'patchUserPresence',
        presence.patchUserPresence(PERSONAS.supervisor.id, 'PURECLOUD', { message: 'not mine to set' }),
      ),
      403,
      'missing.any.permissions',
    );
  });
});

describe('AuditApi', () => {
  const audit = new platformClient.AuditApi();
  const recent = () =>
    `${new Date(Date.now() - 60 * 60_000).toISOString()}/${new Date(Date.now() + 60_000).toISOString()}`;

  it('getAuditsQueryRealtimeServicemapping and postAuditsQueryRealtime read a group’s history as the console does', async () => {
    const mapping = await ext<{
      services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
    }>('getAuditRealtimeServiceMapping', audit.getAuditsQueryRealtimeServicemapping());
    expect(mapping.status).toBe(200);
    expect(mapping.body.services[0]).toMatchObject({ name: 'Directory', entities: [{ name: 'Group' }] });

    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    await ext(
      'updateGroup',
      groups.putGroup(created.body.id, { body: { version: 1, description: 'Described by the SDK' } }),
    );
    const page = await ext<{
      entities: Array<{ action: string; propertyChanges: unknown[]; client: { id: string } }>;
      total: number;
    }>(
      'queryAuditsRealtime',
      audit.postAuditsQueryRealtime(
        {
          interval: recent(),
          serviceName: 'Directory',
          filters: [{ property: 'EntityId', value: created.body.id }],
          sort: [{ name: 'Timestamp', sortOrder: 'descending' }],
          pageSize: 10,
        },
        { expand: ['user'] },
      ),
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.entities.map((e) => e.action)).toEqual(['Update', 'Create']);
    expect(page.body.entities[0]!.propertyChanges).toEqual([
      { property: 'description', oldValues: [], newValues: ['Described by the SDK'] },
    ]);
    expect(page.body.entities[0]!.client.id).toBe('demo-admin');

    expectError(
      await ext(
        'queryAuditsRealtime',
        audit.postAuditsQueryRealtime({ interval: 'last week', serviceName: 'Directory' }),
      ),
      400,
      'bad.request',
    );
  });

  it('postAuditsQuery, getAuditsQueryTransactionId and getAuditsQueryTransactionIdResults page an asynchronous query', async () => {
    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    for (let version = 1; version <= 3; version++)
      await ext(
        'updateGroup',
        groups.putGroup(created.body.id, { body: { version, description: `Version ${version + 1}` } }),
      );
    const execution = await ext<{ id: string; state: string }>(
      'createAuditQuery',
      audit.postAuditsQuery({
        interval: recent(),
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: created.body.id }],
        sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
      }),
    );
    expect(execution.status).toBe(200);
    let state = execution.body.state;
    for (let i = 0; i < 20 && state !== 'Succeeded'; i++) {
      state = (
        await ext<{ state: string }>('getAuditQueryStatus', audit.getAuditsQueryTransactionId(execution.body.id))
      ).body.state;
    }
    expect(state).toBe('Succeeded');
    const actions: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ext<{ entities: Array<{ action: string }>; cursor?: string }>(
        'getAuditQueryResults',
        audit.getAuditsQueryTransactionIdResults(execution.body.id, { pageSize: 3, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.status).toBe(200);
      actions.push(...page.body.entities.map((e) => e.action));
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 5);
    expect(actions).toEqual(['Create', 'Update', 'Update', 'Update']);
    expect(pages).toBe(2);
    expectError(await ext('getAuditQueryStatus', audit.getAuditsQueryTransactionId('no-such-query')), 404, 'not.found');
  });

  it('answers 403 to a caller without audits:audit:view', async () => {
    client.setAccessToken(server.tokenFor('supervisor'));
    try {
      expectError(
        await ext('getAuditRealtimeServiceMapping', audit.getAuditsQueryRealtimeServicemapping()),
        403,
        'missing.any.permissions',
      );
    } finally {
      client.setAccessToken(adminToken);
    }
  });
});
