/**
 * The reads a reader thread does (readers/pool.ts): the searches and the members pages, which cost the
 * most per request. `readTaskJson` runs one on any connection, so the main thread runs the same code
 * when no reader is ready. A task holds only data (it is copied to the thread); its answer is the
 * endpoint's response as JSON text.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../auth/caller.js';
import { searchGroups } from '../domain/groups/search.js';
import { groupMembersJson } from '../domain/membership/member-serialize.js';
import { listGroupMembers, type MembersQuery } from '../domain/membership/members.js';
import { splitMulti } from '../domain/search/paging.js';
import { decodeQ64 } from '../domain/search/q64.js';
import type { SearchRequestBase } from '../domain/search/criteria.js';
import { searchUsers, searchUsersByQ64 } from '../domain/users/search.js';

export type ReadTask =
  | { kind: 'searchGroups'; caller: Caller; body: unknown }
  | { kind: 'searchGroupsByQ64'; caller: Caller; q64: unknown; expand: unknown }
  | { kind: 'searchUsers'; caller: Caller; body: unknown }
  | { kind: 'searchUsersByQ64'; caller: Caller; q64: unknown; expand: unknown }
  | { kind: 'groupMembers'; caller: Caller; groupId: string; query: MembersQuery };

/** The task's answer as JSON text (members pages are built as text, member-serialize.ts). */
export function readTaskJson(db: Database.Database, task: ReadTask): string {
  if (task.kind === 'groupMembers') return groupMembersJson(db, task.caller, task.groupId, task.query);
  return JSON.stringify(runReadTask(db, task));
}

/** The task's answer as the response's model (JSON.stringify of it is readTaskJson's text). */
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
    case 'groupMembers':
      return listGroupMembers(db, task.caller, task.groupId, task.query);
  }
}
