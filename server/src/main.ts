/**
 * `npm start`: builds the console when its build is missing or stale, then serves it together with
 * the API and the sign-in endpoints from one process. Settings: see config.ts.
 * SIGINT / SIGTERM close the server, then the database (after a WAL checkpoint), so no committed
 * write is lost.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { checkDemoExposure, type ExposureCheck } from './auth/exposure.js';
import { ConfigError, DEFAULT_STATIC_DIR, loadConfig, type Config } from './config.js';
import { buildConsole, consoleBuildIsStale } from './console-build.js';
import { buildConsoleOnlyApp } from './console-only.js';
import { serveMetrics, type MetricsListener } from './http/metrics.js';
import { PERSONA_PASSWORD, PERSONAS } from './db/seed/personas.js';
import { startPresenceSimulation } from './db/seed/presence-simulation.js';

async function main(config: Config): Promise<void> {
  // Console-only mode has no API and no demo org to expose.
  const exposure: ExposureCheck = config.serve === 'console' ? { refuse: false } : checkDemoExposure(config);
  if (exposure.warning) process.stderr.write(`${exposure.warning}\n`);
  if (exposure.refuse) process.exit(1);
  // Only the repository's own dist/ is (re)built; a STATIC_DIR elsewhere is served as it is.
  if (!config.skipBuild && config.staticDir === DEFAULT_STATIC_DIR && consoleBuildIsStale(config.staticDir))
    buildConsole();
  const staticDir = existsSync(join(config.staticDir, 'index.html')) ? config.staticDir : undefined;

  const consoleOnly = config.serve === 'console';
  const app = consoleOnly
    ? buildConsoleOnlyApp({
        staticDir: config.staticDir,
        basePath: config.basePath,
        env: process.env,
        logger: true,
        logLevel: config.logLevel,
        trustProxy: config.trustProxy,
      })
    : buildApp({
        dataDir: config.dataDir,
        seed: config.seed,
        tokenLifetimeSeconds: config.tokenLifetimeSeconds,
        rateLimitPerMinute: config.rateLimitPerMinute,
        rateLimitWindowSeconds: config.rateLimitWindowSeconds,
        corsOrigins: config.corsOrigins,
        staticDir,
        logger: true,
        readerThreads: config.readerThreads,
        signInLockout: config.signInLockout,
        signInSessions: config.signInSessions,
        leanReferences: config.leanReferences,
        strictMirror: config.strictMirror,
        trustProxy: config.trustProxy,
        logLevel: config.logLevel,
        metrics: config.metrics !== null,
      });
  if (consoleOnly && config.metrics)
    process.stderr.write('METRICS_PORT is ignored with SERVE=console: console-only mode has no metrics.\n');
  // On a listener of its own (METRICS_HOST, loopback by default), closed with the app.
  let metricsListener: MetricsListener | undefined;
  if (config.metrics && !consoleOnly) {
    metricsListener = await serveMetrics(app, config.metrics.host, config.metrics.port);
    const listener = metricsListener;
    app.addHook('onClose', () => listener.close());
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => {
      process.stderr.write(`Shutdown after ${signal} took too long; exiting.\n`);
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ host: config.host, port: config.port });
  // Unref'd, and each tick checks the database is still open: nothing to stop on shutdown. Console-only
  // mode has no database, so nothing to simulate.
  if (config.presenceSimulation && !consoleOnly) startPresenceSimulation(app.db);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::', ''].includes(config.host)
    ? '127.0.0.1'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  const signIns = Object.values(PERSONAS)
    .map((p) => `${p.email} / ${PERSONA_PASSWORD}`)
    .join(', ');
  if (consoleOnly) {
    process.stdout.write(`Groups Console (console only) on http://${host}:${port}${config.basePath}\n`);
    return;
  }
  const what = staticDir ? 'Groups Console' : 'Groups API (no console build)';
  const metricsNote = metricsListener ? ` · metrics: ${metricsListener.url}` : '';
  process.stdout.write(
    `${what} on http://${host}:${port}/ · sign in as ${signIns} · data: ${config.dataDir} (seed ${config.seed})${metricsNote}\n`,
  );
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
main(config).catch((error: unknown) => {
  process.stderr.write(`The server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
