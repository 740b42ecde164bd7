/**
 * Types shared by the HTTP layer and the endpoint handlers.
 * The app decorates every authenticated request with `caller` and the instance with `db`.
 */
import type Database from 'better-sqlite3';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.js';
import type { ServerMetrics } from './metrics.js';
import type { TurnLimiter } from './turns.js';
import type { ReaderPool } from '../readers/pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
    /** Runs searches on reader threads (or here, when there are none). */
    readers: ReaderPool;
    /** Starts requests a batch per turn of the event loop under load (http/turns.ts). */
    turns: TurnLimiter;
    /** The Prometheus metrics (http/metrics.ts) when the app was built with `metrics: true`, else null. */
    metrics: ServerMetrics | null;
  }
  interface FastifyRequest {
    caller: Caller;
  }
}

/** A handler for one OpenAPI operation, looked up by its operationId. */
export type OperationHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
export type OperationHandlers = Record<string, OperationHandler>;
