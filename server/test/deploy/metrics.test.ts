/**
 * Prometheus metrics: a real server built with metrics on, its /metrics on a listener of its own. After
 * real requests (a group read, a 404 on a raw id, a failed sign-in, a 429 of the rate limit, a search on a
 * reader thread) the scrape has every series with the route pattern as label and plausible values; the
 * public port does not serve /metrics. Also the METRICS_* settings, and `npm start` (main.ts) with them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildApp } from '../../src/app.js';
import { ConfigError, loadConfig, REPO_ROOT } from '../../src/config.js';
import { serveMetrics, type MetricsListener } from '../../src/http/metrics.js';
import { pkcePair } from '../support/sign-in.js';
import { issueToken } from '../support/tokens.js';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import { copyDemoDatabase } from '../support/demo-template.js';

let dataDir: string;
let app: FastifyInstance;
let url: string;
let metrics: MetricsListener;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'groups-metrics-'));
  copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME)); // the demo org, seeded once per run
  app = buildApp({ dataDir, seed: 'demo', rateLimitPerMinute: 3, readerThreads: 1, metrics: true });
  url = (await app.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  metrics = await serveMetrics(app, '127.0.0.1', 0);
  await app.readers.whenStarted();
});
afterAll(async () => {
  await metrics?.close();
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The scrape as `series{labels}` → value (without the HELP and TYPE lines). */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(metrics.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

async function failSignIn(): Promise<number> {
  const form = new URLSearchParams({
    client_id: 'groups-console',
    response_type: 'code',
    redirect_uri: `${url}/auth/callback`,
    state: 'st',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    email: 'admin@example.com',
    password: 'not-the-password',
  });
  const res = await fetch(`${url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

describe('GET /metrics', () => {
  it('counts requests by route pattern, sign-in failures, 429s, and has the gauges and process metrics', async () => {
    const token = issueToken(app, { persona: 'admin' });
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const list = (await (await fetch(`${url}/api/v2/groups?pageSize=1`, { headers: auth })).json()) as {
      entities: { id: string; name: string }[];
    };
    const id = list.entities[0]!.id;
    expect((await fetch(`${url}/api/v2/groups/${id}`, { headers: auth })).status).toBe(200);
    const search = await fetch(`${url}/api/v2/groups/search`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ query: [{ type: 'CONTAINS', fields: ['name'], value: list.entities[0]!.name }] }),
    });
    expect(search.status).toBe(200);
    // The fourth request of this token within the minute: 429.
    const refused = await fetch(`${url}/api/v2/groups/${id}`, { headers: auth });
    expect(refused.status).toBe(429);
    await refused.arrayBuffer();
    expect(await failSignIn()).toBe(400);
    expect((await fetch(`${url}/no/such/path/${id}`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const m = await scrape();
    expect(m.get('groups_http_requests_total{route="/api/v2/groups/:groupId",method="GET",status="200"}')).toBe(1);
    expect(m.get('groups_http_requests_total{route="/api/v2/groups/:groupId",method="GET",status="429"}')).toBe(1);
    expect(m.get('groups_http_requests_total{route="/api/v2/groups/search",method="POST",status="200"}')).toBe(1);
    expect(m.get('groups_http_requests_total{route="/oauth/authorize",method="POST",status="400"}')).toBe(1);
    expect(m.get('groups_http_requests_total{route="/healthz",method="GET",status="200"}')).toBe(1);
    expect(m.get('groups_http_requests_total{route="(unmatched)",method="GET",status="404"}')).toBe(1);
    // Route patterns only: no raw id in any label.
    expect([...m.keys()].filter((k) => k.includes(id))).toEqual([]);

    const bucket = (le: string) =>
      m.get(
        `groups_http_request_duration_seconds_bucket{le="${le}",route="/api/v2/groups/:groupId",method="GET",status="200"}`,
      );
    expect(bucket('+Inf')).toBe(1);
    expect(bucket('0.001')).toBeLessThanOrEqual(bucket('5')!);
    const seconds = m.get(
      'groups_http_request_duration_seconds_sum{route="/api/v2/groups/search",method="POST",status="200"}',
    );
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(10);

    expect(m.get('groups_sign_in_failures_total{grant="password"}')).toBe(1);
    expect(m.get('groups_sign_in_failures_total{grant="client_credentials"}')).toBe(0);
    expect(m.get('groups_sign_in_lockouts_total{by="account"}')).toBe(0);
    expect(m.get('groups_rate_limit_refusals_total')).toBe(1);
    expect(m.get('groups_reader_threads')).toBe(1);
    expect(m.get('groups_reader_queue_length')).toBe(0);
    expect(m.get('groups_reader_busy_threads')).toBe(0);
    expect(m.get('groups_admission_queue_depth')).toBe(0);
    expect(m.get('groups_notification_sockets')).toBe(0);
    expect(m.get('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(m.get('process_resident_memory_bytes')).toBeGreaterThan(1e6);
    expect(m.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('counts lockouts', async () => {
    // One failure above: three more, then the fifth locks the account.
    for (let i = 0; i < 3; i++) expect(await failSignIn()).toBe(400);
    expect(await failSignIn()).toBe(429);
    const m = await scrape();
    expect(m.get('groups_sign_in_failures_total{grant="password"}')).toBe(5);
    expect(m.get('groups_sign_in_lockouts_total{by="account"}')).toBe(1);
  });

  it("counts the notification channels' open sockets", async () => {
    expect((await scrape()).get('groups_notification_sockets')).toBe(0);
    const token = issueToken(app, { persona: 'supervisor' });
    const created = await fetch(`${url}/api/v2/notifications/channels`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(created.status).toBe(200);
    const { connectUri } = (await created.json()) as { connectUri: string };
    const socket = new WebSocket(connectUri);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    expect((await scrape()).get('groups_notification_sockets')).toBe(1);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close();
    await closed;
    await expect.poll(async () => (await scrape()).get('groups_notification_sockets')).toBe(0);
  });

  it('is served on its own listener only: the public port has no /metrics, and the listener nothing else', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(metrics.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(metrics.url, { method: 'POST' })).status).toBe(404);
  });
});

describe('METRICS_PORT and METRICS_HOST', () => {
  it('are off by default, loopback by default, and a bad or shared port is a clear error', () => {
    expect(loadConfig({}).metrics).toBeNull();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      host: '0.0.0.0',
      port: 9464,
    });
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT must be a whole number/);
    expect(() => loadConfig({ METRICS_PORT: '8080' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_PORT: '8080' })).toThrow(/a port of their own, not PORT/);
  });

  it('npm start serves /metrics on the METRICS_PORT listener and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'groups-metrics-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_PORT: '0',
        DATA_DIR: dir,
        SEED: 'none',
        SKIP_BUILD: '1',
        LOG_LEVEL: 'warn',
        PRESENCE_SIMULATION: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const metricsUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 60_000);
        child.stdout.on('data', (c: Buffer) => {
          output += c.toString();
          const match = / · metrics: (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}:\n${output}`)));
      });
      const text = await (await fetch(metricsUrl)).text();
      expect(text).toContain('# TYPE groups_http_requests_total counter');
      expect(text).toContain('process_cpu_seconds_total');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
