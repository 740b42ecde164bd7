/**
 * Prometheus metrics (prom-client), off by default. With METRICS_PORT set the app counts its requests and
 * `serveMetrics` answers `GET /metrics` in Prometheus' text format on a listener of its own
 * (METRICS_HOST, default 127.0.0.1), never on the public port.
 *
 *   groups_http_requests_total{route,method,status}              requests answered, by route pattern
 *   groups_http_request_duration_seconds{route,method,status}    their durations (histogram)
 *   groups_reader_queue_length / groups_reader_busy_threads      searches waiting on / running in reader threads
 *   groups_reader_threads                                        reader threads loaded
 *   groups_admission_queue_depth                                 requests waiting for their turn (turns.ts)
 *   groups_sign_in_failures_total{grant}                         wrong passwords or unknown accounts, wrong client secrets
 *   groups_sign_in_lockouts_total{by}                            lockouts started: account, address or client
 *   groups_rate_limit_refusals_total                             429s of the per-token rate limit
 *   groups_notification_sockets                                  open notification sockets (0 until a feature sets it)
 * plus prom-client's default process and Node metrics (process_*, nodejs_*).
 *
 * The route label is Fastify's route pattern (`/api/v2/groups/:groupId`), never the raw URL; a request no
 * route matched is `(unmatched)`, so scanners cannot grow the series without bound.
 */
import { createServer, type Server } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuthEvent, AuthEventFields } from '../auth/lockout.js';

/** What the gauges read when scraped. */
export interface MetricsSources {
  readers: () => { threads: number; ready: number; queued: number; busy: number };
  turns: () => { waiting: number };
}

type RequestLabels = 'route' | 'method' | 'status';

export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<RequestLabels>;
  readonly duration: Histogram<RequestLabels>;
  readonly signInFailures: Counter<'grant'>;
  readonly signInLockouts: Counter<'by'>;
  readonly rateLimitRefusals: Counter;
  /**
   * Open notification sockets (WebSocket channels), read at each scrape from what the notifications
   * feature gives `countNotificationSockets` (app.ts); 0 until then.
   */
  readonly notificationSockets: Gauge;
  private socketCount: () => number = () => 0;

  /** Where the notification-socket gauge reads its value at each scrape. */
  countNotificationSockets(read: () => number): void {
    this.socketCount = read;
  }

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'groups_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.duration = new Histogram({
      name: 'groups_http_request_duration_seconds',
      help: 'Time from a request received to its answer sent, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Gauge({
      name: 'groups_reader_queue_length',
      help: 'Searches sent to reader threads and not answered yet.',
      registers,
      collect() {
        this.set(sources.readers().queued);
      },
    });
    new Gauge({
      name: 'groups_reader_busy_threads',
      help: 'Reader threads with at least one search to run.',
      registers,
      collect() {
        this.set(sources.readers().busy);
      },
    });
    new Gauge({
      name: 'groups_reader_threads',
      help: 'Reader threads loaded and taking searches.',
      registers,
      collect() {
        this.set(sources.readers().ready);
      },
    });
    new Gauge({
      name: 'groups_admission_queue_depth',
      help: 'Requests waiting for a turn of the event loop to start (admission under load).',
      registers,
      collect() {
        this.set(sources.turns().waiting);
      },
    });
    this.signInFailures = new Counter({
      name: 'groups_sign_in_failures_total',
      help: 'Failed sign-ins: wrong password or unknown account (password), wrong client secret (client_credentials).',
      labelNames: ['grant'],
      registers,
    });
    this.signInLockouts = new Counter({
      name: 'groups_sign_in_lockouts_total',
      help: 'Sign-in lockouts started, by what was locked: account, address or client.',
      labelNames: ['by'],
      registers,
    });
    this.rateLimitRefusals = new Counter({
      name: 'groups_rate_limit_refusals_total',
      help: 'Requests refused with 429 by the per-token rate limit.',
      registers,
    });
    const sockets = (): number => this.socketCount();
    this.notificationSockets = new Gauge({
      name: 'groups_notification_sockets',
      help: 'Open notification sockets.',
      registers,
      collect() {
        this.set(sockets());
      },
    });
    // Every series is there from the start, at 0, so a dashboard need not wait for the first event.
    for (const grant of ['password', 'client_credentials']) this.signInFailures.inc({ grant }, 0);
    for (const by of ['account', 'address', 'client']) this.signInLockouts.inc({ by }, 0);
    this.rateLimitRefusals.inc(0);
    this.notificationSockets.set(0);
  }

  /** Counts an answered request (an onResponse hook). */
  observe(request: FastifyRequest, reply: FastifyReply): void {
    const labels = {
      route: request.routeOptions.url ?? '(unmatched)',
      method: request.method,
      status: String(reply.statusCode),
    };
    this.requests.inc(labels);
    this.duration.observe(labels, reply.elapsedTime / 1000);
  }

  /** Counts the sign-in failures and lockouts (OAuthOptions.onAuthEvent). */
  readonly onAuthEvent = (event: AuthEvent, fields: AuthEventFields): void => {
    if (event === 'sign-in.failure') this.signInFailures.inc({ grant: 'password' });
    else if (event === 'client-credentials.failure') this.signInFailures.inc({ grant: 'client_credentials' });
    else if (event === 'sign-in.lockout')
      this.signInLockouts.inc({ by: fields.by === 'address' ? 'address' : 'account' });
    else if (event === 'client-credentials.lockout') this.signInLockouts.inc({ by: 'client' });
  };
}

export interface MetricsListener {
  /** `http://host:port/metrics`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `GET /metrics` of the app's metrics on host:port (port 0: any free port). */
export async function serveMetrics(app: FastifyInstance, host: string, port: number): Promise<MetricsListener> {
  const metrics = app.metrics;
  if (!metrics) throw new Error('serveMetrics needs an app built with metrics: true');
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Only GET /metrics is served here.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`The metrics could not be collected: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${bound}/metrics`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
