/**
 * Users' presence: PATCH /api/v2/users/{userId}/presences/{sourceId} over HTTP (every answer checked
 * against openapi/groups.yaml), what members pages show afterwards, and the presence simulation.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { orgPresenceDefinitions, PRESENCE_EDIT } from '../../src/domain/users/presence.js';
import { simulatePresenceTick } from '../../src/db/seed/presence-simulation.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { startServer, type TestServer } from '../support/server.js';

const definition = (systemPresence: string) => {
  const found = orgPresenceDefinitions().find((d) => d.systemPresence === systemPresence);
  if (!found) throw new Error(`no ${systemPresence} definition`);
  return found;
};

interface Presence {
  presenceDefinition: { id: string; systemPresence: string };
  message?: string;
  modifiedDate: string;
  source: string;
}

describe('PATCH /api/v2/users/{userId}/presences/{sourceId}', () => {
  let server: TestServer;
  let call: ApiCall;
  let editorOfPresence = '';
  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    call = apiCaller(server.url);
    // A role holding the permission to set other people's presence, given to the editor persona.
    server.db
      .prepare("INSERT INTO roles (id, name, description) VALUES ('presence-role', 'Presence Editor', 'Sets presence')")
      .run();
    server.db.prepare("INSERT INTO role_permissions VALUES ('presence-role', ?)").run(PRESENCE_EDIT);
    server.db.prepare("INSERT INTO user_roles VALUES (?, 'presence-role')").run(PERSONAS.editor.id);
    editorOfPresence = server.tokenFor('editor');
  });
  afterAll(() => server?.close());

  const patch = (userId: string, body: unknown, token = server.tokenFor('supervisor'), sourceId = 'PURECLOUD') =>
    call<Presence>('patchUserPresence', { token, params: { userId, sourceId }, body });

  it('sets the caller’s own presence, and members pages show it with the routing status that follows', async () => {
    const onQueue = definition('On Queue');
    const res = await patch(PERSONAS.supervisor.id, { presenceDefinition: { id: onQueue.id }, message: 'Covering' });
    expect(res.status).toBe(200);
    expect(res.body.presenceDefinition).toMatchObject({ id: onQueue.id, systemPresence: 'On Queue' });
    expect(res.body.message).toBe('Covering');
    expect(res.body.source).toBe('PURECLOUD');

    const read = async () =>
      (
        await call<{ presence: Presence; routingStatus: { status: string } }>('getUser', {
          token: server.tokenFor('supervisor'),
          params: { userId: PERSONAS.supervisor.id },
          query: { expand: ['presence', 'routingStatus'] },
        })
      ).body;
    let user = await read();
    expect(user.presence.presenceDefinition.systemPresence).toBe('On Queue');
    expect(user.routingStatus.status).not.toBe('OFF_QUEUE');

    // Message only: the presence stays; leaving On Queue puts the agent off queue.
    expect((await patch(PERSONAS.supervisor.id, { message: '' })).body.presenceDefinition.id).toBe(onQueue.id);
    await patch(PERSONAS.supervisor.id, { presenceDefinition: { id: definition('Meal').id } });
    user = await read();
    expect(user.presence.presenceDefinition.systemPresence).toBe('Meal');
    expect(user.presence.message).toBeUndefined();
    expect(user.routingStatus.status).toBe('OFF_QUEUE');

    // A users page by id shows it too (the console's filtered roster pages read users this way).
    const page = await call<{ entities: Array<{ id: string; presence: Presence }> }>('listUsers', {
      token: server.tokenFor('supervisor'),
      query: { id: [PERSONAS.supervisor.id], expand: ['presence'] },
    });
    expect(page.body.entities.map((u) => u.presence.presenceDefinition.systemPresence)).toEqual(['Meal']);
  });

  it('needs presence:userPresence:edit for someone else’s presence', async () => {
    const available = definition('Available');
    expectErrorBody(
      await patch(PERSONAS.admin.id, { presenceDefinition: { id: available.id } }),
      403,
      'missing.any.permissions',
    );
    expectErrorBody(
      await patch(PERSONAS.admin.id, { presenceDefinition: { id: available.id } }, server.clientToken('demo-admin')),
      403,
      'missing.any.permissions',
    );
    const ok = await patch(PERSONAS.admin.id, { presenceDefinition: { id: available.id } }, editorOfPresence);
    expect(ok.status).toBe(200);
    expect(ok.body.presenceDefinition.systemPresence).toBe('Available');
  });

  it('answers bad input with ErrorBody: unknown definition, empty body, wrong types, unknown user and source', async () => {
    const me = PERSONAS.supervisor.id;
    expectErrorBody(await patch(me, { presenceDefinition: { id: 'no-such-definition' } }), 400, 'invalid.value');
    expectErrorBody(await patch(me, {}), 400, 'bad.request');
    expectErrorBody(await patch(me, { presenceDefinition: 'Available' }), 400, 'bad.request');
    expectErrorBody(await patch(me, { message: 5 }), 400, 'bad.request');
    expectErrorBody(
      await call('patchUserPresence', {
        token: server.tokenFor('supervisor'),
        params: { userId: me, sourceId: 'PURECLOUD' },
        rawBody: '{"presenceDefinition":',
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await patch('no-such-user', { presenceDefinition: { id: definition('Busy').id } }, editorOfPresence),
      404,
      'not.found',
    );
    expectErrorBody(await patch(me, { presenceDefinition: { id: definition('Busy').id } }, undefined, 'TEAMS'), 404);
    expectErrorBody(
      await call('patchUserPresence', { params: { userId: me, sourceId: 'PURECLOUD' }, body: {} }),
      401,
      'authentication.required',
    );
  });
});

describe('the presence simulation', () => {
  let a: Database.Database;
  let b: Database.Database;
  beforeAll(() => {
    a = openDemoDatabase();
    b = openDemoDatabase();
  });
  afterAll(() => {
    a?.close();
    b?.close();
  });

  const presences = (db: Database.Database) =>
    db
      .prepare(
        "SELECT id, expand_json ->> '$.presence.presenceDefinition.systemPresence' AS p, expand_json ->> '$.routingStatus.status' AS r FROM users ORDER BY id",
      )
      .all() as Array<{ id: string; p: string; r: string }>;

  it('changes a few active users a tick, the same way on the same data, keeping routing consistent', () => {
    const before = presences(a);
    const now = new Date('2026-11-28T09:00:00Z');
    for (let n = 0; n < 10; n++) {
      expect(simulatePresenceTick(a, n, 14, now)).toBeGreaterThan(0);
      simulatePresenceTick(b, n, 14, now);
    }
    const after = presences(a);
    expect(after).toEqual(presences(b));
    const changed = after.filter((row, i) => row.p !== before[i]?.p || row.r !== before[i]?.r);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(10 * 25);
    for (const row of after) {
      if (row.p !== 'On Queue') expect(row.r, row.id).toBe('OFF_QUEUE');
    }
  });
});
