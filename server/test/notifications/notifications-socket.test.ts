/**
 * The notification channels' WebSocket with a plain `ws` client on the channel's connectUri: events of
 * presence changes made through the API (and by the presence simulation), the group audit topic on a
 * membership change, nothing for a rolled-back change, heartbeats, ping/pong, socket_closing when the
 * 21st channel replaces the oldest and when a channel expires.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../src/app.js';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { simulatePresenceTick } from '../../src/db/seed/presence-simulation.js';
import { openNotificationSockets } from '../../src/domain/notifications/hub.js';
import { orgPresenceDefinitions, writePresence } from '../../src/domain/users/presence.js';
import { copyDemoDatabase } from '../support/demo-template.js';
import { apiCaller, type ApiCall } from '../support/openapi-validator.js';
import { issueToken } from '../support/tokens.js';

interface StreamMessage {
  topicName: string;
  version?: string;
  eventBody: Record<string, unknown>;
  metadata?: { CorrelationId?: string };
}

/** A plain WebSocket client that keeps every message and waits for the ones a test expects. */
class Listener {
  readonly messages: StreamMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as StreamMessage);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static open(url: string): Promise<Listener> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const listener = new Listener(socket);
      socket.once('open', () => resolve(listener));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`unexpected response ${response.statusCode}`)),
      );
    });
  }

  /** The first message (from `from` on) that `match` accepts, within `timeoutMs`. */
  async next(match: (m: StreamMessage) => boolean, timeoutMs = 1000, from = 0): Promise<StreamMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitClosed(timeoutMs = 1000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (!this.closed) throw new Error('the socket did not close');
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

interface Started {
  app: FastifyInstance;
  url: string;
  call: ApiCall;
  close(): Promise<void>;
}

async function start(options: Partial<BuildAppOptions> = {}): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groups-notify-'));
  // The demo org from the run's seeded template (support/demo-template.ts), not seeded again.
  copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME));
  const app = buildApp({ dataDir, seed: 'demo', rateLimitPerMinute: 0, ...options });
  const url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  return {
    app,
    url,
    call: apiCaller(url),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const definitionId = (systemPresence: string) => {
  const found = orgPresenceDefinitions().find((d) => d.systemPresence === systemPresence);
  if (!found) throw new Error(`no ${systemPresence} definition`);
  return found.id;
};

describe('the notification channel WebSocket', () => {
  let server: Started;
  let admin = '';
  const listeners: Listener[] = [];

  beforeAll(async () => {
    server = await start({ notifications: { heartbeatMs: 200 } });
    admin = issueToken(server.app, { persona: 'admin' });
  });
  afterAll(async () => {
    for (const l of listeners) l.close();
    await server?.close();
  });

  /** A new channel of the token subscribed to the topics, with a listener on its connectUri. */
  async function channelWith(topics: string[], token = admin): Promise<{ id: string; listener: Listener }> {
    const created = await server.call('postNotificationsChannels', { token });
    expect(created.status).toBe(200);
    const { id, connectUri } = created.body as { id: string; connectUri: string };
    if (topics.length > 0) {
      const subscribed = await server.call('putNotificationsChannelSubscriptions', {
        token,
        params: { channelId: id },
        body: topics.map((t) => ({ id: t })),
      });
      expect(subscribed.status).toBe(200);
    }
    const listener = await Listener.open(connectUri);
    listeners.push(listener);
    return { id, listener };
  }

  it('delivers a presence change made through the API within 1 s, on the presence, routingStatus and activity topics', async () => {
    const user = PERSONAS.owner.id;
    const token = issueToken(server.app, { persona: 'owner' });
    const { listener } = await channelWith([
      `v2.users.${user}.presence`,
      `v2.users.${user}.routingStatus`,
      `v2.users.${user}.activity`,
    ]);
    const sentAt = Date.now();
    const patched = await server.call('patchUserPresence', {
      token,
      params: { userId: user, sourceId: 'PURECLOUD' },
      body: { presenceDefinition: { id: definitionId('On Queue') }, message: 'Taking calls' },
    });
    expect(patched.status).toBe(200);

    const presence = await listener.next((m) => m.topicName === `v2.users.${user}.presence`);
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(presence).toMatchObject({
      version: '2',
      eventBody: {
        source: 'PURECLOUD',
        presenceDefinition: { id: definitionId('On Queue'), systemPresence: 'On Queue' },
        message: 'Taking calls',
      },
    });
    expect(presence.metadata?.CorrelationId).toMatch(/^[0-9a-f-]{36}$/);
    const routing = await listener.next((m) => m.topicName === `v2.users.${user}.routingStatus`);
    expect(routing.eventBody).toMatchObject({ id: user, routingStatus: { status: 'IDLE' } });
    const activity = await listener.next((m) => m.topicName === `v2.users.${user}.activity`);
    expect(activity.eventBody).toMatchObject({
      id: user,
      routingStatus: { status: 'IDLE' },
      presence: { presenceDefinition: { systemPresence: 'On Queue' }, presenceMessage: 'Taking calls' },
      outOfOffice: { active: expect.any(Boolean) },
      activeQueueIds: [],
    });
  });

  it('sends the combined form v2.users.{id}?presence&routingStatus on both topics', async () => {
    const user = PERSONAS.supervisor.id;
    const { listener } = await channelWith([`v2.users.${user}?presence&routingStatus`]);
    await server.call('patchUserPresence', {
      token: issueToken(server.app, { persona: 'supervisor' }),
      params: { userId: user, sourceId: 'PURECLOUD' },
      body: { presenceDefinition: { id: definitionId('On Queue') } },
    });
    await listener.next((m) => m.topicName === `v2.users.${user}.presence`);
    await listener.next((m) => m.topicName === `v2.users.${user}.routingStatus`);
  });

  it('publishes nothing for a rolled-back change, and the committed one after it', async () => {
    const user = PERSONAS.editor.id;
    const { listener } = await channelWith([`v2.users.${user}.presence`]);
    const db = server.app.db;
    expect(() =>
      db.transaction(() => {
        writePresence(db, user, { definitionId: definitionId('Busy') });
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    db.transaction(() => writePresence(db, user, { definitionId: definitionId('Meeting') }))();
    const event = await listener.next((m) => m.topicName === `v2.users.${user}.presence`);
    expect(event.eventBody).toMatchObject({ presenceDefinition: { systemPresence: 'Meeting' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(listener.messages.filter((m) => m.topicName === `v2.users.${user}.presence`)).toHaveLength(1);
  });

  it('publishes what an outer transaction commits, not what a rolled-back savepoint inside it wrote', async () => {
    const [kept, dropped] = [PERSONAS.wildcard.id, PERSONAS.admin.id];
    const { listener } = await channelWith([`v2.users.${kept}.presence`, `v2.users.${dropped}.presence`]);
    const db = server.app.db;
    db.transaction(() => {
      writePresence(db, kept, { definitionId: definitionId('Training') });
      try {
        db.transaction(() => {
          writePresence(db, dropped, { definitionId: definitionId('Break') });
          throw new Error('savepoint rolled back');
        })();
      } catch {
        // The outer transaction goes on.
      }
    })();
    await listener.next((m) => m.topicName === `v2.users.${kept}.presence`);
    await new Promise((r) => setTimeout(r, 100));
    expect(listener.messages.filter((m) => m.topicName === `v2.users.${dropped}.presence`)).toEqual([]);
  });

  it("publishes the presence simulation's changes", async () => {
    const db = server.app.db;
    const active = db.prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id").pluck().all() as string[];
    const subscribed: Listener[] = [];
    for (let at = 0; at < active.length; at += 1000) {
      const { listener } = await channelWith(active.slice(at, at + 1000).map((id) => `v2.users.${id}.activity`));
      subscribed.push(listener);
    }
    const changed = simulatePresenceTick(db, 7);
    expect(changed).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    const events = subscribed.flatMap((l) => l.messages.filter((m) => m.topicName.endsWith('.activity')));
    expect(events.length).toBe(changed);
  });

  it("announces a group's membership change on its audit topic", async () => {
    const group = DEMO_GROUPS.membersOnlyWithoutSupervisor.id;
    const topic = `v2.audits.entitytype.Group.entityid.${group}`;
    const { listener } = await channelWith([topic]);
    const added = await server.call('addGroupMembers', {
      token: admin,
      params: { groupId: group },
      body: { memberIds: [PERSONAS.supervisor.id] },
    });
    expect(added.status).toBe(202);
    const event = await listener.next((m) => m.topicName === topic);
    expect(event.eventBody).toMatchObject({
      action: 'MemberAdd',
      entityType: 'Group',
      entity: { id: group },
      serviceName: 'Directory',
      userId: PERSONAS.admin.id,
    });
    expect(JSON.stringify(event.eventBody.entityChanges)).toContain(PERSONAS.supervisor.id);
    await server.call('removeGroupMembers', {
      token: admin,
      params: { groupId: group },
      query: { ids: PERSONAS.supervisor.id },
    });
    await listener.next((m) => m.topicName === topic && m.eventBody.action === 'MemberRemove');
  });

  it('announces it, in STRICT_MIRROR mode, on the topic of the entity type the Audit API answers (DirectoryGroup)', async () => {
    const strict = await start({ strictMirror: true });
    try {
      const token = issueToken(strict.app, { persona: 'admin' });
      const group = DEMO_GROUPS.membersOnlyWithoutSupervisor.id;
      const created = await strict.call('postNotificationsChannels', { token });
      const { id, connectUri } = created.body as { id: string; connectUri: string };
      const refused = await strict.call('putNotificationsChannelSubscriptions', {
        token,
        params: { channelId: id },
        body: [{ id: `v2.audits.entitytype.Group.entityid.${group}` }],
      });
      expect(refused.status).toBe(400);
      const topic = `v2.audits.entitytype.DirectoryGroup.entityid.${group}`;
      const subscribed = await strict.call('putNotificationsChannelSubscriptions', {
        token,
        params: { channelId: id },
        body: [{ id: topic }],
      });
      expect(subscribed.status).toBe(200);
      const listener = await Listener.open(connectUri);
      try {
        const added = await strict.call('addGroupMembers', {
          token,
          params: { groupId: group },
          body: { memberIds: [PERSONAS.supervisor.id] },
        });
        expect(added.status).toBe(202);
        const event = await listener.next((m) => m.topicName === topic);
        expect(event.eventBody).toMatchObject({
          action: 'MemberAdd',
          entityType: 'DirectoryGroup',
          serviceName: 'Groups',
          entity: { id: group },
        });
      } finally {
        listener.close();
      }
    } finally {
      await strict.close();
    }
  });

  it('sends channel.metadata heartbeats, and pong to a ping', async () => {
    const { listener } = await channelWith([]);
    const beat = await listener.next((m) => m.topicName === 'channel.metadata', 1000);
    expect(beat.eventBody).toEqual({ message: 'WebSocket Heartbeat' });
    const from = listener.messages.length;
    listener.socket.send(JSON.stringify({ message: 'ping' }));
    await listener.next((m) => m.eventBody.message === 'pong', 1000, from);
  });

  it('closes the oldest channel with v2.system.socket_closing when the 21st is created', async () => {
    const token = issueToken(server.app, { persona: 'wildcard' });
    const channels: Array<{ id: string; listener: Listener }> = [];
    for (let i = 0; i < 20; i++) channels.push(await channelWith([], token));
    const sockets = openNotificationSockets();
    const [oldest] = channels as [{ id: string; listener: Listener }];
    await channelWith([], token);
    const closing = await oldest.listener.next((m) => m.topicName === 'v2.system.socket_closing');
    expect(closing.eventBody).toMatchObject({ channelId: oldest.id, oauthClientId: 'groups-console' });
    await oldest.listener.waitClosed();
    const head = await server.call('headNotificationsChannel', {
      token,
      params: { channelId: oldest.id },
      validate: false,
    });
    expect(head.status).toBe(404);
    // The 21st socket came and the oldest went.
    expect(openNotificationSockets()).toBe(sockets);
    const list = await server.call('getNotificationsChannels', { token });
    expect(list.body.entities).toHaveLength(20);
    for (const c of channels.slice(1)) expect(c.listener.closed).toBeNull();
  });

  it('refuses a socket on an unknown channel, and a plain GET, with 404', async () => {
    await expect(Listener.open(`${server.url.replace('http', 'ws')}/streaming/channels/nope`)).rejects.toThrow(
      'unexpected response 404',
    );
    const created = await server.call('postNotificationsChannels', { token: admin });
    const plain = await fetch(`${server.url}/streaming/channels/${(created.body as { id: string }).id}`);
    expect(plain.status).toBe(404);
    expect(await plain.json()).toMatchObject({ status: 404, code: 'not.found' });
  });
});

describe('channel expiry', () => {
  it('closes an expired channel with socket_closing; a subscription change extends its life', async () => {
    const server = await start({ notifications: { channelLifetimeMs: 2000, heartbeatMs: 100 } });
    try {
      const token = issueToken(server.app, { persona: 'admin' });
      const created = await server.call('postNotificationsChannels', { token });
      const { id, connectUri } = created.body as { id: string; connectUri: string };
      const listener = await Listener.open(connectUri);
      await new Promise((r) => setTimeout(r, 1200));
      await server.call('postNotificationsChannelSubscriptions', {
        token,
        params: { channelId: id },
        body: [{ id: `v2.users.${PERSONAS.owner.id}.presence` }],
      });
      // 1.2 s + 1.2 s: past the first expiry (2 s), within the extended one (3.2 s).
      await new Promise((r) => setTimeout(r, 1200));
      expect(listener.closed).toBeNull();
      const closing = await listener.next((m) => m.topicName === 'v2.system.socket_closing', 3000);
      expect(closing.eventBody).toMatchObject({ channelId: id });
      await listener.waitClosed();
      const head = await server.call('headNotificationsChannel', { token, params: { channelId: id }, validate: false });
      expect(head.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('shutdown', () => {
  it('sends v2.system.socket_closing on every socket before the server closes', async () => {
    const server = await start();
    const token = issueToken(server.app, { persona: 'admin' });
    const created = await server.call('postNotificationsChannels', { token });
    const listener = await Listener.open((created.body as { connectUri: string }).connectUri);
    await server.close();
    const closing = await listener.next((m) => m.topicName === 'v2.system.socket_closing');
    expect(closing.eventBody).toMatchObject({ reason: 'The server is shutting down.' });
    await listener.waitClosed();
  });
});
