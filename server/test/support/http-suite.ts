/**
 * One demo-seeded server for a whole suite, called with plain fetch (answers are not checked against
 * the document): for tests of what the server does rather than of the contract.
 *
 *   const suite = httpSuite();
 *   const res = await suite.api('GET', '/api/v2/groups?pageSize=1', 'supervisor');
 */
import { afterAll, beforeAll } from 'vitest';
import { PERSONAS, type PersonaKey } from '../../src/db/seed/personas.js';
import { uniqueName } from './fixtures.js';
import { createGroup } from './groups.js';
import { apiCaller } from './openapi-validator.js';
import { startServer, type TestServer } from './server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field by the tests
export type Json = any;

export interface Res<T = Json> {
  status: number;
  body: T;
}

/** A persona, or the demo-viewer client. */
export type HttpCaller = PersonaKey | 'viewer';

export interface HttpSuite {
  server: TestServer;
  tokens: Record<HttpCaller, string>;
  /** `method path` as `as` (admin by default) with a JSON `body`; the parsed answer, whatever its status. */
  api<T = Json>(method: string, path: string, as?: HttpCaller, body?: unknown): Promise<Res<T>>;
  /** A new official, public group with visible rules and a unique name, made by `as` (admin by default). */
  createGroup(extra?: Record<string, unknown>, as?: PersonaKey): Promise<Json>;
  /** The group_members rows of a group. */
  rowCount(groupId: string): number;
  /** The member_count the groups table keeps for a group. */
  memberCount(groupId: string): number;
  /** `count` active users' ids, in id order from `offset` (100 by default). */
  someUsers(count: number, offset?: number): string[];
}

export function httpSuite(): HttpSuite {
  const suite: HttpSuite = {
    server: undefined as unknown as TestServer,
    tokens: {} as Record<HttpCaller, string>,
    async api(method, path, as = 'admin', body) {
      const res = await fetch(`${suite.server.url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${suite.tokens[as]}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    createGroup: (extra = {}, as = 'admin') =>
      createGroup<Json>(apiCaller(suite.server.url), suite.tokens[as], { name: uniqueName('HTTP group'), ...extra }),
    rowCount: (groupId) =>
      suite.server.db.prepare('SELECT COUNT(*) FROM group_members WHERE group_id = ?').pluck().get(groupId) as number,
    memberCount: (groupId) =>
      suite.server.db.prepare('SELECT member_count FROM groups WHERE id = ?').pluck().get(groupId) as number,
    someUsers: (count, offset = 100) =>
      suite.server.db
        .prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id LIMIT ? OFFSET ?")
        .pluck()
        .all(count, offset) as string[],
  };
  beforeAll(async () => {
    suite.server = await startServer({ seed: 'demo' });
    for (const p of Object.keys(PERSONAS) as PersonaKey[]) suite.tokens[p] = suite.server.tokenFor(p);
    suite.tokens.viewer = suite.server.clientToken('demo-viewer');
  });
  afterAll(() => suite.server?.close());
  return suite;
}
