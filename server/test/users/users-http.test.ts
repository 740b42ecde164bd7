/**
 * The users operations over HTTP, every answer checked against openapi/groups.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { USER_EXPANDS } from '../../src/domain/users/users.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';

describe('users over HTTP', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let call: ApiCall;
  beforeAll(async () => {
    server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
    call = apiCaller(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('GET /users/me?expand=authorization answers the persona with its permissions (schema-valid)', async () => {
    const res = await call('getMe', {
      token: server.tokenFor('editor'),
      query: { expand: ['authorization', 'organization', 'token', 'date'] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.id).toBe(PERSONAS.editor.id);
    expect(res.body.authorization.permissions).toEqual(PERSONAS.editor.permissions);
    expect(res.body.token.organization.id).toBe(res.body.organization.id);
  });

  it('GET /users/me with a client-credentials token answers 400', async () => {
    const res = await call('getMe', { token: server.clientToken('demo-viewer') });
    expectErrorBody(res, 400, 'bad.request');
  });

  it('GET /users with every expand is schema-valid', async () => {
    const res = await call('listUsers', {
      token: server.tokenFor('supervisor'),
      query: { pageSize: 25, expand: [...USER_EXPANDS] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entities).toHaveLength(25);
    expect(res.body.entities[0]).toHaveProperty('presence');
  });

  it('GET /users/{id}?expand=groups and an unknown id', async () => {
    const res = await call('getUser', {
      token: server.tokenFor('supervisor'),
      params: { userId: PERSONAS.supervisor.id },
      query: { expand: ['groups'] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.groups.map((g: { id: string }) => g.id)).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expectErrorBody(
      await call('getUser', { token: server.tokenFor('supervisor'), params: { userId: 'no-such-user' } }),
      404,
      'not.found',
    );
  });

  it('POST /users/search then GET its nextPage', async () => {
    const token = server.tokenFor('owner');
    const res = await call('searchUsers', {
      token,
      body: { pageSize: 5, query: [{ type: 'STARTS_WITH', fields: ['name', 'email'], value: 'ma' }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.results).toHaveLength(5);
    const q64 = decodeURIComponent(res.body.nextPage.split('q64=')[1]);
    const next = await call('searchUsersByQ64', { token, query: { q64 } });
    expect(next.status, next.text).toBe(200);
    expect(next.body.pageNumber).toBe(2);
  });
});
