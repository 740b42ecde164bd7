/**
 * The notification channels under load (`npm run bench -- --only=notify`): on its own server (the
 * demo seed in bench/.tmp/notify, a child process as in the other sections),
 *   - the time from a presence PATCH sent to its event on a subscribed socket, p50 and p95 over
 *     `events` changes, with no other channel open and again while the server holds the channels below;
 *   - what holding `channels` channels × `topics` topics (sockets connected) costs the server in RSS;
 *   - the requests a minute of an open 500-member roster kept live by push (roster-push.ts), while one
 *     member's presence changes every second, beside what the same roster spends polling.
 * The 20-channels-per-user-and-client limit caps a (user, client) pair at 20 channels, so the channels
 * are spread over the five personas' sign-ins and the two client-credentials clients.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { PERSONA_PASSWORD, PERSONAS } from '../../server/src/db/seed/personas';
import { orgPresenceDefinitions } from '../../server/src/domain/users/presence';
import { clientCredentialsToken, DEMO_CLIENTS, loginWithPassword } from '../../server/test/support/sign-in';
import { figure, percentile, type Figure } from './report';
import { measureRosterPush, type RosterPushResult } from './roster-push';
import { startServer } from './server';

export interface NotifyBenchOptions {
  root: string;
  tmp: string;
  events?: number;
  channels?: number;
  topics?: number;
  /** How long the open roster is held live (ms). */
  rosterWindowMs?: number;
  log: (line: string) => void;
}

export interface NotifyBenchResult {
  events: number;
  idle: { p50Ms: number | null; p95Ms: number | null };
  loaded: { p50Ms: number | null; p95Ms: number | null };
  channels: number;
  topicsPerChannel: number;
  rssBeforeMiB: number | null;
  rssHoldingMiB: number | null;
  rosterPush: RosterPushResult;
}

async function request<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const open = (uri: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(uri);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });

/** A channel of the token subscribed to the topics, with its socket open. */
async function channel(url: string, token: string, topics: string[]): Promise<WebSocket> {
  const created = await request<{ id: string; connectUri: string }>(
    url,
    token,
    'POST',
    '/api/v2/notifications/channels',
  );
  if (topics.length > 0)
    await request(
      url,
      token,
      'PUT',
      `/api/v2/notifications/channels/${created.id}/subscriptions`,
      topics.map((id) => ({ id })),
    );
  return open(created.connectUri);
}

/** `events` presence changes of the user, each timed from the PATCH sent to its event on the socket. */
async function timeEvents(url: string, token: string, userId: string, socket: WebSocket, events: number) {
  const definitions = ['Available', 'Away'].map(
    (name) => orgPresenceDefinitions().find((d) => d.systemPresence === name)!.id,
  );
  const topic = `v2.users.${userId}.presence`;
  const times: number[] = [];
  for (let i = 0; i < events; i++) {
    const definitionId = definitions[i % 2]!;
    const arrived = new Promise<number>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as {
          topicName: string;
          eventBody: { presenceDefinition?: { id?: string } };
        };
        if (message.topicName === topic && message.eventBody.presenceDefinition?.id === definitionId) {
          socket.off('message', onMessage);
          resolve(performance.now());
        }
      };
      socket.on('message', onMessage);
    });
    const sent = performance.now();
    await request(url, token, 'PATCH', `/api/v2/users/${userId}/presences/PURECLOUD`, {
      presenceDefinition: { id: definitionId },
    });
    times.push((await arrived) - sent);
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

/**
 * A 500-member group with the admin in it, held live by the console's client while the admin's
 * presence changes every second (the admin may set their own).
 */
async function measureRoster(url: string, windowMs: number): Promise<RosterPushResult> {
  const admin = PERSONAS.admin;
  const token = (await loginWithPassword(url, admin.email, PERSONA_PASSWORD)).accessToken;
  const call = <T>(method: string, path: string, body?: unknown) => request<T>(url, token, method, path, body);
  const group = await call<{ id: string }>('POST', '/api/v2/groups', {
    name: `Bench live roster ${Date.now().toString(36)}`,
    type: 'official',
    visibility: 'public',
    rulesVisible: true,
  });
  const others = (await call<{ entities: Array<{ id: string }> }>('GET', '/api/v2/users?pageSize=500')).entities
    .map((u) => u.id)
    .filter((id) => id !== admin.id);
  const memberIds = [admin.id, ...others].slice(0, 500);
  for (let i = 0; i < memberIds.length; i += 50)
    await call('POST', `/api/v2/groups/${group.id}/members`, { memberIds: memberIds.slice(i, i + 50) });
  const definitions = ['Available', 'Away'].map(
    (name) => orgPresenceDefinitions().find((d) => d.systemPresence === name)!.id,
  );
  return measureRosterPush({
    request: call,
    groupId: group.id,
    memberIds,
    withChanges: true,
    windowMs,
    everyMs: 1_000,
    change: (n) =>
      call('PATCH', `/api/v2/users/${admin.id}/presences/PURECLOUD`, {
        presenceDefinition: { id: definitions[n % 2] },
      }),
  });
}

export async function runNotifyBench(
  options: NotifyBenchOptions,
): Promise<{ result: NotifyBenchResult; figures: Figure[] }> {
  const { log } = options;
  const events = options.events ?? 100;
  const wanted = options.channels ?? 140;
  const topicsPerChannel = options.topics ?? 1000;
  const dataDir = join(options.tmp, 'notify');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = await startServer({
    root: options.root,
    dataDir,
    staticDir: join(options.tmp, 'none'),
    seed: 'demo',
    timeoutMs: 120_000,
    log,
  });
  const sockets: WebSocket[] = [];
  try {
    const url = server.url;
    const owner = PERSONAS.owner;
    const ownerToken = (await loginWithPassword(url, owner.email, PERSONA_PASSWORD)).accessToken;
    const probe = await channel(url, ownerToken, [`v2.users.${owner.id}.presence`]);
    sockets.push(probe);
    const idle = await timeEvents(url, ownerToken, owner.id, probe, events);
    log(`  presence PATCH → event, nothing else held: p50 ${idle.p50Ms} ms, p95 ${idle.p95Ms} ms`);

    const rosterPush = await measureRoster(url, options.rosterWindowMs ?? 60_000);
    log(
      `  open 500-member roster, push: ${rosterPush.pushPerMinute} requests/min (${rosterPush.clientRequests} by the client in ${rosterPush.windowS} s with ${rosterPush.events} events, + ${rosterPush.rereadPerMinute}/min re-read); polling: ${rosterPush.pollingPerMinute}/min`,
    );

    const tokens: string[] = [];
    for (const persona of Object.values(PERSONAS))
      tokens.push((await loginWithPassword(url, persona.email, PERSONA_PASSWORD)).accessToken);
    for (const client of Object.values(DEMO_CLIENTS))
      tokens.push((await clientCredentialsToken(url, client)).accessToken);
    // 20 a (user, client) pair, less the probe's channel for the owner.
    const channels = Math.min(wanted, tokens.length * 20 - 1);
    const users = (
      await request<{ entities: Array<{ id: string }> }>(url, tokens[0]!, 'GET', '/api/v2/users?pageSize=500')
    ).entities.map((u) => u.id);
    const rssBefore = server.memory()?.rssKb ?? null;
    let made = 0;
    for (const [i, token] of tokens.entries()) {
      const quota = i === tokens.findIndex((_, j) => Object.values(PERSONAS)[j]?.id === owner.id) ? 19 : 20;
      for (let k = 0; k < quota && made < channels; k++, made++) {
        const topics = Array.from(
          { length: topicsPerChannel },
          (_, t) => `v2.users.${users[(made * topicsPerChannel + t) % users.length]}.activity`,
        );
        sockets.push(await channel(url, token, topics));
      }
    }
    const rssHolding = server.memory()?.rssKb ?? null;
    log(
      `  holding ${made} channels × ${topicsPerChannel} topics: server RSS ${rssBefore === null ? '?' : Math.round(rssBefore / 1024)} → ${rssHolding === null ? '?' : Math.round(rssHolding / 1024)} MiB`,
    );
    const loaded = await timeEvents(url, ownerToken, owner.id, probe, events);
    log(`  presence PATCH → event while holding them: p50 ${loaded.p50Ms} ms, p95 ${loaded.p95Ms} ms`);

    const mib = (kb: number | null) => (kb === null ? null : Math.round(kb / 102.4) / 10);
    const result: NotifyBenchResult = {
      events,
      idle,
      loaded,
      channels: made,
      topicsPerChannel,
      rssBeforeMiB: mib(rssBefore),
      rssHoldingMiB: mib(rssHolding),
      rosterPush,
    };
    const s = 'notify';
    const figures = [
      figure(s, 'presence PATCH → event p50', idle.p50Ms, 'ms', undefined, `${events} changes, one channel open`),
      figure(
        s,
        'presence PATCH → event p95',
        idle.p95Ms,
        'ms',
        { op: '<', limit: 1000 },
        `${events} changes, one channel open`,
      ),
      figure(
        s,
        'presence PATCH → event p95, channels held',
        loaded.p95Ms,
        'ms',
        { op: '<', limit: 1000 },
        `p50 ${loaded.p50Ms} ms; ${made} channels × ${topicsPerChannel} topics held`,
      ),
      figure(
        s,
        'open 500-member roster, push: requests per minute',
        rosterPush.pushPerMinute,
        'requests',
        { op: '<=', limit: 2 },
        `${rosterPush.clientRequests} client requests in ${rosterPush.windowS} s of ${rosterPush.events} events, + the re-read every 5 min; polling: ${rosterPush.pollingPerMinute}/min`,
      ),
      figure(
        s,
        `server RSS holding ${made} channels × ${topicsPerChannel} topics`,
        result.rssHoldingMiB,
        'MiB',
        undefined,
        `${result.rssBeforeMiB} MiB before; sockets connected; demo seed`,
      ),
    ];
    return { result, figures };
  } finally {
    for (const socket of sockets) socket.terminate();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
