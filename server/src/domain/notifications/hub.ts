/**
 * The notification channels of one server: their subscriptions, their sockets, and the index
 * topic → channels that publishing reads. Channels live in memory, as the real ones live in the
 * streaming service: a restart closes them all (clients create new ones, as after socket_closing).
 *
 * Limits as the real Notifications API documents them (docs/roster.md):
 *   - 20 channels per user and OAuth client; creating the 21st removes the one with the oldest last use,
 *     channels without a connected socket first. A removed channel's socket gets v2.system.socket_closing.
 *   - 1,000 topics per channel.
 *   - A channel lives 24 h from its creation or its last subscription change; then it closes the same way.
 *   - One socket per channel: a new connection replaces the one before.
 *
 * Publishing costs one map lookup for a topic nobody subscribed to. Heartbeats (`channel.metadata`)
 * go every `heartbeatMs` to every connected socket, from one timer that runs only while sockets are open.
 */
import { randomUUID } from 'node:crypto';
import { AUDIT_TOPIC_ENTITY_TYPES } from './topics.js';

/** The sending end of a channel's WebSocket (the HTTP layer adapts the real socket to it). */
export interface ChannelSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface ChannelOwner {
  /** The signed-in user; null for a client-credentials token. */
  userId: string | null;
  clientId: string;
  /** The access token the channel was created with. */
  token: string;
}

export interface NotificationChannel {
  readonly id: string;
  readonly owner: ChannelOwner;
  readonly createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  /** Subscribed topic → the concrete topics it publishes on, in subscription order. */
  readonly subscriptions: Map<string, readonly string[]>;
  socket: ChannelSocket | null;
}

export interface HubLimits {
  channelsPerOwner: number;
  topicsPerChannel: number;
  channelLifetimeMs: number;
  heartbeatMs: number;
}

export const DEFAULT_HUB_LIMITS: HubLimits = {
  channelsPerOwner: 20,
  topicsPerChannel: 1000,
  channelLifetimeMs: 24 * 60 * 60 * 1000,
  heartbeatMs: 30_000,
};

/** Sockets open across every hub of this process: the `/metrics` gauge of open notification sockets. */
let openSockets = 0;
export const openNotificationSockets = (): number => openSockets;

/** A message of the streaming protocol: `{topicName, version, eventBody, metadata}`. */
export const streamMessage = (topicName: string, eventBody: unknown): string =>
  JSON.stringify({ topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } });

const HEARTBEAT = JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
export const PONG = JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'pong' } });

const ownerKey = (o: ChannelOwner) => `${o.userId ?? ''}\u0000${o.clientId}`;

export class NotificationHub {
  readonly limits: HubLimits;
  private readonly channels = new Map<string, NotificationChannel>();
  /** Concrete topic → the channels subscribed to it. */
  private readonly byTopic = new Map<string, Set<NotificationChannel>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private connected = 0;
  private readonly now: () => number;

  constructor(limits: Partial<HubLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...DEFAULT_HUB_LIMITS, ...limits };
    this.now = now;
  }

  /**
   * The name a topic is published under: as written by default; the API's mode may rename it (STRICT_MIRROR
   * publishes a group's audit topic under the entity type its Audit API answers, handlers/strict-mirror.ts).
   */
  publishedName: (topic: string) => string = (topic) => topic;
  /** The event body as published on a topic (as written by default; the mode may rename in it too). */
  publishedBody: (topic: string, body: unknown) => unknown = (_topic, body) => body;
  /** The entity types whose audit topic may be subscribed, as the API's mode names them. */
  auditEntityTypes: readonly string[] = AUDIT_TOPIC_ENTITY_TYPES;

  /** True when some channel listens to the topic: publishers skip building events otherwise. */
  hasSubscribers(topic: string): boolean {
    return this.byTopic.has(topic);
  }

  /** Sends a ready message to every connected channel subscribed to the topic. */
  deliver(topic: string, message: string): void {
    const channels = this.byTopic.get(topic);
    if (!channels) return;
    for (const channel of channels) channel.socket?.send(message);
  }

  create(owner: ChannelOwner): NotificationChannel {
    this.sweep();
    const key = ownerKey(owner);
    const mine = [...this.channels.values()].filter((c) => ownerKey(c.owner) === key);
    while (mine.length >= this.limits.channelsPerOwner) {
      // The oldest last use goes first, channels without a connected socket before connected ones.
      mine.sort((a, b) => Number(a.socket !== null) - Number(b.socket !== null) || a.lastUsedAt - b.lastUsedAt);
      const oldest = mine.shift() as NotificationChannel;
      this.close(oldest, 'The channel was replaced by a newer channel of the same user and OAuth client.');
    }
    const at = this.now();
    const channel: NotificationChannel = {
      id: randomUUID(),
      owner: { ...owner },
      createdAt: at,
      lastUsedAt: at,
      expiresAt: at + this.limits.channelLifetimeMs,
      subscriptions: new Map(),
      socket: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The live channel with that id; an expired one is closed and undefined. */
  find(id: string): NotificationChannel | undefined {
    const channel = this.channels.get(id);
    if (channel && channel.expiresAt <= this.now()) {
      this.close(channel, 'The channel expired.');
      return undefined;
    }
    return channel;
  }

  /** The channels of a user and OAuth client, oldest first. */
  channelsOf(owner: Pick<ChannelOwner, 'userId' | 'clientId'>): NotificationChannel[] {
    this.sweep();
    const key = ownerKey({ ...owner, token: '' });
    return [...this.channels.values()].filter((c) => ownerKey(c.owner) === key);
  }

  /** Replaces the channel's subscriptions (the caller has checked the limit and the topics). */
  setSubscriptions(channel: NotificationChannel, topics: ReadonlyMap<string, readonly string[]>): void {
    for (const concrete of channel.subscriptions.values()) for (const t of concrete) this.unindex(t, channel);
    channel.subscriptions.clear();
    for (const [id, concrete] of topics) channel.subscriptions.set(id, concrete);
    for (const concrete of channel.subscriptions.values()) for (const t of concrete) this.index(t, channel);
    this.touch(channel, true);
  }

  /** Marks a use of the channel; a subscription change also extends its life by the full lifetime. */
  touch(channel: NotificationChannel, extend = false): void {
    channel.lastUsedAt = this.now();
    if (extend) channel.expiresAt = channel.lastUsedAt + this.limits.channelLifetimeMs;
  }

  /** Connects a socket to the channel (the one before is closed); returns its disconnect function. */
  connect(channel: NotificationChannel, socket: ChannelSocket): () => void {
    if (channel.socket) this.dropSocket(channel, 1000, 'Another connection replaced this one.');
    channel.socket = socket;
    this.connected++;
    openSockets++;
    this.touch(channel);
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.beat(), this.limits.heartbeatMs);
      this.heartbeat.unref();
    }
    return () => {
      if (channel.socket !== socket) return;
      channel.socket = null;
      this.socketGone();
    };
  }

  /** Sends v2.system.socket_closing on the channel's socket, closes it and forgets the channel. */
  close(channel: NotificationChannel, reason: string): void {
    if (this.channels.get(channel.id) !== channel) return;
    this.channels.delete(channel.id);
    for (const concrete of channel.subscriptions.values()) for (const t of concrete) this.unindex(t, channel);
    channel.subscriptions.clear();
    if (channel.socket) {
      channel.socket.send(
        streamMessage('v2.system.socket_closing', {
          channelId: channel.id,
          systemTopicType: 'socket_closing',
          ...(channel.owner.userId ? { userId: channel.owner.userId } : {}),
          oauthClientId: channel.owner.clientId,
          reason,
          message: 'Socket closing',
        }),
      );
      this.dropSocket(channel, 1000, 'Channel closed');
    }
  }

  /** Closes every channel (the server is stopping). */
  closeAll(): void {
    for (const channel of [...this.channels.values()]) this.close(channel, 'The server is shutting down.');
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** How many channels, connected sockets and concrete topic subscriptions the hub holds. */
  stats(): { channels: number; sockets: number; topics: number } {
    let topics = 0;
    for (const set of this.byTopic.values()) topics += set.size;
    return { channels: this.channels.size, sockets: this.connected, topics };
  }

  private dropSocket(channel: NotificationChannel, code: number, reason: string): void {
    const socket = channel.socket;
    if (!socket) return;
    channel.socket = null;
    this.socketGone();
    try {
      socket.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  private socketGone(): void {
    this.connected--;
    openSockets--;
    if (this.connected === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private beat(): void {
    this.sweep();
    for (const channel of this.channels.values()) channel.socket?.send(HEARTBEAT);
  }

  /** Closes the expired channels. */
  private sweep(): void {
    const at = this.now();
    for (const channel of [...this.channels.values()])
      if (channel.expiresAt <= at) this.close(channel, 'The channel expired.');
  }

  private index(topic: string, channel: NotificationChannel): void {
    let set = this.byTopic.get(topic);
    if (!set) this.byTopic.set(topic, (set = new Set()));
    set.add(channel);
  }

  private unindex(topic: string, channel: NotificationChannel): void {
    const set = this.byTopic.get(topic);
    if (!set) return;
    set.delete(channel);
    if (set.size === 0) this.byTopic.delete(topic);
  }
}
