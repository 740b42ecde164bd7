/**
 * The official SDK's sign-in (client credentials), TokensApi, UsersApi and PresenceApi against the
 * embedded server. Bodies are also checked against openapi/groups.yaml.
 */
import platformClient from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectError, ext, sdkClient, sdkSuite, type ErrorBodyShape } from '../support/sdk.js';

const suite = sdkSuite({ extended: true });
const users = new platformClient.UsersApi();
const tokensApi = new platformClient.TokensApi();

describe('sign-in with the SDK', () => {
  it('loginClientCredentialsGrant posts to /oauth/token on the gateway origin and sets the token', async () => {
    const auth = await sdkClient.loginClientCredentialsGrant('demo-admin', 'demo-admin-secret');
    expect(auth.accessToken).toBeTruthy();
    suite.adminToken = auth.accessToken;
    expect(auth.tokenExpiryTime).toBeGreaterThan(Date.now());
    const info = await ext('getTokenInfo', tokensApi.getTokensMe());
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ OAuthClient: { id: 'demo-admin' } });
  });

  it('rejects a wrong client secret with a 401 ErrorBody bad.credentials', async () => {
    const error = (await sdkClient.loginClientCredentialsGrant('demo-admin', 'wrong-secret').then(
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
    const unknownClient = (await sdkClient.loginClientCredentialsGrant('no-such-client', 'x').then(
      () => undefined,
      (e: unknown) => e,
    )) as { response?: { status: number; data: ErrorBodyShape } } | undefined;
    expect(unknownClient?.response?.status).toBe(401);
  });
});

describe('UsersApi and TokensApi', () => {
  it('getUsersMe(expand authorization) answers user tokens with their permissions; client tokens get 400', async () => {
    // A client-credentials token cannot call users/me.
    const asClient = await ext('getMe', users.getUsersMe({ expand: ['authorization'] }));
    expectError(asClient, 400);
    sdkClient.setAccessToken(suite.server.tokenFor('editor'));
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
      sdkClient.setAccessToken(suite.adminToken);
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
    const q64 = new URL(search.body.currentPage, suite.server.url).searchParams.get('q64') as string;
    const again = await ext<{ results: Array<{ id: string }> }>('searchUsersByQ64', users.getUsersSearch(q64));
    expect(again.status).toBe(200);
    expect(again.body.results.map((u) => u.id)).toEqual(search.body.results.map((u) => u.id));
  });
});

describe('PresenceApi', () => {
  it('patchUserPresence sets the signed-in user’s own presence; others’ need presence:userPresence:edit', async () => {
    const presence = new platformClient.PresenceApi();
    sdkClient.setAccessToken(suite.server.tokenFor('supervisor'));
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
      sdkClient.setAccessToken(suite.adminToken);
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
