/**
 * The console's notifications client: one channel of the Notifications API per browser tab, shared by
 * every view that wants events (docs/roster.md, "Live by push").
 *
 *   - The channel is created when a view first subscribes, and its socket closed LINGER_MS after the
 *     last view lets go (a view that follows at once, as on going from one group to another, keeps it).
 *   - The socket is opened at whatever `connectUri` the channel names: the embedded server's own
 *     `/streaming/channels/{id}`, or a real org's streaming host.
 *   - The channel's topics are the views' topics (at most TOPICS_PER_CHANNEL; a view that does not fit
 *     is told so and polls), changed by one request each time they change (plan.ts).
 *   - When the socket drops or the service announces `v2.system.socket_closing`, every view is told it
 *     is down, and the client reconnects on a new channel after an exponential backoff, subscribes again
 *     and tells every view that events may have been missed (`onGap`), so each reads once.
 *   - Heartbeats arrive every 30 s; a socket silent for HEARTBEAT_TIMEOUT_MS is taken for lost.
 */
import {
  deleteNotificationsChannelSubscriptions,
  postNotificationsChannelSubscriptions,
  postNotificationsChannels,
  putNotificationsChannelSubscriptions,
} from '@/api/generated/endpoints/notifications/notifications';
import type { ChannelTopicEntityListing } from '@/api/generated/model/channelTopicEntityListing';
import {
  allocateTopics,
  METADATA_TOPIC,
  parseStreamMessage,
  planSubscriptionChange,
  reconnectDelayMs,
  SOCKET_CLOSING_TOPIC,
  type SubscriptionChange,
} from './plan';

/** How a view's topics stand: `live` while their events arrive; anything else means poll. */
export type PushState = 'connecting' | 'live' | 'down' | 'refused';

export interface TopicHandlers {
  /** An event on one of the view's topics. */
  onEvent: (topicName: string, body: unknown) => void;
  onState: (state: PushState) => void;
  /** The view's topics just went live (first time, or again after a drop): events may have been missed. */
  onGap: () => void;
}

export interface TopicSubscription {
  setTopics: (topics: readonly string[]) => void;
  release: () => void;
}

/** What the client needs of a socket: the browser's WebSocket has it. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close: (code?: number, reason?: string) => void;
}

export interface NotificationTransport {
  createChannel: () => Promise<{ id: string; connectUri: string }>;
  /** Makes the change; resolves with the topics the service rejected. */
  changeSubscriptions: (
    channelId: string,
    change: Exclude<SubscriptionChange, { method: 'none' }>,
  ) => Promise<string[]>;
  openSocket: (uri: string) => SocketLike;
}

/** The socket stays this long after the last view lets go. */
export const LINGER_MS = 3_000;
/** Three heartbeats (every 30 s) missed: the socket is lost. */
export const HEARTBEAT_TIMEOUT_MS = 95_000;

interface Registration {
  key: number;
  topics: readonly string[];
  set: Set<string>;
  handlers: TopicHandlers;
  state: PushState;
}

export class NotificationClient {
  private readonly regs = new Map<number, Registration>();
  private nextKey = 1;
  private channel: { id: string; connectUri: string } | null = null;
  private socket: SocketLike | null = null;
  private socketOpen = false;
  private connecting = false;
  /** The topics on the channel now. */
  private current = new Set<string>();
  private running = false;
  private again = false;
  private attempt = 0;
  /** Bumped whenever a socket is let go, so its late callbacks are ignored. */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private lingerTimer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly transport: NotificationTransport) {}

  subscribe(topics: readonly string[], handlers: TopicHandlers): TopicSubscription {
    const reg: Registration = {
      key: this.nextKey++,
      topics: [...topics],
      set: new Set(topics),
      handlers,
      state: 'connecting',
    };
    this.regs.set(reg.key, reg);
    handlers.onState(reg.state);
    this.sync();
    return {
      setTopics: (next) => {
        if (!this.regs.has(reg.key)) return;
        if (next.length === reg.topics.length && next.every((t) => reg.set.has(t))) return;
        reg.topics = [...next];
        reg.set = new Set(next);
        this.sync();
      },
      release: () => {
        if (this.regs.delete(reg.key)) this.sync();
      },
    };
  }

  /** Whether a socket is open (for tests and diagnostics). */
  get connected(): boolean {
    return this.socketOpen;
  }

  private sync(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    queueMicrotask(() => void this.run());
  }

  private async run(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  private async step(): Promise<void> {
    if (this.regs.size === 0) {
      this.cancelRetry();
      if (this.socket && !this.lingerTimer)
        this.lingerTimer = setTimeout(() => {
          this.lingerTimer = null;
          if (this.regs.size === 0) this.letGo(true);
        }, LINGER_MS);
      return;
    }
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    if (this.retryTimer || this.connecting) return;
    if (!this.socket) {
      await this.connect();
      return;
    }
    if (!this.socketOpen || !this.channel) return;
    const channelId = this.channel.id;
    const generation = this.generation;
    const regs = [...this.regs.values()];
    const allocation = allocateTopics(regs.map((r) => ({ key: r.key, topics: r.topics })));
    const change = planSubscriptionChange(this.current, allocation.topics);
    let rejected: string[] = [];
    if (change.method !== 'none') {
      try {
        rejected = await this.transport.changeSubscriptions(channelId, change);
      } catch {
        if (generation === this.generation) this.lost();
        return;
      }
      if (generation !== this.generation) return;
      this.current = new Set(allocation.topics.filter((t) => !rejected.includes(t)));
    }
    this.attempt = 0;
    const refusedTopics = new Set(rejected);
    for (const reg of regs) {
      if (!this.regs.has(reg.key)) continue;
      const refused = allocation.refused.has(reg.key) || reg.topics.some((t) => refusedTopics.has(t));
      // Topics added to a live view since the plan was made are covered by the next pass.
      this.setState(reg, refused ? 'refused' : 'live');
    }
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    for (const reg of this.regs.values()) if (reg.state !== 'refused') this.setState(reg, 'connecting');
    let channel: { id: string; connectUri: string };
    try {
      channel = await this.transport.createChannel();
    } catch {
      this.connecting = false;
      this.lost();
      return;
    }
    this.connecting = false;
    if (this.regs.size === 0) return;
    const generation = ++this.generation;
    let socket: SocketLike;
    try {
      socket = this.transport.openSocket(channel.connectUri);
    } catch {
      this.lost();
      return;
    }
    this.channel = channel;
    this.socket = socket;
    this.socketOpen = false;
    this.current = new Set();
    socket.onopen = () => {
      if (generation !== this.generation) return;
      this.socketOpen = true;
      this.armWatchdog();
      this.sync();
    };
    socket.onmessage = (event) => {
      if (generation !== this.generation) return;
      this.armWatchdog();
      const message = parseStreamMessage(event.data);
      if (!message || message.topicName === METADATA_TOPIC) return;
      if (message.topicName === SOCKET_CLOSING_TOPIC) {
        // The service closes this channel soon: move to a new one now.
        this.attempt = 0;
        this.lost();
        return;
      }
      for (const reg of [...this.regs.values()])
        if (reg.state === 'live' && reg.set.has(message.topicName))
          reg.handlers.onEvent(message.topicName, message.eventBody);
    };
    socket.onclose = () => {
      if (generation === this.generation) this.lost();
    };
    socket.onerror = () => {
      // A close follows.
    };
  }

  /** The socket is gone: views poll, and a new channel is tried after the backoff. */
  private lost(): void {
    this.letGo(false);
    for (const reg of this.regs.values()) if (reg.state !== 'refused') this.setState(reg, 'down');
    if (this.regs.size === 0 || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.sync();
    }, reconnectDelayMs(this.attempt++));
  }

  /** Forgets the channel and closes its socket (`quietly`: nothing needs it any more). */
  private letGo(quietly: boolean): void {
    this.generation++;
    const socket = this.socket;
    this.socket = null;
    this.socketOpen = false;
    this.channel = null;
    this.current = new Set();
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
    if (quietly) {
      this.cancelRetry();
      this.attempt = 0;
    }
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        // eslint-disable-next-line lingui/no-unlocalized-strings -- the WebSocket close reason, for the server's logs
        socket.close(1000, quietly ? 'Nothing needs this channel' : 'Reconnecting');
      } catch {
        // Already closed.
      }
    }
  }

  private cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private armWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    const generation = this.generation;
    this.watchdog = setTimeout(() => {
      if (generation === this.generation) this.lost();
    }, HEARTBEAT_TIMEOUT_MS);
  }

  private setState(reg: Registration, state: PushState): void {
    if (reg.state === state) return;
    const wasLive = reg.state === 'live';
    reg.state = state;
    reg.handlers.onState(state);
    if (state === 'live' && !wasLive) reg.handlers.onGap();
  }
}

const rejectedOf = (listing: ChannelTopicEntityListing | undefined): string[] =>
  (listing?.entities ?? []).filter((t) => t.state === 'Rejected').map((t) => t.id);

/** The Notifications API through the console's network door, and the browser's WebSocket. */
export const browserTransport: NotificationTransport = {
  createChannel: async () => {
    const channel = await postNotificationsChannels();
    if (!channel.id || !channel.connectUri) throw new Error('The channel came without an id or connectUri.');
    return { id: channel.id, connectUri: channel.connectUri };
  },
  changeSubscriptions: async (channelId, change) => {
    if (change.method === 'DELETE') {
      await deleteNotificationsChannelSubscriptions(channelId);
      return [];
    }
    const body = change.topics.map((id) => ({ id }));
    const send = change.method === 'PUT' ? putNotificationsChannelSubscriptions : postNotificationsChannelSubscriptions;
    return rejectedOf(await send(channelId, body, { ignoreErrors: true }));
  },
  openSocket: (uri) => new WebSocket(uri) as unknown as SocketLike,
};

let shared: NotificationClient | undefined;

/** The browser tab's one notifications client. */
export const notificationClient = (): NotificationClient => (shared ??= new NotificationClient(browserTransport));
