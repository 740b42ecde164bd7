/**
 * The pure parts of the notifications client (client.ts): which topics a channel carries for the
 * registrations that want them, the request that moves the channel from its topics to those, and how
 * long to wait before reconnecting.
 */

/** The Notifications API's limit of topics on one channel. */
export const TOPICS_PER_CHANNEL = 1000;

export interface TopicWish {
  /** The registration, in the order registrations were made. */
  key: number;
  topics: readonly string[];
}

export interface Allocation {
  /** Every topic the channel should carry, each once, in the order the registrations asked. */
  topics: string[];
  /** Registrations whose topics all fit. */
  fitted: Set<number>;
  /** Registrations left out: with theirs, the channel would carry more than `limit` topics. */
  refused: Set<number>;
}

/**
 * The topics of the registrations, oldest first, each registration whole or not at all: a
 * registration is refused when its topics that are not already on the channel would go over `limit`.
 * One channel a browser tab, so a newer roster never takes topics from one already live.
 */
export function allocateTopics(wishes: readonly TopicWish[], limit = TOPICS_PER_CHANNEL): Allocation {
  const chosen = new Set<string>();
  const fitted = new Set<number>();
  const refused = new Set<number>();
  for (const wish of wishes) {
    const extra = wish.topics.filter((t) => !chosen.has(t));
    if (chosen.size + new Set(extra).size > limit) {
      refused.add(wish.key);
      continue;
    }
    for (const t of extra) chosen.add(t);
    fitted.add(wish.key);
  }
  return { topics: [...chosen], fitted, refused };
}

export type SubscriptionChange =
  | { method: 'none' }
  /** Add topics (POST …/subscriptions): nothing to remove. */
  | { method: 'POST'; topics: string[] }
  /** Replace the list (PUT …/subscriptions): some topics go. */
  | { method: 'PUT'; topics: string[] }
  /** Remove every topic (DELETE …/subscriptions). */
  | { method: 'DELETE' };

/**
 * The one request that turns the channel's `current` topics into `wanted`: none when they are the
 * same, POST of the new ones when nothing goes (the smaller body), PUT of the whole list when some
 * go (the API has no removal of one topic), DELETE when none is left.
 */
export function planSubscriptionChange(current: ReadonlySet<string>, wanted: readonly string[]): SubscriptionChange {
  const next = new Set(wanted);
  const added = [...next].filter((t) => !current.has(t));
  const removed = [...current].some((t) => !next.has(t));
  if (!removed) return added.length ? { method: 'POST', topics: added } : { method: 'none' };
  return next.size ? { method: 'PUT', topics: [...next] } : { method: 'DELETE' };
}

/** The first reconnection waits about this long; each failure doubles it, up to RECONNECT_MAX_MS. */
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 60_000;

/**
 * The wait before reconnection attempt `attempt` (0 for the first): exponential from
 * RECONNECT_BASE_MS, capped at RECONNECT_MAX_MS, with "equal jitter" (between half and all of it) so
 * that tabs dropped together do not come back together.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** A message on the channel's socket: `{topicName, version, eventBody, metadata}`. */
export interface StreamMessage {
  topicName: string;
  eventBody: unknown;
}

/** The socket's text as a message, or null when it is not one. */
export function parseStreamMessage(text: unknown): StreamMessage | null {
  if (typeof text !== 'string') return null;
  try {
    const value = JSON.parse(text) as { topicName?: unknown; eventBody?: unknown };
    return typeof value?.topicName === 'string' ? { topicName: value.topicName, eventBody: value.eventBody } : null;
  } catch {
    return null;
  }
}

/** The channel's heartbeats and answers to pings. */
export const METADATA_TOPIC = 'channel.metadata';
/** Sent before the service closes the channel: reconnect on a new channel. */
export const SOCKET_CLOSING_TOPIC = 'v2.system.socket_closing';
