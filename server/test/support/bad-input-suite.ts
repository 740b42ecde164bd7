/**
 * The server the bad-input suites send their requests to, as the admin persona, and the invariants every
 * answer must keep (`send`):
 *   - the status is below 500 and documented for the operation, and the body matches the document;
 *   - every error answer is an ErrorBody (message, code, status = HTTP status, contextId);
 *   - a rejected request (≥ 400) changed nothing in the database.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { knownUserIds } from './arbitraries.js';
import { apiCaller, expectErrorBody, type ApiCall, type CallOptions, type CallResult } from './openapi-validator.js';
import { startServer, type TestServer } from './server.js';
import { ChangeWatcher } from './snapshot.js';

export interface BadInputSuite {
  server: TestServer;
  call: ApiCall;
  /** The admin persona's token. */
  admin: string;
  watcher: ChangeWatcher;
  /** A group the tests may change freely (re-created if a request deletes it). */
  scratchGroupId: string;
  /** A notification channel of the admin's token. */
  channelId: string;
  /** Ids of demo users (the arbitraries' `@user0`…). */
  knownUserIds: string[];
  /** Sends one request as the admin and checks the invariants; returns the result for further checks. */
  send(operationId: string, options: CallOptions): Promise<CallResult>;
  /** Path parameters with `@scratch` and `@channel` replaced by the suite's group and channel. */
  resolveParams(params: Record<string, string> | undefined): Record<string, string> | undefined;
  /** A query string with `@user0`… replaced by known user ids. */
  resolveQuery(query: string): string;
}

function describeRequest(options: CallOptions): string {
  const body =
    options.rawBody !== undefined
      ? String(options.rawBody)
      : options.body !== undefined
        ? JSON.stringify(options.body)
        : '';
  const query = typeof options.query === 'string' ? options.query : options.query ? JSON.stringify(options.query) : '';
  const text = `params=${JSON.stringify(options.params ?? {})} query=${query} body=${body}`;
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length} chars)` : text;
}

export function badInputSuite(): BadInputSuite {
  const suite = { channelId: '', knownUserIds } as BadInputSuite;

  async function createScratchGroup(): Promise<string> {
    const res = await suite.call('createGroup', {
      token: suite.admin,
      body: {
        name: `Scratch ${Date.now()}`,
        type: 'official',
        visibility: 'public',
        rulesVisible: true,
        ownerIds: [PERSONAS.owner.id],
      },
    });
    expect(res.status, res.text).toBe(200);
    return res.body.id;
  }

  beforeAll(async () => {
    suite.server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
    suite.call = apiCaller(suite.server.url);
    suite.admin = suite.server.tokenFor('admin');
    const users = await suite.call('listUsers', { token: suite.admin, query: { pageSize: 60 }, validate: false });
    knownUserIds.push(...users.body.entities.map((u: { id: string }) => u.id));
    suite.scratchGroupId = await createScratchGroup();
    const channel = await suite.call('postNotificationsChannels', { token: suite.admin, validate: false });
    suite.channelId = channel.body.id;
    suite.watcher = new ChangeWatcher(suite.server.db);
  });

  afterAll(async () => {
    await suite.server?.close();
  });

  suite.send = async (operationId, options) => {
    let result: CallResult;
    try {
      result = await suite.call(operationId, { token: suite.admin, ...options });
    } catch (error) {
      // The document check failed (or the body was not JSON): still report whether it was a 500.
      throw new Error(`${operationId} ${describeRequest(options)}: ${(error as Error).message}`, { cause: error });
    }
    const what = `${result.request} ${describeRequest(options)}`;
    expect(result.status, `${what} → ${result.text.slice(0, 400)}`).toBeLessThan(500);
    // A HEAD answer has headers only.
    if (result.status >= 400 && !result.request.startsWith('HEAD ')) expectErrorBody(result, result.status);
    suite.watcher.check(result.status >= 400, what);
    if (operationId === 'deleteGroup' && result.status === 204 && options.params?.groupId === suite.scratchGroupId) {
      suite.scratchGroupId = await createScratchGroup();
      suite.watcher.check(false, 'recreate the scratch group');
    }
    return result;
  };

  suite.resolveParams = (params) => {
    if (!params) return undefined;
    return Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        v === '@scratch' ? suite.scratchGroupId : v === '@channel' ? suite.channelId : v,
      ]),
    );
  };
  suite.resolveQuery = (query) => query.replace(/@user(\d)/g, (m, i: string) => knownUserIds[Number(i)] ?? m);
  return suite;
}
