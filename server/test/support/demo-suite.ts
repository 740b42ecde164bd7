/**
 * One demo-seeded server for a whole suite (rate limit off), with a caller that checks every answer
 * against openapi/groups.yaml and a token for each persona and demo client:
 *
 *   const suite = demoSuite();
 *   it('…', async () => { await suite.call('getGroup', { token: suite.tokens.admin, … }); });
 */
import { afterAll, beforeAll } from 'vitest';
import { allTokens, type TokenHolder } from './fixtures.js';
import { apiCaller, type ApiCall } from './openapi-validator.js';
import { startServer, type TestServer } from './server.js';

export interface DemoSuite {
  server: TestServer;
  call: ApiCall;
  tokens: Record<TokenHolder, string>;
}

export function demoSuite(): DemoSuite {
  const suite = {} as DemoSuite;
  beforeAll(async () => {
    suite.server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
    suite.call = apiCaller(suite.server.url);
    suite.tokens = allTokens(suite.server);
  });
  afterAll(async () => {
    await suite.server?.close();
  });
  return suite;
}
