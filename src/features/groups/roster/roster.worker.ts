/**
 * The Web Worker that reads a whole group for the roster (roster-read-service.ts), so fetching and
 * parsing a large group's pages never holds up the page.
 */
import { createRosterReadService } from './roster-read-service';
import type { FromRosterWorker, ToRosterWorker } from './roster-worker-protocol';

/** The dedicated worker's global scope, as far as it is used here. */
const scope = globalThis as unknown as {
  postMessage: (message: FromRosterWorker) => void;
  onmessage: ((event: MessageEvent<ToRosterWorker>) => void) | null;
};

const handle = createRosterReadService((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
