/**
 * The official Genesys Cloud JavaScript SDK (purecloud-platform-client-v2) pointed at an embedded server
 * with the documented gateway override, for the SDK suites:
 *
 *   const suite = sdkSuite({ extended: true, signIn: true });
 *   it('…', async () => { const res = await ext('getGroup', groups.getGroup(id)); expectError(res, 404); });
 *
 * The SDK's ApiClient is a process-wide singleton: a suite configures it once, in beforeAll, and the
 * tests of a file run in order (they share its token and its extended-responses switch).
 */
import platformClient from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, expect } from 'vitest';
import { expectResponseMatches } from './openapi-validator.js';
import { DEMO_CLIENTS } from './sign-in.js';
import { startServer, type StartServerOptions, type TestServer } from './server.js';

/** The SDK's ApiClient (one per process). */
export const sdkClient = platformClient.ApiClient.instance;

export interface SdkSuite {
  server: TestServer;
  /** The demo-admin client-credentials token the SDK signed in with (set by `signIn`, or by a test). */
  adminToken: string;
}

/**
 * A demo-seeded server (rate limit off) the SDK's gateway points at for the whole file. `extended`:
 * setReturnExtendedResponses; `signIn`: sign in with the demo-admin client's credentials first; `server`: more
 * settings of the server (e.g. `strictMirror`). Called inside a `describe`, the suite is that block's.
 */
export function sdkSuite(options: { extended: boolean; signIn?: boolean; server?: StartServerOptions }): SdkSuite {
  const suite = { adminToken: '' } as SdkSuite;
  beforeAll(async () => {
    suite.server = await startServer({ ...options.server, seed: 'demo', rateLimitPerMinute: 0 });
    const port = Number(new URL(suite.server.url).port);
    // Keep a developer's ~/.genesyscloudjavascript/config from resetting the gateway.
    sdkClient.config.setConfigPath('/nonexistent');
    sdkClient.setGateway({ host: '127.0.0.1', protocol: 'http', port });
    sdkClient.setReturnExtendedResponses(options.extended);
    if (options.signIn) {
      const auth = await sdkClient.loginClientCredentialsGrant(DEMO_CLIENTS.admin.id, DEMO_CLIENTS.admin.secret);
      suite.adminToken = auth.accessToken;
    }
  });
  afterAll(async () => {
    sdkClient.setGateway(undefined as never);
    await suite.server?.close();
  });
  return suite;
}

/** What the SDK resolves and rejects with after setReturnExtendedResponses(true). */
export interface Extended<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
  error: unknown;
}

export interface ErrorBodyShape {
  message: string;
  code: string;
  status: number;
  contextId?: string;
  messageParams?: Record<string, string>;
}

/** Awaits an SDK call in extended mode, resolved or rejected, and checks the body against the document. */
export async function ext<T = Record<string, unknown>>(
  operationId: string,
  promise: Promise<unknown>,
): Promise<Extended<T>> {
  let result: Extended<T>;
  try {
    result = (await promise) as Extended<T>;
  } catch (error) {
    if (!error || typeof error !== 'object' || !('status' in error)) throw error;
    result = error as Extended<T>;
  }
  // The SDK turns an empty body into '' (or undefined): the document's "no content".
  expectResponseMatches(operationId, result.status, result.body === '' ? undefined : result.body);
  return result;
}

/** Expects an extended rejection with an ErrorBody of that status and code. */
export function expectError(result: Extended<unknown>, status: number, code?: string): ErrorBodyShape {
  const body = result.body as ErrorBodyShape;
  expect(result.status, JSON.stringify(body)).toBe(status);
  expect(body.status).toBe(status);
  expect(typeof body.message).toBe('string');
  if (code) expect(body.code).toBe(code);
  expect(body.contextId).toBe(result.headers['inin-correlation-id']);
  return body;
}

/** Runs `fn` with plain (not extended) responses, as most SDK users have them. */
export async function plain<T>(fn: () => Promise<T>): Promise<T> {
  sdkClient.setReturnExtendedResponses(false);
  try {
    return await fn();
  } finally {
    sdkClient.setReturnExtendedResponses(true);
  }
}

let counter = 0;
/** A postGroups body: an official, public group with visible rules and a name of its own, with `overrides` on top. */
export const newGroupBody = (overrides: Record<string, unknown> = {}) => ({
  name: `SDK group ${process.pid}-${++counter}`,
  type: 'official' as const,
  visibility: 'public' as const,
  rulesVisible: true,
  ...overrides,
});
