/**
 * The Notifications API over HTTP (every answer checked against openapi/groups.yaml): creating
 * channels, listing them, HEAD, subscribing (add, replace, get, remove all), topic validation and
 * permissions, the 1,000-topic limit, and the available topics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS, DEMO_GROUPS } from '../../src/db/seed/personas.js';
import { apiCaller, expectErrorBody, type ApiCall } from '../support/openapi-validator.js';
import { startServer, type TestServer } from '../support/server.js';

interface Channel {
  id: string;
  connectUri: string;
  expires: string;
}

const presenceTopic = (userId: string) => `v2.users.${userId}.presence`;
const ids = (body: { entities: Array<{ id: string }> }) => body.entities.map((e) => e.id);

describe('Notifications API', () => {
  let server: TestServer;
  let call: ApiCall;
  let admin = '';
  let editor = '';
  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    call = apiCaller(server.url);
    admin = server.tokenFor('admin');
    editor = server.tokenFor('editor');
  });
  afterAll(() => server?.close());

  const newChannel = async (token = admin): Promise<Channel> => {
    const created = await call<Channel>('postNotificationsChannels', { token });
    expect(created.status).toBe(200);
    return created.body;
  };

  it('creates a channel with an id, a WebSocket connectUri on this server and an expiry 24 h ahead', async () => {
    const before = Date.now();
    const channel = await newChannel();
    expect(channel.id).toMatch(/^[0-9a-f-]{36}$/);
    const host = new URL(server.url).host;
    expect(channel.connectUri).toBe(`ws://${host}/streaming/channels/${channel.id}`);
    const expires = Date.parse(channel.expires);
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(24 * 3600_000 + 5000);
  });

  it('needs a token', async () => {
    expectErrorBody(await call('postNotificationsChannels', {}), 401, 'authentication.required');
  });

  it("lists the token's channels, and with includechannels=oauthclient those of the user's other tokens without ids", async () => {
    const mine = await newChannel();
    const otherToken = server.tokenFor('admin');
    const other = await newChannel(otherToken);
    const list = await call<{ entities: Channel[] }>('getNotificationsChannels', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.entities.map((c) => c.id)).toContain(mine.id);
    expect(list.body.entities.map((c) => c.id)).not.toContain(other.id);
    const all = await call<{ entities: Channel[] }>('getNotificationsChannels', {
      token: admin,
      query: { includechannels: 'oauthclient' },
    });
    expect(all.body.entities.length).toBeGreaterThan(list.body.entities.length);
    expect(all.body.entities.every((c) => typeof c.expires === 'string')).toBe(true);
    expect(all.body.entities.map((c) => c.id)).not.toContain(other.id);
    expectErrorBody(
      await call('getNotificationsChannels', { token: admin, query: { includechannels: 'everything' } }),
      400,
    );
  });

  it('HEAD answers 200 for a live channel of the caller and 404 otherwise', async () => {
    const channel = await newChannel();
    const ok = await call('headNotificationsChannel', { token: admin, params: { channelId: channel.id } });
    expect(ok.status).toBe(200);
    const unknown = await call('headNotificationsChannel', {
      token: admin,
      params: { channelId: 'no-such-channel' },
      validate: false,
    });
    expect(unknown.status).toBe(404);
    // Another user's channel is not the caller's.
    const foreign = await call('headNotificationsChannel', {
      token: editor,
      params: { channelId: channel.id },
      validate: false,
    });
    expect(foreign.status).toBe(404);
  });

  it('adds, lists, replaces and removes subscriptions', async () => {
    const channel = await newChannel();
    const params = { channelId: channel.id };
    const a = PERSONAS.owner.id;
    const b = PERSONAS.supervisor.id;
    const added = await call('postNotificationsChannelSubscriptions', {
      token: admin,
      params,
      body: [{ id: presenceTopic(a) }, { id: `v2.users.${a}.activity` }],
    });
    expect(added.status).toBe(200);
    expect(ids(added.body)).toEqual([presenceTopic(a), `v2.users.${a}.activity`]);
    const more = await call('postNotificationsChannelSubscriptions', {
      token: admin,
      params,
      body: [{ id: `v2.users.${b}?presence&routingStatus` }, { id: presenceTopic(a) }],
    });
    expect(ids(more.body)).toEqual([
      presenceTopic(a),
      `v2.users.${a}.activity`,
      `v2.users.${b}?presence&routingStatus`,
    ]);
    const listed = await call('getNotificationsChannelSubscriptions', { token: admin, params });
    expect(ids(listed.body)).toEqual(ids(more.body));
    const replaced = await call('putNotificationsChannelSubscriptions', {
      token: admin,
      params,
      body: [
        { id: `v2.users.${b}.routingStatus` },
        { id: `v2.audits.entitytype.Group.entityid.${DEMO_GROUPS.allStaff.id}` },
      ],
    });
    expect(ids(replaced.body)).toEqual([
      `v2.users.${b}.routingStatus`,
      `v2.audits.entitytype.Group.entityid.${DEMO_GROUPS.allStaff.id}`,
    ]);
    const removed = await call('deleteNotificationsChannelSubscriptions', { token: admin, params });
    expect(removed.status).toBe(204);
    const after = await call('getNotificationsChannelSubscriptions', { token: admin, params });
    expect(after.body).toEqual({ entities: [] });
  });

  it('refuses unknown topics with 400, or lists them as rejected with ignoreErrors=true', async () => {
    const channel = await newChannel();
    const params = { channelId: channel.id };
    for (const id of [
      'v2.users.abc.mood',
      'v2.groups.x.greetings',
      'v2.audits.entitytype.Queue.entityid.q1',
      '',
      'x',
    ]) {
      const refused = await call('putNotificationsChannelSubscriptions', { token: admin, params, body: [{ id }] });
      expectErrorBody(refused, 400, id === '' ? undefined : 'bad.request');
    }
    const lenient = await call('postNotificationsChannelSubscriptions', {
      token: admin,
      params,
      query: { ignoreErrors: true },
      body: [{ id: 'v2.users.abc.mood' }, { id: presenceTopic(PERSONAS.owner.id) }],
    });
    expect(lenient.status).toBe(200);
    expect(lenient.body.entities).toEqual([
      { id: presenceTopic(PERSONAS.owner.id) },
      expect.objectContaining({ id: 'v2.users.abc.mood', state: 'Rejected' }),
    ]);
    expectErrorBody(
      await call('putNotificationsChannelSubscriptions', { token: admin, params, rawBody: '{"id":1}' }),
      400,
    );
  });

  it('needs audits:audit:view for the group audit topic', async () => {
    const channel = await newChannel(editor);
    const topic = `v2.audits.entitytype.Group.entityid.${DEMO_GROUPS.allStaff.id}`;
    const refused = await call('postNotificationsChannelSubscriptions', {
      token: editor,
      params: { channelId: channel.id },
      body: [{ id: topic }],
    });
    expectErrorBody(refused, 403, 'missing.any.permissions');
    const lenient = await call('postNotificationsChannelSubscriptions', {
      token: editor,
      params: { channelId: channel.id },
      query: { ignoreErrors: true },
      body: [{ id: topic }],
    });
    expect(lenient.body.entities).toEqual([
      expect.objectContaining({ id: topic, state: 'Rejected', missingPermissions: ['audits:audit:view'] }),
    ]);
  });

  it('takes 1,000 topics on a channel and answers 400 with the limit past it, keeping the topics it had', async () => {
    const channel = await newChannel();
    const params = { channelId: channel.id };
    const topics = Array.from({ length: 1000 }, (_, i) => ({ id: `v2.users.user-${i}.presence` }));
    const full = await call('putNotificationsChannelSubscriptions', { token: admin, params, body: topics });
    expect(full.status).toBe(200);
    expect(full.body.entities).toHaveLength(1000);
    const over = await call('postNotificationsChannelSubscriptions', {
      token: admin,
      params,
      body: [{ id: 'v2.users.user-1000.presence' }],
    });
    expectErrorBody(over, 400, 'bad.request');
    expect(over.body.limit).toEqual({ namespace: 'notifications', key: 'topics.per.channel', value: 1000 });
    const replaceOver = await call('putNotificationsChannelSubscriptions', {
      token: admin,
      params,
      body: [...topics, { id: 'v2.users.user-1000.presence' }],
    });
    expectErrorBody(replaceOver, 400, 'bad.request');
    const kept = await call('getNotificationsChannelSubscriptions', { token: admin, params });
    expect(kept.body.entities).toHaveLength(1000);
  });

  it('answers 404 for subscriptions of an unknown channel', async () => {
    const params = { channelId: 'no-such-channel' };
    expectErrorBody(await call('getNotificationsChannelSubscriptions', { token: admin, params }), 404, 'not.found');
    expectErrorBody(
      await call('postNotificationsChannelSubscriptions', { token: admin, params, body: [] }),
      404,
      'not.found',
    );
    expectErrorBody(await call('deleteNotificationsChannelSubscriptions', { token: admin, params }), 404, 'not.found');
  });

  it('lists the available topics, with the fields expand names (repeated, as the SDK sends it)', async () => {
    const plain = await call('getNotificationsAvailabletopics', { token: editor });
    expect(plain.status).toBe(200);
    expect(ids(plain.body)).toEqual(
      expect.arrayContaining([
        'v2.users.{id}.presence',
        'v2.users.{id}.routingStatus',
        'v2.users.{id}.activity',
        'v2.audits.entitytype.{id}.entityid.{id}',
      ]),
    );
    expect(plain.body.entities[0]).toEqual({ id: plain.body.entities[0].id });
    const expanded = await call('getNotificationsAvailabletopics', {
      token: editor,
      query: 'expand=description&expand=requiresPermissions&expand=schema',
    });
    const audit = expanded.body.entities.find((t: { id: string }) => t.id.startsWith('v2.audits'));
    expect(audit.requiresPermissions).toEqual(['audits:audit:view']);
    expect(typeof audit.description).toBe('string');
    expect(audit.schema).toMatchObject({ type: 'object' });
  });
});
