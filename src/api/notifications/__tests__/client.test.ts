import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINGER_MS, NotificationClient, type NotificationTransport, type PushState, type SocketLike } from '../client';
import { RECONNECT_MAX_MS } from '../plan';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly uri: string) {}
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({});
  }
  emit(topicName: string, eventBody: unknown) {
    this.onmessage?.({ data: JSON.stringify({ topicName, version: '2', eventBody, metadata: {} }) });
  }
  drop() {
    this.onclose?.({});
  }
}

const fakeTransport = () => {
  const calls: string[] = [];
  const sockets: FakeSocket[] = [];
  let channels = 0;
  let failCreate = false;
  const transport: NotificationTransport = {
    createChannel: async () => {
      calls.push('create');
      if (failCreate) throw new Error('unavailable');
      channels++;
      return { id: `c${channels}`, connectUri: `wss://streaming.example/channels/c${channels}` };
    },
    changeSubscriptions: async (id, change) => {
      calls.push(`${change.method} ${id}${'topics' in change ? ` ${change.topics.join(',')}` : ''}`);
      return [];
    },
    openSocket: (uri) => {
      const socket = new FakeSocket(uri);
      sockets.push(socket);
      return socket;
    },
  };
  return {
    transport,
    calls,
    sockets,
    setFailCreate: (v: boolean) => (failCreate = v),
    last: () => sockets[sockets.length - 1]!,
  };
};

const handlers = () => {
  const states: PushState[] = [];
  const events: Array<[string, unknown]> = [];
  let gaps = 0;
  return {
    states,
    events,
    gaps: () => gaps,
    h: {
      onEvent: (t: string, b: unknown) => events.push([t, b]),
      onState: (s: PushState) => states.push(s),
      onGap: () => gaps++,
    },
  };
};

/** Lets the client's promises and microtasks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('NotificationClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('creates one channel lazily, connects to its connectUri, subscribes, and goes live with a gap', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    expect(t.calls).toEqual([]);
    const a = handlers();
    client.subscribe(['x', 'y'], a.h);
    await settle();
    expect(t.calls).toEqual(['create']);
    expect(t.last().uri).toBe('wss://streaming.example/channels/c1');
    t.last().open();
    await settle();
    expect(t.calls).toEqual(['create', 'POST c1 x,y']);
    expect(a.states).toEqual(['connecting', 'live']);
    expect(a.gaps()).toBe(1);

    t.last().emit('x', { v: 1 });
    t.last().emit('channel.metadata', { message: 'WebSocket Heartbeat' });
    t.last().emit('z', { v: 2 });
    expect(a.events).toEqual([['x', { v: 1 }]]);
  });

  it('shares the channel between views and changes its topics by diff', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const a = handlers();
    const b = handlers();
    const subA = client.subscribe(['x'], a.h);
    await settle();
    t.last().open();
    await settle();
    const subB = client.subscribe(['y'], b.h);
    await settle();
    subA.setTopics(['x', 'w']);
    await settle();
    subB.release();
    await settle();
    expect(t.calls).toEqual(['create', 'POST c1 x', 'POST c1 y', 'POST c1 w', 'PUT c1 x,w']);
    expect(t.sockets).toHaveLength(1);
    expect(b.states).toEqual(['connecting', 'live']);
  });

  it('refuses a view whose topics would overflow the channel, and lets it in when room is made', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const many = Array.from({ length: 999 }, (_, i) => `u${i}`);
    const big = handlers();
    const other = handlers();
    const subBig = client.subscribe(many, big.h);
    await settle();
    t.last().open();
    await settle();
    client.subscribe(['a', 'b'], other.h);
    await settle();
    expect(other.states).toEqual(['connecting', 'refused']);
    subBig.release();
    await settle();
    expect(other.states).toEqual(['connecting', 'refused', 'live']);
    expect(other.gaps()).toBe(1);
  });

  it('on a drop: down, reconnects on a new channel after a backoff, subscribes again, and reports a gap', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const a = handlers();
    client.subscribe(['x'], a.h);
    await settle();
    t.last().open();
    await settle();
    t.last().drop();
    expect(a.states.at(-1)).toBe('down');
    t.setFailCreate(true);
    await vi.advanceTimersByTimeAsync(1_000); // first attempt: within 0.5–1 s; fails
    expect(t.calls.filter((c) => c === 'create')).toHaveLength(2);
    expect(a.states.at(-1)).toBe('down');
    t.setFailCreate(false);
    await vi.advanceTimersByTimeAsync(2_000); // second attempt: within 1–2 s
    expect(t.calls.filter((c) => c === 'create')).toHaveLength(3);
    t.last().open();
    await settle();
    expect(t.calls.at(-1)).toBe('POST c2 x');
    expect(a.states.at(-1)).toBe('live');
    expect(a.gaps()).toBe(2);
    // Events of the old socket are not delivered any more.
    t.sockets[0]!.emit('x', 'late');
    expect(a.events).toEqual([]);
  });

  it('moves to a new channel when the service announces that it closes this one', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const a = handlers();
    client.subscribe(['x'], a.h);
    await settle();
    const first = t.last();
    first.open();
    await settle();
    first.emit('v2.system.socket_closing', { message: 'Socket closing' });
    expect(first.closed).toBe(true);
    expect(a.states.at(-1)).toBe('down');
    await vi.advanceTimersByTimeAsync(1_000);
    t.last().open();
    await settle();
    expect(a.states.at(-1)).toBe('live');
    expect(t.sockets).toHaveLength(2);
  });

  it('takes a silent socket for lost', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const a = handlers();
    client.subscribe(['x'], a.h);
    await settle();
    t.last().open();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    t.last().emit('channel.metadata', { message: 'WebSocket Heartbeat' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a.states.at(-1)).toBe('live');
    await vi.advanceTimersByTimeAsync(35_200);
    expect(a.states.slice(-2)).toEqual(['live', 'down']);
    expect(t.sockets[0]!.closed).toBe(true);
  });

  it('keeps retrying no faster than the cap', async () => {
    const t = fakeTransport();
    t.setFailCreate(true);
    const client = new NotificationClient(t.transport);
    client.subscribe(['x'], handlers().h);
    await settle();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const attempts = t.calls.filter((c) => c === 'create').length;
    // 0.5–1, 1–2, 2–4, … 30–60 s, then at least every 30 s: far fewer than one a second.
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThanOrEqual(8 + (10 * 60_000) / (RECONNECT_MAX_MS / 2));
  });

  it('closes the socket a moment after the last view lets go, and keeps it for a view that follows at once', async () => {
    const t = fakeTransport();
    const client = new NotificationClient(t.transport);
    const first = client.subscribe(['x'], handlers().h);
    await settle();
    t.last().open();
    await settle();
    first.release();
    await settle();
    await vi.advanceTimersByTimeAsync(LINGER_MS / 2);
    const next = client.subscribe(['y'], handlers().h);
    await settle();
    expect(t.sockets).toHaveLength(1);
    expect(t.last().closed).toBe(false);
    expect(t.calls.at(-1)).toBe('PUT c1 y');
    next.release();
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(t.last().closed).toBe(true);
    expect(client.connected).toBe(false);
  });
});
