/**
 * The HTTP app around a set of operation handlers: routes from the OpenAPI document, request
 * validation, bearer authentication, per-token rate limit, sign-in endpoints, errors as ErrorBody,
 * correlation ids, security headers, CORS and the console's static files.
 * `buildApp` (app.ts) calls it with the real handlers.
 */
import type { Database } from 'better-sqlite3';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import { constants as zlib } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { authenticator } from '../auth/authenticate.js';
import { DEFAULT_LOCKOUT, SignInLockout, type LockoutSettings } from '../auth/lockout.js';
import { oauthRoutes } from '../auth/oauth.js';
import { DEFAULT_SIGN_IN_SESSIONS, SignInSessionStore, type SignInSessionSettings } from '../auth/sign-in-sessions.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { TokenStore } from '../auth/tokens.js';
import type { Caller } from '../auth/caller.js';
import type { OperationHandlers } from './context.js';
import { openDataDir, type SeedKind } from '../db/open.js';
import { applyStrictMirror } from '../db/seed/strict-mirror.js';
import { notFound } from '../contract/errors.js';
import { ReaderPool } from '../readers/pool.js';
import { contractOperations, type Operation } from '../contract/operations.js';
import { AccessLog, loggerOptions } from './access-log.js';
import { CORRELATION_HEADER, correlationId } from './correlation.js';
import { handleError, sendError } from './errors.js';
import { securityHeaders } from './headers.js';
import { registerHealth, registerReadiness } from './health.js';
import { leanReferencesHook } from './lean-references.js';
import { ServerMetrics } from './metrics.js';
import { TurnLimiter } from './turns.js';
import { registerStatic, sendConsolePage, wantsConsolePage } from './static.js';
import { validateRequest } from './validation.js';
import { registerVersion } from './version.js';

const BODY_LIMIT = 1024 * 1024;

/** The turn of the event loop aimed at under load: about 100 new connections accepted a second. */
const TURN_TARGET_MS = 10;

export interface AppOptions {
  /** An open database (the caller closes it), or… */
  db?: Database;
  /** …a data folder: `<dataDir>/groups.db` is opened (created and seeded when new) and closed with the app. */
  dataDir?: string;
  /** Seed of a new database in dataDir. Default `demo`. */
  seed?: SeedKind;
  /** Lifetime of issued access tokens. Default 86400 (one day). */
  tokenLifetimeSeconds?: number;
  /** Requests per token per minute; 0 turns the limit off. Default 300. */
  rateLimitPerMinute?: number;
  /** The rate limit's window in seconds (default 60, the real API's). */
  rateLimitWindowSeconds?: number;
  /** Origins allowed to call the server from a browser (CORS). Default none. */
  corsOrigins?: readonly string[];
  /** Folder of the built console, served at `/`. */
  staticDir?: string;
  /** Log (pino): one access-log line per request at info, warnings, errors. Default false. */
  logger?: boolean;
  /** The log's level when `logger` is on (LOG_LEVEL). Default `info`. */
  logLevel?: string;
  /**
   * Fastify's trustProxy (TRUST_PROXY): the proxies whose X-Forwarded-For gives `request.ip`, the address
   * the sign-in lockout counts and the log shows. Default false: the socket's peer.
   */
  trustProxy?: boolean | string[];
  /** Where the log goes when `logger` is on (tests). Default stdout. */
  logStream?: { write(line: string): void };
  /** Throttling of failed sign-ins (auth/lockout.ts). Default DEFAULT_LOCKOUT. */
  signInLockout?: Partial<LockoutSettings>;
  /** How long the login host remembers a browser's sign-in (auth/sign-in-sessions.ts). Default DEFAULT_SIGN_IN_SESSIONS. */
  signInSessions?: Partial<SignInSessionSettings>;
  /** Worker threads that run searches (readers/pool.ts); 0 runs them on the main thread. Default 0. */
  readerThreads?: number;
  /** Answer every reference as `id` and `selfUri` only (lean-references.ts). Default false. */
  leanReferences?: boolean;
  /**
   * Answer as a real org most probably does (STRICT_MIRROR; docs/real-org.md): the demo's legacy `admin` role and
   * failed attempts (db/seed/strict-mirror.ts) and lean references here; division-qualified permissions and the
   * audit names `Groups` / `DirectoryGroup` by the handlers (handlers/strict-mirror.ts). Default false.
   */
  strictMirror?: boolean;
  /** Count requests, sign-in failures, 429s… for Prometheus (metrics.ts; METRICS_PORT). Default false. */
  metrics?: boolean;
}

export interface CreateAppOptions extends AppOptions {
  /** operationId → handler; must cover every operation of the document, and nothing else. */
  handlers: OperationHandlers;
  /** Clock for tokens and the rate limit (tests). */
  now?: () => number;
  /**
   * Registers what the handlers need beyond routes (decorations, plugins, other routes such as the
   * notification channels' WebSocket), after the app's own decorations and before any route.
   */
  extend?: (app: FastifyInstance) => void;
}

/** Every operation must have a handler and every handler an operation, or the server does not start. */
export function checkHandlers(operations: readonly Operation[], handlers: OperationHandlers): void {
  const ids = new Set(operations.map((o) => o.operationId));
  const missing = [...ids].filter((id) => typeof handlers[id] !== 'function');
  const extra = Object.keys(handlers).filter((id) => !ids.has(id));
  const problems: string[] = [];
  if (missing.length) problems.push(`no handler for operation(s): ${missing.join(', ')}`);
  if (extra.length) problems.push(`handler(s) for operations not in openapi/groups.yaml: ${extra.join(', ')}`);
  if (problems.length) throw new Error(`The API does not match openapi/groups.yaml: ${problems.join('; ')}.`);
}

export function createApp(options: CreateAppOptions): FastifyInstance {
  const operations = contractOperations();
  checkHandlers(operations, options.handlers);

  if (!options.db && !options.dataDir) throw new Error('createApp needs a db or a dataDir');
  const ownsDb = !options.db;
  const db = options.db ?? openDataDir(options.dataDir as string, options.seed ?? 'demo');
  if (options.strictMirror) applyStrictMirror(db);
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 86_400;
  const corsOrigins = [...(options.corsOrigins ?? [])];
  const tokens = new TokenStore(db, options.now);
  const limiter = new RateLimiter(
    options.rateLimitPerMinute ?? 300,
    options.now,
    (options.rateLimitWindowSeconds ?? 60) * 1000,
  );
  const lockout = new SignInLockout({ ...DEFAULT_LOCKOUT, ...options.signInLockout }, options.now);
  const sessions = new SignInSessionStore(db, { ...DEFAULT_SIGN_IN_SESSIONS, ...options.signInSessions }, options.now);

  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logLevel, options.logStream) : false,
    logController: new AccessLog(),
    trustProxy: options.trustProxy ?? false,
    genReqId: correlationId,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    // Ids longer than any real one still reach the handlers, which answer 404 not.found for them.
    routerOptions: { maxParamLength: 16_384, ignoreTrailingSlash: true },
    return503OnClosing: true,
    frameworkErrors: (error, request, reply) => {
      handleError(error, request, reply);
    },
  });

  const readers = new ReaderPool(db, options.readerThreads ?? 0);
  app.decorate('db', db);
  app.decorate('readers', readers);
  app.decorate('tokens', tokens);
  app.decorateRequest('caller', null as unknown as Caller);
  // The reader threads stop first: what they had not answered runs on the main connection.
  app.addHook('onClose', async () => {
    await readers.close();
    if (!ownsDb || !db.open) return;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  });

  app.setErrorHandler(handleError);
  // Under load, requests start a few per turn of the event loop, so new connections keep being
  // accepted (turns.ts); below saturation none waits.
  const turns = new TurnLimiter({ targetMs: TURN_TARGET_MS });
  app.decorate('turns', turns);
  const metrics = options.metrics
    ? new ServerMetrics({ readers: () => readers.stats(), turns: () => turns.stats() })
    : null;
  app.decorate('metrics', metrics);
  if (metrics) app.addHook('onResponse', async (request, reply) => metrics.observe(request, reply));
  app.addHook('onRequest', (_request, _reply, done) => {
    const wait = turns.admit();
    if (wait) void wait.then(() => done());
    else done();
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  app.addHook('onSend', securityHeaders);
  if (options.leanReferences || options.strictMirror) app.addHook('onSend', leanReferencesHook);

  // Bodies: JSON only (an empty body counts as none), and forms on the sign-in endpoints.
  app.removeAllContentTypeParsers();
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') {
      done(null, undefined);
      return;
    }
    jsonParser(request, body as string, done);
  });

  // Brotli or gzip for answers above 1 kB (JSON and the console's files), at levels fast enough to run
  // on every response: Brotli quality 2 compresses a page of 25 groups (15 kB) in 0.06 ms, within 4% of
  // quality 4's size at half its cost. Bodies already in memory up to 128 kB (every JSON answer) are
  // compressed in one call rather than through a stream, which costs far more to set up than to run.
  app.register(compress, {
    global: true,
    threshold: 1024,
    syncThreshold: 128 * 1024,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
    zlibOptions: { level: 3 },
  });

  app.register(cors, {
    origin: corsOrigins.length > 0 ? corsOrigins : false,
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    exposedHeaders: [CORRELATION_HEADER, 'Retry-After'],
    maxAge: 600,
    strictPreflight: false,
  });

  options.extend?.(app);
  app.register(oauthRoutes, {
    tokens,
    tokenLifetimeSeconds,
    extraRedirectOrigins: corsOrigins,
    lockout,
    sessions,
    onAuthEvent: metrics?.onAuthEvent,
  });
  registerHealth(app);
  const ping = db.prepare('SELECT 1 AS ok').pluck();
  registerReadiness(app, () => {
    if (!db.open) return 'the database is closed';
    if (ping.get() !== 1) return 'the database did not answer SELECT 1';
    const pool = readers.stats();
    if (pool.ready < pool.threads) return `${pool.threads - pool.ready} of ${pool.threads} reader threads are loading`;
    return undefined;
  });
  registerVersion(app);

  app.register(async (api) => {
    api.addHook('onRequest', authenticator(tokens));
    const rateLimit = limiter.hook();
    api.addHook('onRequest', async (request) => {
      try {
        await rateLimit(request);
      } catch (error) {
        metrics?.rateLimitRefusals.inc();
        throw error;
      }
    });
    for (const operation of operations) {
      const handler = options.handlers[operation.operationId];
      if (!handler) continue;
      api.route({
        method: operation.method,
        url: operation.url,
        config: { operationId: operation.operationId },
        preValidation: async (request) => validateRequest(request, operation),
        handler: async (request: FastifyRequest, reply: FastifyReply) => {
          const result = await handler(request, reply);
          if (reply.sent) return reply;
          return result === undefined ? reply.send() : reply.send(result);
        },
      });
    }
  });

  // At the root, so the not-found handler can send index.html.
  if (options.staticDir) registerStatic(app, options.staticDir);

  app.setNotFoundHandler((request, reply) => {
    if (wantsConsolePage(request, options.staticDir)) return sendConsolePage(reply);
    const path = request.url.split('?')[0] ?? request.url;
    return sendError(request, reply, notFound(`No resource found for ${request.method} ${path}.`));
  });

  return app;
}
