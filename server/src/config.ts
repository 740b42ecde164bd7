/**
 * The server's settings, from the environment (README.md, "Server settings"), validated with a clear message:
 *
 *   HOST                    interface to listen on                   127.0.0.1
 *   PORT                    port (0 = any free port)                 8080
 *   DATA_DIR                folder of the SQLite database            ./data
 *   SEED                    seed of a new database: demo|large|none  demo
 *   TOKEN_LIFETIME_SECONDS  access token lifetime, 1 to 172800       86400
 *   RATE_LIMIT_PER_MINUTE   requests per token per minute, 0 = off   300
 *   RATE_LIMIT_WINDOW_SECONDS  the limit's window, 1 to 3600 (tests)  60
 *   CORS_ORIGINS            comma-separated origins allowed by CORS  (none)
 *   STATIC_DIR              the built console                        <repo>/dist
 *   SKIP_BUILD              1 = do not build the console when stale  (build)
 *   READER_THREADS          threads that run searches, 0 to 8         one per core beyond the first, up to 2
 *   SERVE                   all = console + API + sign-in; console =  all
 *                           the built console only (console-only.ts, its CONSOLE_* settings)
 *   BASE_PATH               path the console is served under (SERVE=console; as built)  /
 *   SIGN_IN_MAX_FAILURES    failed sign-ins of an account (or wrong
 *                           secrets of a client) that lock it, 0 = off  5
 *   SIGN_IN_MAX_FAILURES_PER_ADDRESS  the same for one client address  20
 *   SIGN_IN_FAILURE_WINDOW_SECONDS  window in which failures count      900
 *   SIGN_IN_LOCKOUT_SECONDS lockout lengths, growing (comma list)     60,300,900
 *   SIGN_IN_SESSION_IDLE_SECONDS  how long the sign-in page remembers   28800
 *                           a browser's sign-in unused, 0 = never
 *   SIGN_IN_SESSION_MAX_SECONDS   how long at most, however used      604800
 *   ALLOW_EXPOSED_DEMO      1 = start with SEED=demo on a non-loopback HOST  (refuse)
 *   PRESENCE_SIMULATION     on|off: users' presences change over time  on
 *   LEAN_REFERENCES         1 = answer every reference as id + selfUri only  0
 *                           (the leanest real shape; http/lean-references.ts)
 *   STRICT_MIRROR           1 = answer as a real org most probably does:  0
 *                           division-qualified permissions, audit names
 *                           Groups/DirectoryGroup, a legacy admin role,
 *                           failed attempts in the history; implies
 *                           LEAN_REFERENCES (docs/real-org.md)
 *   TRUST_PROXY             proxies whose X-Forwarded-For is believed:  off
 *                           true (any) or a comma list of IPs/CIDRs
 *   LOG_LEVEL               fatal|error|warn|info|debug|trace|silent  info
 *                           (info: one access-log line per request)
 *   METRICS_PORT            port of GET /metrics (Prometheus), on a     (off)
 *                           listener of its own; 0 = any free port
 *   METRICS_HOST            interface of that listener                127.0.0.1
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_LOCKOUT, type LockoutSettings } from './auth/lockout.js';
import { DEFAULT_SIGN_IN_SESSIONS, type SignInSessionSettings } from './auth/sign-in-sessions.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_STATIC_DIR = resolve(REPO_ROOT, 'dist');

/** A search runs on a reader thread while the main thread serves HTTP: worth it with a core to spare. */
const defaultReaderThreads = (cores = availableParallelism()): number => Math.min(2, Math.max(0, cores - 1));

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}, 'each CORS origin must look like https://host[:port] (scheme and host, no path or trailing slash)');

/**
 * What Fastify's `trustProxy` takes: off, any proxy, or the proxies' addresses. Fastify 5.12 ignores a hop
 * count (it cannot check that the nearest peer is a proxy, so any client could forge the header): refused.
 */
export type TrustProxy = boolean | string[];

/** An IPv4 or IPv6 address, with an optional /prefix of the right size. */
const isAddressOrCidr = (value: string): boolean => {
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
};

const trustProxy = z
  .string()
  .transform((value, context): TrustProxy => {
    const lower = value.toLowerCase();
    if (['false', 'off', '0', 'no'].includes(lower)) return false;
    if (['true', 'on', 'yes'].includes(lower)) return true;
    if (/^\d+$/.test(value)) {
      context.addIssue({
        code: 'custom',
        message:
          'TRUST_PROXY takes no hop count (Fastify trusts none, as it cannot check the nearest peer is a proxy): name the proxy addresses, e.g. 127.0.0.1 or 10.0.0.0/8, or true',
      });
      return z.NEVER;
    }
    const list = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = list.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length === 0 && list.length > 0) return list;
    context.addIssue({
      code: 'custom',
      message: `TRUST_PROXY must be true, false or a comma list of IP addresses or CIDR ranges (not an address: ${bad.join(', ') || value})`,
    });
    return z.NEVER;
  })
  .default(false);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer('PORT', 0, 65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED: z.enum(['demo', 'large', 'none'], { error: 'SEED must be demo, large or none' }).default('demo'),
  TOKEN_LIFETIME_SECONDS: integer('TOKEN_LIFETIME_SECONDS', 1, 172_800).default(86_400),
  RATE_LIMIT_PER_MINUTE: integer('RATE_LIMIT_PER_MINUTE', 0, 1_000_000).default(300),
  RATE_LIMIT_WINDOW_SECONDS: integer('RATE_LIMIT_WINDOW_SECONDS', 1, 3600).default(60),
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin))
    .default([]),
  STATIC_DIR: z.string().min(1).default(DEFAULT_STATIC_DIR),
  SKIP_BUILD: z
    .enum(['0', '1', 'true', 'false'], { error: 'SKIP_BUILD must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  READER_THREADS: integer('READER_THREADS', 0, 8).default(defaultReaderThreads()),
  SERVE: z.enum(['all', 'console'], { error: 'SERVE must be all or console' }).default('all'),
  BASE_PATH: z
    .string()
    .regex(/^\/?([\w.~-]+\/)*[\w.~-]*\/?$/, 'BASE_PATH must be a path such as /groups-console/')
    .transform((value) => `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
    .default('/'),
  SIGN_IN_MAX_FAILURES: integer('SIGN_IN_MAX_FAILURES', 0, 1000).default(DEFAULT_LOCKOUT.maxFailures),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: integer('SIGN_IN_MAX_FAILURES_PER_ADDRESS', 0, 100_000).default(
    DEFAULT_LOCKOUT.maxFailuresPerAddress,
  ),
  SIGN_IN_FAILURE_WINDOW_SECONDS: integer('SIGN_IN_FAILURE_WINDOW_SECONDS', 1, 86_400).default(
    DEFAULT_LOCKOUT.windowSeconds,
  ),
  SIGN_IN_LOCKOUT_SECONDS: z
    .string()
    .regex(/^\d+(\s*,\s*\d+)*$/, 'SIGN_IN_LOCKOUT_SECONDS must be a comma list of whole seconds, e.g. 60,300,900')
    .transform((value) => value.split(',').map((s) => Number(s.trim())))
    .refine((list) => list.every((n) => n >= 1 && n <= 86_400), 'each lockout must be 1 to 86400 seconds')
    .default([...DEFAULT_LOCKOUT.lockoutSeconds]),
  SIGN_IN_SESSION_IDLE_SECONDS: integer('SIGN_IN_SESSION_IDLE_SECONDS', 0, 2_592_000).default(
    DEFAULT_SIGN_IN_SESSIONS.idleSeconds,
  ),
  SIGN_IN_SESSION_MAX_SECONDS: integer('SIGN_IN_SESSION_MAX_SECONDS', 60, 2_592_000).default(
    DEFAULT_SIGN_IN_SESSIONS.maxSeconds,
  ),
  ALLOW_EXPOSED_DEMO: z
    .enum(['0', '1', 'true', 'false'], { error: 'ALLOW_EXPOSED_DEMO must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  PRESENCE_SIMULATION: z
    .enum(['on', 'off', '1', '0', 'true', 'false'], { error: 'PRESENCE_SIMULATION must be on or off' })
    .transform((v) => v === 'on' || v === '1' || v === 'true')
    .default(true),
  LEAN_REFERENCES: z
    .enum(['0', '1', 'true', 'false'], { error: 'LEAN_REFERENCES must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  STRICT_MIRROR: z
    .enum(['0', '1', 'true', 'false'], { error: 'STRICT_MIRROR must be 1 or 0' })
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  TRUST_PROXY: trustProxy,
  METRICS_PORT: integer('METRICS_PORT', 0, 65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  seed: 'demo' | 'large' | 'none';
  tokenLifetimeSeconds: number;
  rateLimitPerMinute: number;
  rateLimitWindowSeconds: number;
  corsOrigins: string[];
  staticDir: string;
  skipBuild: boolean;
  readerThreads: number;
  serve: 'all' | 'console';
  /** '/' or '/groups-console/' (always with both slashes). */
  basePath: string;
  signInLockout: LockoutSettings;
  /** How long the sign-in page remembers a browser's sign-in (auth/sign-in-sessions.ts). */
  signInSessions: SignInSessionSettings;
  allowExposedDemo: boolean;
  /** Whether users' presences change over time (db/seed/presence-simulation.ts). */
  presenceSimulation: boolean;
  /** Whether every reference is answered as id + selfUri only (http/lean-references.ts); STRICT_MIRROR implies it. */
  leanReferences: boolean;
  /** Whether the server answers as a real org most probably does (docs/real-org.md, "A stricter mirror"). */
  strictMirror: boolean;
  /** Fastify's trustProxy: whose X-Forwarded-For sets request.ip (the lockout's and the log's address). */
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  /** Where GET /metrics is served (http/metrics.ts), or null: metrics off. */
  metrics: { host: string; port: number } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings; empty variables count as unset. Throws ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    if (value) input[key] = value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) =>
        `  ${issue.path.join('.') || 'environment'}: ${issue.message} (got "${String(input[String(issue.path[0])] ?? '')}")`,
    );
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.METRICS_PORT !== undefined && c.METRICS_PORT !== 0 && c.METRICS_PORT === c.PORT)
    throw new ConfigError(
      `Invalid server configuration:\n  METRICS_PORT: the metrics need a port of their own, not PORT (${c.PORT}), so they are never served publicly by accident`,
    );
  if (c.SERVE === 'all' && c.BASE_PATH !== '/')
    throw new ConfigError(
      `Invalid server configuration:\n  BASE_PATH: a sub-path (${c.BASE_PATH}) is served with SERVE=console only; the API and its console are served at /`,
    );
  return {
    host: c.HOST,
    port: c.PORT,
    dataDir: resolve(c.DATA_DIR),
    seed: c.SEED,
    tokenLifetimeSeconds: c.TOKEN_LIFETIME_SECONDS,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    rateLimitWindowSeconds: c.RATE_LIMIT_WINDOW_SECONDS,
    corsOrigins: c.CORS_ORIGINS,
    staticDir: resolve(c.STATIC_DIR),
    skipBuild: c.SKIP_BUILD,
    readerThreads: c.READER_THREADS,
    serve: c.SERVE,
    basePath: c.BASE_PATH,
    signInLockout: {
      maxFailures: c.SIGN_IN_MAX_FAILURES,
      maxFailuresPerAddress: c.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: c.SIGN_IN_FAILURE_WINDOW_SECONDS,
      lockoutSeconds: c.SIGN_IN_LOCKOUT_SECONDS,
    },
    signInSessions: { idleSeconds: c.SIGN_IN_SESSION_IDLE_SECONDS, maxSeconds: c.SIGN_IN_SESSION_MAX_SECONDS },
    allowExposedDemo: c.ALLOW_EXPOSED_DEMO,
    presenceSimulation: c.PRESENCE_SIMULATION,
    leanReferences: c.LEAN_REFERENCES || c.STRICT_MIRROR,
    strictMirror: c.STRICT_MIRROR,
    trustProxy: c.TRUST_PROXY,
    logLevel: c.LOG_LEVEL,
    metrics: c.METRICS_PORT === undefined ? null : { host: c.METRICS_HOST, port: c.METRICS_PORT },
  };
}
