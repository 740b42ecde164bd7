/**
 * The notification channels' hub and WebSocket: `GET /streaming/channels/{channelId}` upgraded, as the real
 * API's `wss://streaming.<region host>/channels/{channelId}`. The channel id in the URL is the
 * credential (a channel is created with a token and its id is hard to guess), as on the real API.
 *
 * The socket receives `{topicName, version, eventBody, metadata}` messages for the channel's topics,
 * `channel.metadata` heartbeats, and `v2.system.socket_closing` before the channel closes. A client
 * may send `{"message":"ping"}` and gets `channel.metadata` with `pong`. Anything else it sends is
 * ignored. A plain GET (no upgrade) or an unknown channel answers 404 ErrorBody before any upgrade.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../contract/errors.js';
import { NotificationHub, PONG, type HubLimits } from '../domain/notifications/hub.js';
import { attachHub, detachHub } from '../domain/notifications/outbox.js';

export const STREAMING_PATH = '/streaming/channels';

/** Largest message a client may send (pings are a few bytes). */
const MAX_CLIENT_MESSAGE = 4096;

/** `ws(s)://<host>/streaming/channels`: what channels' connectUri start with for this request. */
export function streamingBase(request: FastifyRequest): string {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() ?? request.protocol;
  return `${proto === 'https' ? 'wss' : 'ws'}://${request.host}${STREAMING_PATH}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Notification channels, their subscriptions and sockets (domain/notifications/hub.ts). */
    notifications: NotificationHub;
  }
}

/**
 * Gives the app its notification hub (the receiver of the database's events, closed with the app), the
 * WebSocket plugin (before any route, as it requires) and the channels' socket route.
 */
export function registerNotifications(app: FastifyInstance, limits: Partial<HubLimits> = {}): void {
  const hub = new NotificationHub(limits);
  attachHub(app.db, hub);
  app.decorate('notifications', hub);
  app.addHook('onClose', async () => {
    hub.closeAll();
    detachHub(app.db, hub);
  });
  app.register(websocket, {
    options: { maxPayload: MAX_CLIENT_MESSAGE },
    // On shutdown every channel's socket hears v2.system.socket_closing before it closes.
    preClose(done) {
      hub.closeAll();
      const server = this.websocketServer;
      for (const client of server.clients) client.close(1001, 'Server shutting down');
      server.close(() => done());
    },
  });
  app.register(async (scope) => {
    scope.route<{ Params: { channelId: string } }>({
      method: 'GET',
      url: `${STREAMING_PATH}/:channelId`,
      preValidation: async (request) => {
        if (!hub.find(request.params.channelId))
          throw notFound(`No channel with id ${request.params.channelId}.`, request.params.channelId);
      },
      handler: async () => {
        throw notFound('Connect to a channel with a WebSocket (Upgrade: websocket).');
      },
      wsHandler: (socket, request) => {
        const channel = hub.find(request.params.channelId);
        if (!channel) {
          socket.close(1008, 'No such channel');
          return;
        }
        const disconnect = hub.connect(channel, {
          send: (text) => {
            if (socket.readyState === socket.OPEN) socket.send(text);
          },
          close: (code, reason) => socket.close(code, reason),
        });
        socket.on('message', (data, isBinary) => {
          if (isBinary) return;
          try {
            const message = (JSON.parse(String(data)) as { message?: unknown }).message;
            if (message === 'ping') socket.send(PONG);
          } catch {
            // Not JSON: ignored, as the real service does.
          }
        });
        socket.on('close', disconnect);
        socket.on('error', disconnect);
      },
    });
  });
}
