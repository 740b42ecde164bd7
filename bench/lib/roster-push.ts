/**
 * The steady state of an open roster kept live by push (src/features/groups/roster/): a 500-member
 * group, the console's notifications client (src/api/notifications/client.ts) run in Node against the
 * bench's server with the topics the members tab subscribes, and the requests it makes while events
 * flow. Beside it, what the same roster spends polling (roster-model.ts).
 *
 * Requests a minute with push = the client's requests in the window (measured: subscription upkeep,
 * reconnects) + the slow re-read the members tab still schedules while live (the whole group and the
 * visible page once every LIVE_REREAD_MS, from live-events.ts; counted, not waited for).
 */
import WebSocket from 'ws';
import { NotificationClient, type NotificationTransport, type SocketLike } from '../../src/api/notifications/client';
import { LIVE_REREAD_MS, rosterTopics, statusUpdateOf } from '../../src/features/groups/roster/live-events';
import { pagesFor, requestsPerMinute } from '../../src/features/groups/roster/roster-model';

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export interface RosterPushResult {
  members: number;
  windowS: number;
  events: number;
  clientRequests: number;
  rereadPerMinute: number;
  pushPerMinute: number;
  pollingPerMinute: number;
}

/** The client's transport over the bench's HTTP helper and `ws`, counting every request. */
const countingTransport = (request: Request, counter: { requests: number }): NotificationTransport => ({
  createChannel: async () => {
    counter.requests++;
    const c = await request<{ id: string; connectUri: string }>('POST', '/api/v2/notifications/channels');
    return { id: c.id, connectUri: c.connectUri };
  },
  changeSubscriptions: async (id, change) => {
    counter.requests++;
    const path = `/api/v2/notifications/channels/${id}/subscriptions`;
    if (change.method === 'DELETE') {
      await request('DELETE', path);
      return [];
    }
    const listing = await request<{ entities?: Array<{ id: string; state?: string }> }>(
      change.method,
      `${path}?ignoreErrors=true`,
      change.topics.map((t) => ({ id: t })),
    );
    return (listing.entities ?? []).filter((t) => t.state === 'Rejected').map((t) => t.id);
  },
  openSocket: (uri) => {
    const socket = new WebSocket(uri);
    const like: SocketLike = {
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
      close: (c, r) => socket.close(c, r),
    };
    socket.on('open', () => like.onopen?.({}));
    socket.on('message', (data) => like.onmessage?.({ data: String(data) }));
    socket.on('close', () => like.onclose?.({}));
    socket.on('error', () => like.onerror?.({}));
    return like;
  },
});

/**
 * Holds a live roster of `memberIds` (the group `groupId`) for `windowMs` while `change()` makes a
 * presence change every `everyMs`; answers the requests the client made once live, and the events.
 */
export async function measureRosterPush(options: {
  request: Request;
  groupId: string;
  memberIds: readonly string[];
  withChanges: boolean;
  windowMs: number;
  everyMs: number;
  change: (n: number) => Promise<void>;
}): Promise<RosterPushResult> {
  const counter = { requests: 0 };
  const client = new NotificationClient(countingTransport(options.request, counter));
  let events = 0;
  let live!: () => void;
  const isLive = new Promise<void>((resolve) => (live = resolve));
  const subscription = client.subscribe(rosterTopics(options.groupId, options.memberIds, options.withChanges), {
    onEvent: (topic, body) => {
      if (statusUpdateOf(topic, body)) events++;
    },
    onState: (state) => state === 'live' && live(),
    onGap: () => undefined,
  });
  try {
    await isLive;
    const setup = counter.requests;
    const started = performance.now();
    for (let n = 0; performance.now() - started < options.windowMs; n++) {
      await options.change(n);
      await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    }
    const windowS = (performance.now() - started) / 1000;
    const clientRequests = counter.requests - setup;
    const members = options.memberIds.length;
    // The whole group's reading and the visible page, once each LIVE_REREAD_MS.
    const rereadPerMinute = ((pagesFor(members) + 1) * 60_000) / LIVE_REREAD_MS;
    return {
      members,
      windowS: Math.round(windowS),
      events,
      clientRequests,
      rereadPerMinute: Math.round(rereadPerMinute * 100) / 100,
      pushPerMinute: Math.round(((clientRequests * 60) / windowS + rereadPerMinute) * 100) / 100,
      pollingPerMinute: Math.round(requestsPerMinute(members) * 100) / 100,
    };
  } finally {
    subscription.release();
  }
}
