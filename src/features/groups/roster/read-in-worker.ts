import { t } from '@lingui/core/macro';
import { httpConfig } from '@/api/http';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import {
  READ_CONCURRENCY,
  rememberCounts,
  ROSTER_PAGE_SIZE,
  type RosterCounts,
  type RosterEntry,
  type RosterReading,
} from './roster-model';
import type { RuleEntry } from './roster-read-service';
import {
  fromWireError,
  type FromRosterWorker,
  type ToRosterWorker,
  type WholeGroupRead,
} from './roster-worker-protocol';

/** The part of a Worker used here (a fake one in unit tests). */
export interface RosterWorker {
  postMessage: (message: ToRosterWorker) => void;
  terminate: () => void;
  onmessage: ((event: MessageEvent<FromRosterWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** Whether this browser can read in a worker (unit tests' jsdom cannot: they read on the page). */
export const workersAvailable = (): boolean => typeof Worker !== 'undefined';

const startWorker = (): RosterWorker =>
  new Worker(new URL('./roster.worker.ts', import.meta.url), { type: 'module', name: 'roster' }) as RosterWorker;

// The signal's own reason, else the AbortError an abort without a reason gives (a developer's error, never shown).
const abortError = (signal: AbortSignal): unknown =>
  signal.reason instanceof Error ? signal.reason : AbortSignal.abort().reason;

export interface WorkerReadOptions<E> {
  signal?: AbortSignal;
  onProgress?: (read: number, of: number) => void;
  /** The same reading on the page, for when the worker cannot start. */
  fallback: () => Promise<{ entries: E[]; requests: number; total: number }>;
  createWorker?: () => RosterWorker;
}

/**
 * The whole-group reading of readWholeGroup (the same RosterReading), made in a Web Worker: the page's
 * thread only takes in the entries, a slice per message. The worker sends with this page's base URL and
 * token, and asks the page to sign in again on a 401. Cancelling (`signal`) ends the worker and its
 * requests. A worker that cannot start (`onerror` before it answers) makes it `fallback()` instead.
 */
export const readWholeGroupInWorker = (
  groupId: string,
  options: WorkerReadOptions<RosterEntry>,
): Promise<RosterReading> =>
  readInWorker<RosterEntry>(groupId, { kind: 'roster' }, options).then((read) => {
    if (!read.counts) return read;
    // The worker counted the statuses as it read: the page need not count its entries again (countsOf).
    const { counts, ...reading } = read;
    rememberCounts(reading.entries, counts);
    return reading;
  });

/** Of every member, whether the group's rules take them in (toRuleEntry), read in a Web Worker the same way. */
export const readRuleEntriesInWorker = (
  groupId: string,
  query: DynamicGroupQuery | null,
  options: WorkerReadOptions<RuleEntry>,
) => readInWorker<RuleEntry>(groupId, { kind: 'rules', query }, options);

/** The ids of the members added by hand, in name order (idsByName), read in a Web Worker the same way. */
export const readIndividualIdsInWorker = (groupId: string, options: WorkerReadOptions<{ id: string }>) =>
  readInWorker<{ id: string }>(groupId, { kind: 'individuals' }, options);

function readInWorker<E extends { id: string }>(
  groupId: string,
  read: WholeGroupRead,
  options: WorkerReadOptions<E>,
): Promise<{ entries: E[]; requests: number; total: number; counts?: RosterCounts }> {
  const { signal, onProgress, fallback, createWorker = startWorker } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const http = httpConfig();
    const worker = createWorker();
    const entries: E[] = [];
    let answered = false;
    const end = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      // Worded here, on the page: no language is active in the worker (it sends codes and numbers only).
      if (answered) reject(new Error(t`The roster could not be read.`));
      else {
        // Not expected of a browser that has workers (a broken build, a policy that blocks them): said for
        // whoever looks at the console, and the reading goes on on the page.
        const why = event instanceof ErrorEvent ? event.message : event.type;
        console.error(`The roster's worker did not start (${why}); reading on the page instead.`);
        fallback().then(resolve, reject);
      }
    };
    worker.onmessage = ({ data }) => {
      answered = true;
      switch (data.type) {
        case 'progress':
          onProgress?.(data.read, data.of);
          break;
        case 'entries':
          for (const entry of data.entries) entries.push(entry as E);
          break;
        case 'unauthorized':
          void http.onUnauthorized().then(
            (renewed) => worker.postMessage({ type: 'token', token: renewed ? http.getToken() : null }),
            () => worker.postMessage({ type: 'token', token: null }),
          );
          break;
        case 'done':
          end();
          resolve({ entries, requests: data.requests, total: data.total, counts: data.counts });
          break;
        case 'error':
          end();
          reject(fromWireError(data.error));
          break;
      }
    };
    worker.postMessage({
      type: 'read',
      read,
      groupId,
      baseUrl: http.baseUrl(),
      token: http.getToken(),
      pageSize: ROSTER_PAGE_SIZE,
      concurrency: READ_CONCURRENCY,
    });
  });
}
