/**
 * Grants take effect through group membership: a user gains a role's permissions when they join a
 * roles-enabled group granted it (users/me, users/{id}, and the server's own checks on their next
 * request), and loses them when they leave, when the grant goes, or when the group's rolesEnabled turns
 * false. Grant changes write GrantAdd / GrantRemove audit records in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS, ROLES } from '../../src/db/seed/personas.js';
import { allTokens, type TokenHolder, type UserBody } from '../support/fixtures.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { issueToken, startServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startServer>>;

let server: Server;
let call: ApiCall;
let tokens: Record<TokenHolder, string>;
/** An ordinary user who cannot edit groups, and their token. */
let user: UserBody & { email: string };
let userToken: string;
let home: string;
const GROUP = DEMO_GROUPS.groupAdministrators.id;
const TARGET = DEMO_GROUPS.social.id;

beforeAll(async () => {
  server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
  call = apiCaller(server.url);
  tokens = allTokens(server);
  home = (await call('getAuthorizationDivisionsHome', { token: tokens.admin })).body.id;
  const personaIds = new Set(Object.values(PERSONAS).map((p) => p.id));
  const users = await call('listUsers', {
    token: tokens.admin,
    query: { pageSize: 50, expand: ['authorization'] },
    validate: false,
  });
  user = users.body.entities.find(
    (u: UserBody & { authorization: { permissions: string[] } }) =>
      !personaIds.has(u.id) && !u.authorization.permissions.includes('directory:group:edit'),
  );
  expect(user).toBeDefined();
  userToken = issueToken(server.app, { email: user.email });
});

afterAll(async () => {
  await server?.close();
});

async function myPermissions(): Promise<{ permissions: string[]; roles: Array<{ id: string }> }> {
  const res = await call('getMe', { token: userToken, query: { expand: ['authorization'] } });
  expect(res.status, res.text).toBe(200);
  return res.body.authorization;
}

async function theirPermissions(): Promise<string[]> {
  const res = await call('getUser', {
    token: tokens.admin,
    params: { userId: user.id },
    query: { expand: ['authorization'] },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.authorization.permissions;
}

/** Renames the target group as the user: 200 when they may edit groups, 403 otherwise. */
async function tryEdit(): Promise<number> {
  const current = await call('getGroup', { token: tokens.admin, params: { groupId: TARGET } });
  const res = await call('updateGroup', {
    token: userToken,
    params: { groupId: TARGET },
    body: { version: current.body.version, name: `Lunchtime Running Club ${Date.now()}` },
  });
  if (res.status !== 200) expectErrorBody(res, 403, 'missing.any.permissions');
  return res.status;
}

const join = async () =>
  expect(
    (await call('addGroupMembers', { token: tokens.admin, params: { groupId: GROUP }, body: { memberIds: [user.id] } }))
      .status,
  ).toBe(202);
const leave = async () =>
  expect(
    (await call('removeGroupMembers', { token: tokens.admin, params: { groupId: GROUP }, query: { ids: [user.id] } }))
      .status,
  ).toBe(202);

describe('permissions inherited through a roles-enabled group', () => {
  it('gains the role on joining and loses it on leaving, on the next request', async () => {
    expect((await myPermissions()).permissions).not.toContain('directory:group:edit');
    expect(await tryEdit()).toBe(403);

    await join();
    const me = await myPermissions();
    expect(me.permissions).toContain('directory:group:edit');
    expect(me.roles.map((r) => r.id)).toContain(ROLES.groupEditor.id);
    expect(await theirPermissions()).toContain('directory:group:edit');
    expect(await tryEdit()).toBe(200);
    const permitted = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: userToken,
      query: { permission: 'directory:group:edit' },
    });
    expect(permitted.body.allDivsPermitted).toBe(true);

    await leave();
    expect((await myPermissions()).permissions).not.toContain('directory:group:edit');
    expect(await theirPermissions()).not.toContain('directory:group:edit');
    expect(await tryEdit()).toBe(403);
  });

  it('inherits nothing while the group has rolesEnabled false, and refuses new grants then', async () => {
    await join();
    expect(await tryEdit()).toBe(200);
    const group = await call('getGroup', { token: tokens.admin, params: { groupId: GROUP } });
    const off = await call('updateGroup', {
      token: tokens.admin,
      params: { groupId: GROUP },
      body: { version: group.body.version, rolesEnabled: false },
    });
    expect(off.status, off.text).toBe(200);
    expect((await myPermissions()).permissions).not.toContain('directory:group:edit');
    expect(await tryEdit()).toBe(403);
    const refused = await call('postAuthorizationSubjectDivisionRole', {
      token: tokens.wildcard,
      params: { subjectId: GROUP, divisionId: home, roleId: ROLES.reportingViewer.id },
      query: { subjectType: 'PC_GROUP' },
    });
    expectErrorBody(refused, 400, 'bad.request');

    const on = await call('updateGroup', {
      token: tokens.admin,
      params: { groupId: GROUP },
      body: { version: off.body.version, rolesEnabled: true },
    });
    expect(on.status, on.text).toBe(200);
    expect(await tryEdit()).toBe(200);
    await leave();
  });

  it('loses the permissions when the grant is removed from the group', async () => {
    await join();
    const remove = await call('deleteAuthorizationSubjectDivisionRole', {
      token: tokens.wildcard,
      params: { subjectId: GROUP, divisionId: '*', roleId: ROLES.groupEditor.id },
    });
    expect(remove.status, remove.text).toBe(204);
    expect(await tryEdit()).toBe(403);
    const add = await call('postAuthorizationSubjectBulkadd', {
      token: tokens.wildcard,
      params: { subjectId: GROUP },
      query: { subjectType: 'PC_GROUP' },
      body: { grants: [{ roleId: ROLES.groupEditor.id, divisionId: '*' }] },
    });
    expect(add.status, add.text).toBe(204);
    expect(await tryEdit()).toBe(200);
    await leave();
  });
});

describe('audit records of grant changes', () => {
  async function records(entityId: string, action: string) {
    const now = Date.now();
    const res = await call('queryAuditsRealtime', {
      token: tokens.admin,
      body: {
        interval: `${new Date(now - 3_600_000).toISOString()}/${new Date(now + 60_000).toISOString()}`,
        serviceName: 'Directory',
        filters: [
          { property: 'EntityId', value: entityId },
          { property: 'Action', value: action },
        ],
        pageSize: 100,
      },
    });
    expect(res.status, res.text).toBe(200);
    return res.body.entities as Array<Record<string, unknown>>;
  }

  it('records a grant to a user and its removal as User GrantAdd / GrantRemove, and no-ops not at all', async () => {
    const params = { subjectId: user.id, divisionId: home, roleId: ROLES.auditViewer.id };
    expect((await call('postAuthorizationSubjectDivisionRole', { token: tokens.wildcard, params })).status).toBe(204);
    expect((await call('postAuthorizationSubjectDivisionRole', { token: tokens.wildcard, params })).status).toBe(204);
    const added = await records(user.id, 'GrantAdd');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      serviceName: 'Directory',
      entityType: 'User',
      action: 'GrantAdd',
      entity: { id: user.id, selfUri: `/api/v2/users/${user.id}` },
      user: { id: PERSONAS.wildcard.id },
      context: { operation: 'postAuthorizationSubjectDivisionRole' },
      entityChanges: [
        {
          entityId: ROLES.auditViewer.id,
          entityName: 'Audit Viewer',
          entityType: 'Role',
          oldValues: [],
          newValues: [home],
        },
      ],
    });
    expect((await call('deleteAuthorizationSubjectDivisionRole', { token: tokens.wildcard, params })).status).toBe(204);
    const removed = await records(user.id, 'GrantRemove');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ entityChanges: [{ oldValues: [home], newValues: [] }] });
  });

  it('records a group grant as a Group GrantAdd, and a refused one not at all', async () => {
    const before = await records(GROUP, 'GrantAdd');
    const res = await call('postAuthorizationSubjectBulkadd', {
      token: tokens.wildcard,
      params: { subjectId: GROUP },
      query: { subjectType: 'PC_GROUP' },
      body: {
        grants: [
          { roleId: ROLES.reportingViewer.id, divisionId: home },
          { roleId: ROLES.reportingViewer.id, divisionId: '*' },
        ],
      },
    });
    expect(res.status, res.text).toBe(204);
    const after = await records(GROUP, 'GrantAdd');
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      entityType: 'Group',
      entity: { id: GROUP, name: 'Group Administrators', selfUri: `/api/v2/groups/${GROUP}` },
      entityChanges: [{ entityId: ROLES.reportingViewer.id, oldValues: [], newValues: ['*', home].sort() }],
    });
    const refused = await call('postAuthorizationSubjectBulkadd', {
      token: tokens.wildcard,
      params: { subjectId: DEMO_GROUPS.rolesDisabled.id },
      query: { subjectType: 'PC_GROUP' },
      body: { grants: [{ roleId: ROLES.reportingViewer.id, divisionId: home }] },
    });
    expectErrorBody(refused, 400);
    expect(await records(DEMO_GROUPS.rolesDisabled.id, 'GrantAdd')).toHaveLength(0);
  });
});
