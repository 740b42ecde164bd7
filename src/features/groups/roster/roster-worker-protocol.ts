import { ApiError, type ErrorBodyShape } from '@/api/errors';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { RosterCounts } from './roster-model';

/**
 * The messages between the members tab and the Web Worker that reads a whole group (roster.worker.ts):
 * the worker fetches and parses the pages, keeps of each member what the reading is for and sends the
 * entries back in slices, so no single task on the page's thread handles more than a slice.
 */

/** Entries per `entries` message: small enough that taking one in stays a short task on a slow phone. */
export const ENTRIES_PER_MESSAGE = 2_000;

/**
 * What a reading keeps of each member: `roster`, their presence and routing status (RosterEntry);
 * `rules`, whether the group's dynamic rules take them in (RuleEntry; without rules, only the ids);
 * `individuals`, the ids of the members added by hand (one request), in name order.
 */
export type WholeGroupRead =
  { kind: 'roster' } | { kind: 'rules'; query: DynamicGroupQuery | null } | { kind: 'individuals' };

export type ToRosterWorker =
  | {
      type: 'read';
      read: WholeGroupRead;
      groupId: string;
      /** The API's base URL ('' for the server that served the console) and the current access token. */
      baseUrl: string;
      token: string | null;
      pageSize: number;
      concurrency: number;
    }
  /** The answer to `unauthorized`: the new token, or null when signing in again did not give one. */
  | { type: 'token'; token: string | null };

/** An error as it crosses to the page: an ApiError's fields, or a plain message. */
export type WireError =
  | {
      kind: 'api';
      status: number;
      body: ErrorBodyShape;
      retryAfterSeconds: number | null;
      correlationId: string | null;
    }
  | { kind: 'other'; message: string };

export type FromRosterWorker =
  | { type: 'progress'; read: number; of: number }
  /** A 401: the page should sign in again and answer with `token`. */
  | { type: 'unauthorized' }
  | { type: 'entries'; entries: Array<{ id: string }> }
  /** The end; a roster reading's counts come with it, taken in the worker. */
  | { type: 'done'; requests: number; total: number; counts?: RosterCounts }
  | { type: 'error'; error: WireError };

export const toWireError = (error: unknown): WireError =>
  error instanceof ApiError
    ? {
        kind: 'api',
        status: error.status,
        body: error.body,
        retryAfterSeconds: error.retryAfterSeconds,
        correlationId: error.correlationId,
      }
    : { kind: 'other', message: error instanceof Error ? error.message : String(error) };

export const fromWireError = (wire: WireError): Error =>
  wire.kind === 'api'
    ? new ApiError(wire.status, wire.body, wire.retryAfterSeconds, wire.correlationId)
    : new Error(wire.message);
