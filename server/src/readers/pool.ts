/**
 * Reader threads: the searches and members pages run on worker threads, each with its own read-only
 * connection to the database, so a search uses another core while the main thread goes on with HTTP and
 * every other request. A search costs about 1 ms of work; on one thread, ten at once queue behind each other.
 *
 *   const readers = new ReaderPool(db, size);   // db: the main connection (a file, WAL)
 *   const json = await readers.run(task);      // the answer's JSON text; throws the task's ApiError
 *   readers.stats()                            // { threads, ready, queued, busy, byThreads, byMainThread }
 *   await readers.close();
 *
 * Consistency: each task runs in one read transaction. A write commits on the main thread before its
 * response is sent, and a WAL reader sees every commit made before its transaction begins, so a search
 * sent after a write's answer sees that write.
 * Every task goes to the thread with the least work queued, even when all are busy: a search run on the
 * main thread holds up every other request's answer for its whole length, which costs more at the tail
 * (p95) than waiting for a thread. Until a thread has loaded (about a second), with size 0, with an
 * in-memory database, or after a thread stopped, tasks run on the main thread, on its connection.
 */
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { ApiError, ApiErrorWithBody } from '../contract/errors.js';
import { COMPILED, sibling, tsxImport } from '../tsx.js';
import { readTaskJson, type ReadTask } from './tasks.js';
import type { CopiedApiError, ReaderMessage, ReaderRequest } from './thread.js';

// Compiled, a worker thread loads thread.js; from the sources it registers tsx (see tsx.ts) before it
// loads thread.ts.
const THREAD = sibling('thread', import.meta.url);
const boot = (): string =>
  `import { register } from ${JSON.stringify(tsxImport('./esm/api'))};
register();
await import(${JSON.stringify(THREAD.href)});`;

interface Pending {
  task: ReadTask;
  resolve: (json: string) => void;
  reject: (error: unknown) => void;
}

interface Reader {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

function revive(e: CopiedApiError): ApiError {
  return e.extraBody
    ? new ApiErrorWithBody(e.status, e.code, e.message, e.options, e.extraBody)
    : new ApiError(e.status, e.code, e.message, e.options);
}

export class ReaderPool {
  private readonly readers: Reader[] = [];
  private nextId = 1;
  private byThreads = 0;
  private byMainThread = 0;
  private readonly started: Promise<void>;

  constructor(
    private readonly db: Database.Database,
    size: number,
  ) {
    const file = db.memory ? null : db.name;
    const boots: Promise<void>[] = [];
    for (let i = 0; file && i < size; i++) boots.push(this.spawn(file));
    this.started = Promise.all(boots).then(() => undefined);
  }

  /** Resolves when every thread has loaded or failed to. */
  whenStarted(): Promise<void> {
    return this.started;
  }

  stats() {
    return {
      threads: this.readers.length,
      ready: this.readers.filter((r) => r.ready).length,
      /** Tasks sent to threads and not answered yet. */
      queued: this.readers.reduce((sum, r) => sum + r.pending.size, 0),
      /** Threads with a task to run. */
      busy: this.readers.filter((r) => r.pending.size > 0).length,
      byThreads: this.byThreads,
      byMainThread: this.byMainThread,
    };
  }

  /** The JSON text of the task's answer; rejects with the ApiError the task threw. */
  run(task: ReadTask): Promise<string> {
    let reader: Reader | undefined;
    for (const r of this.readers) if (r.ready && (!reader || r.pending.size < reader.pending.size)) reader = r;
    if (!reader) return this.runHere(task);
    const id = this.nextId++;
    const sent = reader;
    return new Promise<string>((resolve, reject) => {
      sent.pending.set(id, { task, resolve, reject });
      sent.worker.postMessage({ id, task } satisfies ReaderRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
  }

  private runHere(task: ReadTask): Promise<string> {
    this.byMainThread++;
    try {
      return Promise.resolve(readTaskJson(this.db, task));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private spawn(file: string): Promise<void> {
    const worker = COMPILED
      ? new Worker(THREAD, { workerData: { file } })
      : new Worker(boot(), { eval: true, workerData: { file } });
    worker.unref();
    const reader: Reader = { worker, ready: false, pending: new Map() };
    this.readers.push(reader);
    return new Promise<void>((started) => {
      worker.on('message', (message: ReaderMessage) => {
        if ('ready' in message) {
          reader.ready = true;
          started();
          return;
        }
        const pending = reader.pending.get(message.id);
        if (!pending) return;
        reader.pending.delete(message.id);
        this.byThreads++;
        if ('json' in message) pending.resolve(message.json);
        else if ('apiError' in message) pending.reject(revive(message.apiError));
        else pending.reject(new Error(`A reader thread failed: ${message.failure}`));
      });
      // A thread that fails to load or stops is dropped; what it had not answered runs here.
      const drop = () => {
        const at = this.readers.indexOf(reader);
        if (at < 0) return;
        this.readers.splice(at, 1);
        started();
        for (const { task, resolve, reject } of reader.pending.values()) this.runHere(task).then(resolve, reject);
        reader.pending.clear();
      };
      worker.on('error', (error: Error) => {
        process.emitWarning(`A reader thread stopped; its searches run on the main thread: ${error.message}`);
        drop();
      });
      worker.on('exit', drop);
    });
  }
}
