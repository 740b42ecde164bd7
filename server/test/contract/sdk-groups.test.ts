/**
 * The official SDK's GroupsApi against the embedded server: every GroupsApi method the console uses and
 * the error shapes the SDK hands to callers, signed in with the demo-admin client. Bodies are also
 * checked against openapi/groups.yaml.
 */
import platformClient from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectError, ext, newGroupBody, plain, sdkClient, sdkSuite, type ErrorBodyShape } from '../support/sdk.js';

const suite = sdkSuite({ extended: true, signIn: true });
const groups = new platformClient.GroupsApi();
const users = new platformClient.UsersApi();

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
    const q64 = new URL(first.body.nextPage, suite.server.url).searchParams.get('q64');
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
    await sdkClient.loginClientCredentialsGrant('demo-viewer', 'demo-viewer-secret');
    try {
      const res = await ext('createGroup', groups.postGroups(newGroupBody()));
      const body = expectError(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(body.messageParams ?? {})).toContain('directory:group:add');
      // Reading is fine.
      expect((await ext('listGroups', groups.getGroups({ pageSize: 1 }))).status).toBe(200);
    } finally {
      sdkClient.setAccessToken(suite.adminToken);
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
