/**
 * A reader thread (see pool.ts): opens the database read-only and answers tasks, each in one read
 * transaction, so every statement of a search sees the same snapshot however the main thread writes
 * meanwhile. Answers are the response's JSON text, or the ApiError the task threw.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, ApiErrorWithBody } from '../contract/errors.js';
import { readTaskJson, type ReadTask } from './tasks.js';

export interface ReaderRequest {
  id: number;
  task: ReadTask;
}

export interface CopiedApiError {
  status: number;
  code: string;
  message: string;
  options: ApiError['options'];
  extraBody?: Record<string, unknown>;
}

export type ReaderMessage =
  | { ready: true }
  | { id: number; json: string }
  | { id: number; apiError: CopiedApiError }
  | { id: number; failure: string };

const port = parentPort;
if (!port) throw new Error('readers/thread.ts runs as a worker thread (see readers/pool.ts)');

const { file } = workerData as { file: string };
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const answer = db.transaction((task: ReadTask) => readTaskJson(db, task));

port.on('message', ({ id, task }: ReaderRequest) => {
  let reply: ReaderMessage;
  try {
    reply = { id, json: answer(task) };
  } catch (error) {
    reply =
      error instanceof ApiError
        ? {
            id,
            apiError: {
              status: error.status,
              code: error.code,
              message: error.message,
              options: error.options,
              extraBody: error instanceof ApiErrorWithBody ? error.extraBody : undefined,
            },
          }
        : { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ReaderMessage);
