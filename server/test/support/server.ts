/**
 * Start a real embedded server for HTTP tests.
 *
 *   import { startServer, type TestServer } from './support/server.js';
 *
 *   let server: TestServer;
 *   beforeAll(async () => { server = await startServer(); });      // demo seed, fresh temp data dir
 *   afterAll(() => server.close());                                // stops it and removes the data dir
 *
 *   const res = await fetch(`${server.url}/api/v2/groups`, {
 *     headers: { Authorization: `Bearer ${server.tokenFor('admin')}` },
 *   });
 *
 * - `url`: `http://127.0.0.1:<random port>` (no trailing slash).
 * - `tokenFor('admin' | 'editor' | 'owner' | 'supervisor')`: a user token for that persona
 *   (issued straight into the database, no browser flow; a new token per call).
 * - `clientToken('demo-admin' | 'demo-viewer')`: a client-credentials token.
 * - `app` (Fastify instance, also usable with `app.inject`), `db` (better-sqlite3), `dataDir`.
 * - Options: `seed` ('demo' default: a copy of the run's seeded template, or 'none'), `rateLimitPerMinute` (default 0 = off, so
 *   contract tests are not throttled), `tokenLifetimeSeconds`, `staticDir`, `corsOrigins`,
 *   `readerThreads` (default 0).
 *
 * `issueToken(app, {...})` and `loginWithPassword(url, email, password)` (the real
 * /oauth/authorize + /oauth/token code flow with PKCE, over fetch) are in ./tokens.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import type { PersonaKey } from '../../src/db/seed/personas.js';
import { copyDemoDatabase } from './demo-template.js';
import { issueToken, type ClientId } from './tokens.js';

export { issueToken } from './tokens.js';
export { clientCredentialsToken, loginWithPassword, pkcePair } from './sign-in.js';

export interface StartServerOptions {
  seed?: 'demo' | 'none';
  rateLimitPerMinute?: number;
  tokenLifetimeSeconds?: number;
  staticDir?: string;
  corsOrigins?: string[];
  /** Reader threads for the searches (default 0: they run on the main thread). */
  readerThreads?: number;
  /** Answer every reference as id + selfUri only (LEAN_REFERENCES). */
  leanReferences?: boolean;
  /** Answer as a real org most probably does (STRICT_MIRROR). */
  strictMirror?: boolean;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  tokenFor(persona: PersonaKey): string;
  clientToken(clientId: ClientId): string;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'groups-test-'));
  let app: FastifyInstance | undefined;
  try {
    // The demo org comes seeded from the run's template (see demo-template.ts).
    if ((options.seed ?? 'demo') === 'demo') copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME));
    app = buildApp({
      dataDir,
      seed: options.seed ?? 'demo',
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      staticDir: options.staticDir,
      corsOrigins: options.corsOrigins,
      readerThreads: options.readerThreads,
      leanReferences: options.leanReferences,
      strictMirror: options.strictMirror,
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const started = app;
    let closed = false;
    return {
      url: url.replace(/\/$/, ''),
      app: started,
      db: started.db,
      dataDir,
      tokenFor: (persona) => issueToken(started, { persona }),
      clientToken: (clientId) => issueToken(started, { clientId }),
      async close() {
        if (closed) return;
        closed = true;
        await started.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
