/**
 * The official SDK's AuthorizationApi against the embedded server: grant a role to a group over a
 * division, read the subject back, remove it; and a member's users/me gains and loses the role's
 * permissions through the group. Bodies are checked against openapi/groups.yaml.
 *
 * The SDK's ApiClient is a process-wide singleton: configured once in beforeAll; the tests run in order.
 */
import platformClient from 'purecloud-platform-client-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS, ROLES } from '../../src/db/seed/personas.js';
import { expectResponseMatches } from '../support/openapi-validator.js';
import { sdkClient, sdkSuite } from '../support/sdk.js';
import { issueToken } from '../support/server.js';

const suite = sdkSuite({ extended: false });
const authorization = new platformClient.AuthorizationApi();
const users = new platformClient.UsersApi();
const groups = new platformClient.GroupsApi();

/** A roles-enabled group with no grants of its own, created for the test. */
let groupId = '';
let divisionId = '';
/** An ordinary member-to-be and their token. */
let memberId = '';
let memberToken = '';
/** The wildcard persona holds authorization:*:* and directory:*:*. */
let granterToken = '';

const as = (token: string) => sdkClient.setAccessToken(token);

beforeAll(async () => {
  granterToken = suite.server.tokenFor('wildcard');
  as(granterToken);
  const group = await groups.postGroups({
    name: `SDK roles group ${process.pid}`,
    type: 'official',
    visibility: 'public',
    rulesVisible: true,
    rolesEnabled: true,
  });
  groupId = group.id ?? '';
  const member = (await users.getUsers({ pageSize: 50 })).entities?.find(
    (u) => !Object.values(PERSONAS).some((p) => p.id === u.id),
  );
  memberId = member?.id ?? '';
  memberToken = issueToken(suite.server.app, { email: member?.email ?? '' });
});

describe('AuthorizationApi', () => {
  it('lists roles and divisions, and reads the home division', async () => {
    as(granterToken);
    const roles = await authorization.getAuthorizationRoles({ pageSize: 25, name: 'Group Editor' });
    expectResponseMatches('getAuthorizationRoles', 200, roles);
    expect(roles.entities?.map((r) => r.id)).toEqual([ROLES.groupEditor.id]);
    const role = await authorization.getAuthorizationRole(ROLES.groupEditor.id);
    expect(role.permissions).toEqual(['directory:group:edit', 'directory:user:view']);
    const divisions = await authorization.getAuthorizationDivisions({ pageSize: 25, name: 'EMEA' });
    expectResponseMatches('getAuthorizationDivisions', 200, divisions);
    divisionId = divisions.entities?.[0]?.id ?? '';
    expect(divisionId).not.toBe('');
    const home = await authorization.getAuthorizationDivisionsHome();
    expect(home).toMatchObject({ name: 'Home', homeDivision: true });
  });

  it('grants a role to a group over a division, reads the subject back, and removes it', async () => {
    as(granterToken);
    const body = { grants: [{ roleId: ROLES.groupEditor.id, divisionId }] };
    await authorization.postAuthorizationSubjectBulkadd(groupId, body, { subjectType: 'PC_GROUP' });
    const subject = await authorization.getAuthorizationSubject(groupId);
    expectResponseMatches('getAuthorizationSubject', 200, subject);
    expect(subject.id).toBe(groupId);
    expect(subject.grants).toEqual([
      expect.objectContaining({
        subjectId: groupId,
        role: expect.objectContaining({ id: ROLES.groupEditor.id, name: 'Group Editor' }),
        division: expect.objectContaining({ id: divisionId, name: 'EMEA' }),
        grantMadeAt: expect.any(String),
      }),
    ]);
    const grantees = await authorization.getAuthorizationRoleSubjectgrants(ROLES.groupEditor.id, { pageSize: 100 });
    expect(grantees.entities?.find((s) => s.id === groupId)).toMatchObject({ type: 'PC_GROUP' });
    await authorization.postAuthorizationSubjectBulkremove(groupId, body);
    expect((await authorization.getAuthorizationSubject(groupId)).grants).toEqual([]);
  });

  it('a member gains and loses the role in users/me through the group', async () => {
    as(granterToken);
    await authorization.postAuthorizationSubjectDivisionRole(groupId, divisionId, ROLES.groupEditor.id, {
      subjectType: 'PC_GROUP',
    });
    await groups.postGroupMembers(groupId, { memberIds: [memberId] });

    as(memberToken);
    const me = await users.getUsersMe({ expand: ['authorization'] });
    expect(me.authorization?.permissions).toContain('directory:group:edit');
    expect(me.authorization?.roles?.map((r) => r.id)).toContain(ROLES.groupEditor.id);
    const permitted = await authorization.getAuthorizationDivisionspermittedPagedMe('directory:group:edit');
    expect(permitted.entities?.map((d) => d.id)).toEqual([divisionId]);

    as(granterToken);
    await groups.deleteGroupMembers(groupId, memberId);
    as(memberToken);
    expect((await users.getUsersMe({ expand: ['authorization'] })).authorization?.permissions).not.toContain(
      'directory:group:edit',
    );

    as(granterToken);
    await authorization.deleteAuthorizationSubjectDivisionRole(groupId, divisionId, ROLES.groupEditor.id);
    expect((await authorization.getAuthorizationSubject(groupId)).grants).toEqual([]);
  });

  it('rejects a grant to a group whose rolesEnabled is false with the 400 ErrorBody', async () => {
    as(granterToken);
    // Extended responses: the rejection carries the HTTP status and the ErrorBody.
    sdkClient.setReturnExtendedResponses(true);
    let error: { status: number; body: { code: string; message: string; status: number } };
    try {
      error = (await authorization
        .postAuthorizationSubjectBulkadd(
          DEMO_GROUPS.rolesDisabled.id,
          { grants: [{ roleId: ROLES.groupEditor.id, divisionId }] },
          { subjectType: 'PC_GROUP' },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        )) as typeof error;
    } finally {
      sdkClient.setReturnExtendedResponses(false);
    }
    expectResponseMatches('postAuthorizationSubjectBulkadd', 400, error.body);
    expect(error.status).toBe(400);
    expect(error.body.code).toBe('bad.request');
    expect(error.body.message).toMatch(/rolesEnabled/);
  });
});
