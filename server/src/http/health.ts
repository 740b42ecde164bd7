/**
 * `GET /healthz` (liveness): a cheap answer for container and load-balancer health checks (no auth, no
 * database work beyond what the process already holds). 200 `{"status":"ok"}` while the server runs;
 * 503 once it is closing.
 *
 * `GET /readyz` (readiness): whether the server can answer API requests now: the main database
 * connection answers `SELECT 1` and every reader thread has loaded. 200 `{"status":"ready"}`, or 503 with
 * an ErrorBody (`service.unavailable`) naming what is not ready. Neither is an API operation (they are
 * not in openapi/groups.yaml) and neither needs a token.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../contract/errors.js';
import { sendError } from './errors.js';

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

/** Undefined when ready, else what is not ready (a clause, e.g. "the database is closed"); may throw. */
export type ReadinessCheck = () => string | undefined;

export function registerHealth(app: FastifyInstance): void {
  app.get(HEALTH_PATH, async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
}

export function registerReadiness(app: FastifyInstance, check: ReadinessCheck): void {
  app.get(READY_PATH, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    let problem: string | undefined;
    try {
      problem = check();
    } catch (error) {
      problem = `the database cannot be read (${error instanceof Error ? error.message : String(error)})`;
    }
    if (!problem) return reply.send({ status: 'ready' });
    return sendError(request, reply, new ApiError(503, 'service.unavailable', `Not ready: ${problem}.`));
  });
}
