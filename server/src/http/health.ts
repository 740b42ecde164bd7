/**
 * `GET /healthz`: a cheap answer for container and load-balancer health checks (no auth, no
 * database work beyond what the process already holds). 200 `{"status":"ok"}` while the server runs;
 * 503 once it is closing.
 */
import type { FastifyInstance } from 'fastify';

export const HEALTH_PATH = '/healthz';

export function registerHealth(app: FastifyInstance): void {
  app.get(HEALTH_PATH, async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
}
