/**
 * The reads a reader thread does (readers/pool.ts): the searches, which cost the most per request.
 * `runReadTask` runs one on any connection, so the main thread runs the same code when no reader is
 * ready. A task holds only data (it is copied to the thread); its answer is the endpoint's response.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../auth/caller.js';
import { searchGroups } from '../domain/groups/search.js';
import { splitMulti } from '../domain/search/paging.js';
import { decodeQ64 } from '../domain/search/q64.js';
import type { SearchRequestBase } from '../domain/search/criteria.js';
import { searchUsers, searchUsersByQ64 } from '../domain/users/search.js';

export type ReadTask =
  | { kind: 'searchGroups'; caller: Caller; body: unknown }
  | { kind: 'searchGroupsByQ64'; caller: Caller; q64: unknown; expand: unknown }
  | { kind: 'searchUsers'; caller: Caller; body: unknown }
  | { kind: 'searchUsersByQ64'; caller: Caller; q64: unknown; expand: unknown };

export function runReadTask(db: Database.Database, task: ReadTask): unknown {
  switch (task.kind) {
    case 'searchGroups':
      return searchGroups(db, task.caller, task.body as SearchRequestBase);
    case 'searchGroupsByQ64':
      return searchGroups(
        db,
        task.caller,
        decodeQ64(String(task.q64 ?? '')) as SearchRequestBase,
        splitMulti(task.expand),
      );
    case 'searchUsers':
      return searchUsers(db, task.caller, task.body);
    case 'searchUsersByQ64':
      return searchUsersByQ64(db, task.caller, task.q64, task.expand);
  }
}
