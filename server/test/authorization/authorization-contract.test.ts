/**
 * Contract tests of the Authorization API (roles, divisions, subjects and grants) over HTTP, every answer
 * checked against openapi/groups.yaml: happy paths, 400, 403 and 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS, ROLES } from '../../src/db/seed/personas.js';
import { allTokens, type TokenHolder } from '../support/fixtures.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';

type Server = Awaited<ReturnType<typeof startServer>>;

let server: Server;
let call: ApiCall;
let tokens: Record<TokenHolder, string>;
let home: { id: string; name: string };
/** The wildcard persona holds `authorization:*:*`; the admin persona holds no authorization permission. */
const granter = () => tokens.wildcard;
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

beforeAll(async () => {
  server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
  call = apiCaller(server.url);
  tokens = allTokens(server);
  const res = await call('getAuthorizationDivisionsHome', { token: tokens.supervisor });
  expect(res.status, res.text).toBe(200);
  home = res.body;
});

afterAll(async () => {
  await server?.close();
});

describe('roles', () => {
  it('lists roles by name in the paging envelope, with permissions and user counts', async () => {
    const res = await call('getAuthorizationRoles', { token: granter(), query: { pageSize: 3, pageNumber: 2 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ pageSize: 3, pageNumber: 2, total: Object.keys(ROLES).length });
    expect(res.body.pageCount).toBe(Math.ceil(Object.keys(ROLES).length / 3));
    for (const key of ['firstUri', 'selfUri', 'lastUri', 'nextUri', 'previousUri'])
      expect(res.body[key], key).toMatch(/^\/api\/v2\/authorization\/roles\?/);
    const all = await call('getAuthorizationRoles', { token: granter(), query: { pageSize: 100 } });
    const names = all.body.entities.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const editor = all.body.entities.find((r: { id: string }) => r.id === ROLES.groupEditor.id);
    expect(editor.permissions).toEqual([...ROLES.groupEditor.permissions].sort());
    expect(editor.permissionPolicies).toContainEqual(
      expect.objectContaining({ domain: 'directory', entityName: 'group', actionSet: ['edit'] }),
    );
    // The editor persona directly, plus the Group Administrators' members through the group.
    expect(editor.userCount).toBeGreaterThanOrEqual(4);
  });

  it('filters by a part of the name, by id and by permission', async () => {
    const byName = await call('getAuthorizationRoles', { token: granter(), query: { name: 'group ED' } });
    expect(byName.body.entities.map((r: { id: string }) => r.id)).toEqual([ROLES.groupEditor.id]);
    const byId = await call('getAuthorizationRoles', {
      token: granter(),
      query: { id: [ROLES.auditViewer.id, ROLES.employee.id], userCount: false },
    });
    expect(byId.body.entities.map((r: { name: string }) => r.name)).toEqual(['Audit Viewer', 'Employee']);
    expect(byId.body.entities[0].userCount).toBeUndefined();
    const byPermission = await call('getAuthorizationRoles', {
      token: granter(),
      query: { permission: 'audits:audit:view' },
    });
    expect(byPermission.body.entities.map((r: { id: string }) => r.id).sort()).toEqual(
      [ROLES.auditViewer.id, ROLES.directoryAuditor.id].sort(),
    );
  });

  it('gets one role; an unknown one is 404', async () => {
    const res = await call('getAuthorizationRole', { token: granter(), params: { roleId: ROLES.auditViewer.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: ROLES.auditViewer.id,
      name: 'Audit Viewer',
      permissions: ['audits:audit:view'],
    });
    expectErrorBody(
      await call('getAuthorizationRole', { token: granter(), params: { roleId: UNKNOWN } }),
      404,
      'not.found',
    );
  });

  it('lists the subjects granted a role, users and groups, with their divisions', async () => {
    const res = await call('getAuthorizationRoleSubjectgrants', {
      token: granter(),
      params: { roleId: ROLES.groupEditor.id },
    });
    expect(res.status, res.text).toBe(200);
    const group = res.body.entities.find((s: { id: string }) => s.id === DEMO_GROUPS.groupAdministrators.id);
    expect(group).toMatchObject({ type: 'PC_GROUP', name: 'Group Administrators', divisions: [{ id: '*' }] });
    const user = res.body.entities.find((s: { id: string }) => s.id === PERSONAS.editor.id);
    expect(user).toMatchObject({ type: 'PC_USER', divisions: [{ id: home.id, name: home.name }] });
    expectErrorBody(
      await call('getAuthorizationRoleSubjectgrants', { token: granter(), params: { roleId: UNKNOWN } }),
      404,
      'not.found',
    );
  });

  it('needs authorization:role:view (403), and a page size within 1–500 (400)', async () => {
    for (const op of ['getAuthorizationRoles', 'getAuthorizationRole', 'getAuthorizationRoleSubjectgrants']) {
      const res = await call(op, { token: tokens.admin, params: { roleId: ROLES.employee.id } });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(res.body.messageParams.permissions).toBe('authorization:role:view');
    }
    expectErrorBody(await call('getAuthorizationRoles', { token: granter(), query: { pageSize: 501 } }), 400);
    expectErrorBody(await call('getAuthorizationRoles', { token: granter(), query: { pageNumber: 'x' } }), 400);
  });
});

describe('divisions', () => {
  it('lists divisions by name for any signed-in caller; exactly one is home', async () => {
    const res = await call('getAuthorizationDivisions', { token: tokens.supervisor, query: { pageSize: 100 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    expect(res.body.entities.filter((d: { homeDivision: boolean }) => d.homeDivision)).toEqual([
      expect.objectContaining({ id: home.id, name: 'Home' }),
    ]);
    const named = await call('getAuthorizationDivisions', { token: tokens.viewerClient, query: { name: 'emea' } });
    expect(named.body.entities.map((d: { name: string }) => d.name)).toEqual(['EMEA']);
    const byId = await call('getAuthorizationDivisions', { token: tokens.owner, query: { id: [home.id] } });
    expect(byId.body.entities).toHaveLength(1);
    expectErrorBody(await call('getAuthorizationDivisions', { token: tokens.owner, query: { pageSize: 0 } }), 400);
    expectErrorBody(await call('getAuthorizationDivisions', {}), 401, 'authentication.required');
  });

  it('answers the divisions in which the caller holds a permission', async () => {
    // The editor holds directory:group:edit in the home division (directly) and everywhere (through a group).
    const editor = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: tokens.editor,
      query: { permission: 'directory:group:edit' },
    });
    expect(editor.status, editor.text).toBe(200);
    expect(editor.body.allDivsPermitted).toBe(true);
    const divisions = await call('getAuthorizationDivisions', { token: tokens.editor, query: { pageSize: 100 } });
    expect(editor.body.total).toBe(divisions.body.total);
    // The admin holds directory:group:add in the home division only (wildcards aside: the wildcard persona).
    const admin = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: tokens.admin,
      query: { permission: 'directory:group:add' },
    });
    expect(admin.body).toMatchObject({ allDivsPermitted: false, total: 1, entities: [{ id: home.id }] });
    const wildcard = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: tokens.wildcard,
      query: { permission: 'directory:group:delete' },
    });
    expect(wildcard.body).toMatchObject({ allDivsPermitted: false, total: 1 });
    const none = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: tokens.supervisor,
      query: { permission: 'directory:group:add' },
    });
    expect(none.body).toMatchObject({ allDivsPermitted: false, total: 0, entities: [] });
    const client = await call('getAuthorizationDivisionspermittedPagedMe', {
      token: tokens.adminClient,
      query: { permission: 'directory:group:add' },
    });
    expect(client.body.allDivsPermitted).toBe(true);
    for (const permission of ['directory:group', 'directory:*:add', 'a:b:c:d'])
      expectErrorBody(
        await call('getAuthorizationDivisionspermittedPagedMe', { token: tokens.editor, query: { permission } }),
        400,
      );
    expectErrorBody(await call('getAuthorizationDivisionspermittedPagedMe', { token: tokens.editor }), 400);
  });
});

describe('subjects and grants', () => {
  const roleId: string = ROLES.reportingViewer.id;
  /** A roles-enabled group. */
  const group = DEMO_GROUPS.allStaff.id;

  it('reads a user subject with direct and inherited grants', async () => {
    const res = await call('getAuthorizationSubject', { token: granter(), params: { subjectId: PERSONAS.editor.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: PERSONAS.editor.id, name: PERSONAS.editor.name });
    const grants = res.body.grants as Array<{ subjectId: string; role: { id: string }; division: { id: string } }>;
    expect(grants).toContainEqual(
      expect.objectContaining({ subjectId: PERSONAS.editor.id, division: expect.objectContaining({ id: home.id }) }),
    );
    expect(grants).toContainEqual(
      expect.objectContaining({
        subjectId: DEMO_GROUPS.groupAdministrators.id,
        role: expect.objectContaining({ id: ROLES.groupEditor.id, name: 'Group Editor' }),
        division: expect.objectContaining({ id: '*' }),
      }),
    );
  });

  it('grants roles to a group in bulk, reads them back, and removes them', async () => {
    const add = await call('postAuthorizationSubjectBulkadd', {
      token: granter(),
      params: { subjectId: DEMO_GROUPS.groupAdministrators.id },
      query: { subjectType: 'PC_GROUP' },
      body: { grants: [{ roleId, divisionId: home.id }] },
    });
    expect(add.status, add.text).toBe(204);
    const read = await call('getAuthorizationSubject', {
      token: granter(),
      params: { subjectId: DEMO_GROUPS.groupAdministrators.id },
    });
    const held = read.body.grants.map(
      (g: { role: { id: string }; division: { id: string } }) => `${g.role.id} ${g.division.id}`,
    );
    expect(held).toEqual(expect.arrayContaining([`${roleId} ${home.id}`, `${ROLES.groupEditor.id} *`]));
    expect(read.body.grants[0].grantMadeAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const remove = await call('postAuthorizationSubjectBulkremove', {
      token: granter(),
      params: { subjectId: DEMO_GROUPS.groupAdministrators.id },
      body: { grants: [{ roleId, divisionId: home.id }] },
    });
    expect(remove.status, remove.text).toBe(204);
    const after = await call('getAuthorizationSubject', {
      token: granter(),
      params: { subjectId: DEMO_GROUPS.groupAdministrators.id },
    });
    expect(after.body.grants.map((g: { role: { id: string } }) => g.role.id)).toEqual([ROLES.groupEditor.id]);
  });

  it('makes and deletes one grant by path', async () => {
    const params = { subjectId: group, divisionId: '*', roleId };
    const made = await call('postAuthorizationSubjectDivisionRole', {
      token: granter(),
      params,
      query: { subjectType: 'PC_GROUP' },
    });
    expect(made.status, made.text).toBe(204);
    // Granting it again changes nothing and is not an error.
    expect((await call('postAuthorizationSubjectDivisionRole', { token: granter(), params })).status).toBe(204);
    const deleted = await call('deleteAuthorizationSubjectDivisionRole', { token: granter(), params });
    expect(deleted.status, deleted.text).toBe(204);
    expect((await call('deleteAuthorizationSubjectDivisionRole', { token: granter(), params })).status).toBe(204);
  });

  it('refuses a group whose rolesEnabled is false with 400 and an ErrorBody', async () => {
    const res = await call('postAuthorizationSubjectBulkadd', {
      token: granter(),
      params: { subjectId: DEMO_GROUPS.rolesDisabled.id },
      query: { subjectType: 'PC_GROUP' },
      body: { grants: [{ roleId, divisionId: home.id }] },
    });
    expectErrorBody(res, 400, 'bad.request');
    expect(res.body.message).toMatch(/rolesEnabled/);
    expect(res.body.details).toEqual([
      expect.objectContaining({ errorCode: 'roles.not.enabled', entityId: DEMO_GROUPS.rolesDisabled.id }),
    ]);
  });

  it('answers 404 for an unknown subject, role or division, and for a subject of the other type', async () => {
    const body = (r: string = roleId, d: string = home.id) => ({ grants: [{ roleId: r, divisionId: d }] });
    const cases: Array<[string, Record<string, string>, ReturnType<typeof body>]> = [
      [UNKNOWN, {}, body()],
      [group, {}, body(UNKNOWN)],
      [group, {}, body(roleId, UNKNOWN)],
      [group, { subjectType: 'PC_USER' }, body()],
      [PERSONAS.owner.id, { subjectType: 'PC_GROUP' }, body()],
    ];
    for (const [subjectId, query, grants] of cases)
      expectErrorBody(
        await call('postAuthorizationSubjectBulkadd', { token: granter(), params: { subjectId }, query, body: grants }),
        404,
        'not.found',
      );
    expectErrorBody(await call('getAuthorizationSubject', { token: granter(), params: { subjectId: UNKNOWN } }), 404);
    // A members-only group the caller may not see is unknown to them.
    const hidden = await call('getAuthorizationSubject', {
      token: tokens.wildcard,
      params: { subjectId: DEMO_GROUPS.membersOnlyWithoutSupervisor.id },
    });
    expect(hidden.status).toBe(200);
  });

  it('answers 400 for bad input, never 500', async () => {
    const params = { subjectId: group };
    for (const body of [
      {},
      { grants: [] },
      { grants: [{ roleId }] },
      { grants: 'x' },
      { grants: [{ roleId: 5, divisionId: 'x' }] },
    ])
      expectErrorBody(await call('postAuthorizationSubjectBulkadd', { token: granter(), params, body }), 400);
    expectErrorBody(
      await call('postAuthorizationSubjectBulkadd', {
        token: granter(),
        params,
        rawBody: '{"grants": [',
      }),
      400,
    );
    expectErrorBody(
      await call('postAuthorizationSubjectBulkadd', {
        token: granter(),
        params,
        query: { subjectType: 'PC_ROBOT' },
        body: { grants: [{ roleId, divisionId: home.id }] },
      }),
      400,
    );
    expectErrorBody(
      await call('postAuthorizationSubjectBulkadd', {
        token: granter(),
        params,
        query: { subjectType: 'PC_OAUTH_CLIENT' },
        body: { grants: [{ roleId, divisionId: home.id }] },
      }),
      400,
    );
  });

  it('needs authorization:grant:view / add / delete (403)', async () => {
    const body = { grants: [{ roleId, divisionId: home.id }] };
    const checks: Array<[string, string, Record<string, unknown>]> = [
      ['getAuthorizationSubject', 'authorization:grant:view', {}],
      ['postAuthorizationSubjectBulkadd', 'authorization:grant:add', { body }],
      ['postAuthorizationSubjectBulkremove', 'authorization:grant:delete', { body }],
      ['postAuthorizationSubjectDivisionRole', 'authorization:grant:add', {}],
      ['deleteAuthorizationSubjectDivisionRole', 'authorization:grant:delete', {}],
    ];
    for (const [op, permission, extra] of checks) {
      const res = await call(op, {
        token: tokens.admin,
        params: { subjectId: group, divisionId: home.id, roleId },
        ...extra,
      });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(res.body.messageParams.permissions).toBe(permission);
    }
  });
});
