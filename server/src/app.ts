/**
 * The embedded Groups API server's HTTP app, wired to the real handlers.
 *
 *   const app = buildApp({ dataDir: './data', seed: 'demo' });
 *   await app.listen({ host: '127.0.0.1', port: 8080 });
 *
 * Options: see AppOptions in http/server.ts. Every operation of openapi/groups.yaml is registered
 * by operationId; a missing handler stops the server from starting.
 */
import type { FastifyInstance } from 'fastify';
import type { OperationHandlers } from './http/context.js';
import { auditHandlers } from './handlers/audits.js';
import { authorizationHandlers } from './handlers/authorization.js';
import { fieldconfigHandlers } from './handlers/fieldconfig.js';
import { groupHandlers } from './handlers/groups.js';
import { registerNotifications } from './handlers/notification-sockets.js';
import { registerApiMode } from './handlers/strict-mirror.js';
import { notificationHandlers } from './handlers/notifications.js';
import { organizationHandlers } from './handlers/organization.js';
import { presenceHandlers } from './handlers/presence.js';
import { tokenHandlers } from './handlers/tokens.js';
import { userHandlers } from './handlers/users.js';
import { createApp, type AppOptions } from './http/server.js';
import { openNotificationSockets, type HubLimits } from './domain/notifications/hub.js';

export type { AppOptions } from './http/server.js';

export interface BuildAppOptions extends AppOptions {
  /** Notification channels' limits and heartbeat interval (domain/notifications/hub.ts). Default the real API's. */
  notifications?: Partial<HubLimits>;
}

/** operationId → handler, for every operation of the document. */
export const handlers: OperationHandlers = {
  ...groupHandlers,
  ...userHandlers,
  ...fieldconfigHandlers,
  ...tokenHandlers,
  ...presenceHandlers,
  ...auditHandlers,
  ...organizationHandlers,
  ...notificationHandlers,
  ...authorizationHandlers,
};

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { notifications, ...appOptions } = options;
  // The notification hub and its WebSocket go in before the routes (notification-sockets.ts).
  const app = createApp({
    ...appOptions,
    handlers,
    extend: (app) => {
      registerNotifications(app, notifications);
      registerApiMode(app, appOptions.strictMirror ?? false);
    },
  });
  app.metrics?.countNotificationSockets(openNotificationSockets);
  return app;
}
