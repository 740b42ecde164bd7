/**
 * Types shared by the HTTP layer (app, auth) and the endpoint handlers.
 * The app decorates every authenticated request with `caller` and the instance with `db`.
 */
import type Database from 'better-sqlite3';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TurnLimiter } from './turns.js';
import type { ReaderPool } from '../readers/pool.js';

export interface Caller {
  /** 'user' for authorization-code / implicit tokens, 'client' for client-credentials tokens. */
  kind: 'user' | 'client';
  /** The signed-in user's id; null for client-credentials tokens. */
  userId: string | null;
  clientId: string;
  /** Permission strings such as `directory:group:add`. */
  permissions: ReadonlySet<string>;
  token: string;
  /** ISO-8601 expiry of the token. */
  expiresAt: string;
}

export const hasPermission = (caller: Caller, permission: string): boolean => caller.permissions.has(permission);

declare module 'fastify' {
  interface FastifyInstance {
    db: Database.Database;
    /** Runs searches on reader threads (or here, when there are none). */
    readers: ReaderPool;
    /** Starts requests a batch per turn of the event loop under load (http/turns.ts). */
    turns: TurnLimiter;
  }
  interface FastifyRequest {
    caller: Caller;
  }
}

/** A handler for one OpenAPI operation, looked up by its operationId. */
export type OperationHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
export type OperationHandlers = Record<string, OperationHandler>;
