/**
 * Console-only mode (`SERVE=console`): the server serves the built console and nothing else: no API,
 * no sign-in endpoints, no database. The console talks to a real Genesys Cloud org (or any API and
 * login base URL) named by a `config.json` the server writes from its environment:
 *
 *   CONSOLE_REGION        a Genesys Cloud region id (eu_west_1 …)        ┐ one of the two
 *   CONSOLE_API_BASE      origin of the API, e.g. https://api.example.com ┐ (with
 *   CONSOLE_LOGIN_BASE    origin of /oauth/authorize and /oauth/token    ┘ CONSOLE_LOGIN_BASE)
 *   CONSOLE_CLIENT_ID     the org's OAuth client (code grant, PKCE)      required
 *   CONSOLE_LABEL         the header's name for a custom API             (its host)
 *   CONSOLE_PINNED        1 = users cannot switch away (default), 0 = the default only
 *   BASE_PATH             the path the console was built for (BASE_PATH of `npm run build`)  /
 *
 * The config is validated against the console's own JSON Schema (config.schema.json of the build), so
 * a wrong setting stops the server at start rather than every browser later.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { ConfigError } from './config.js';
import { AccessLog, loggerOptions } from './http/access-log.js';
import { registerHealth, registerReadiness } from './http/health.js';
import { registerVersion } from './http/version.js';
import { CONSOLE_CSP, securityHeaders, takesConsolePolicy } from './http/headers.js';
import { registerStatic } from './http/static.js';

export interface ConsoleOnlyOptions {
  /** The built console (index.html, assets/, config.schema.json). */
  staticDir: string;
  /** '/' or '/groups-console/': where the console is served, as it was built. */
  basePath: string;
  /** The environment variables CONSOLE_* (see above). */
  env: NodeJS.ProcessEnv;
  logger?: boolean;
  /** LOG_LEVEL. Default `info`: one access-log line per request (http/access-log.ts). */
  logLevel?: string;
  /** Where the log goes when `logger` is on (tests). Default stdout. */
  logStream?: { write(line: string): void };
  /** TRUST_PROXY: whose X-Forwarded-For gives the logged client address. Default false. */
  trustProxy?: boolean | string[];
}

export interface ConsoleConfigJson {
  $schema: string;
  environment: Record<string, string>;
  pinned: boolean;
}

/** config.json from CONSOLE_* variables, checked against the build's config.schema.json. */
export function consoleConfigFromEnv(env: NodeJS.ProcessEnv, staticDir: string): ConsoleConfigJson {
  const value = (name: string) => env[name]?.trim() || undefined;
  const region = value('CONSOLE_REGION');
  const apiBase = value('CONSOLE_API_BASE');
  const loginBase = value('CONSOLE_LOGIN_BASE');
  const clientId = value('CONSOLE_CLIENT_ID');
  const label = value('CONSOLE_LABEL');
  const pinnedSetting = value('CONSOLE_PINNED') ?? '1';
  const problems: string[] = [];
  if (!['0', '1', 'true', 'false'].includes(pinnedSetting)) problems.push('CONSOLE_PINNED must be 1 or 0');
  if (!clientId) problems.push('CONSOLE_CLIENT_ID is required: the id of the org’s OAuth client (code grant, PKCE)');
  if (region && (apiBase || loginBase))
    problems.push('set CONSOLE_REGION, or CONSOLE_API_BASE and CONSOLE_LOGIN_BASE, not both');
  if (!region && !(apiBase && loginBase))
    problems.push('set CONSOLE_REGION (e.g. eu_west_1), or both CONSOLE_API_BASE and CONSOLE_LOGIN_BASE');
  if (problems.length)
    throw new ConfigError(`Invalid console-only configuration (SERVE=console):\n  ${problems.join('\n  ')}`);

  const environment: Record<string, string> = region
    ? { kind: 'genesys', region, clientId: clientId! }
    : { kind: 'custom', apiBase: apiBase!, loginBase: loginBase!, clientId: clientId!, ...(label ? { label } : {}) };
  const config: ConsoleConfigJson = {
    $schema: './config.schema.json',
    environment,
    pinned: pinnedSetting === '1' || pinnedSetting === 'true',
  };

  const schemaFile = join(staticDir, 'config.schema.json');
  if (!existsSync(schemaFile))
    throw new ConfigError(`${schemaFile} is missing: is STATIC_DIR a build of this console?`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (!validate(config)) {
    const names: Record<string, string> = {
      region: 'CONSOLE_REGION',
      apiBase: 'CONSOLE_API_BASE',
      loginBase: 'CONSOLE_LOGIN_BASE',
      clientId: 'CONSOLE_CLIENT_ID',
      label: 'CONSOLE_LABEL',
    };
    // oneOf reports every branch; the branch of the chosen kind is the one that speaks to the user.
    const lines = (validate.errors ?? [])
      .filter((e) => e.instancePath.startsWith('/environment/') && e.instancePath !== '/environment/kind')
      .map((e) => {
        const field = e.instancePath.split('/').pop() ?? '';
        const allowed =
          e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : '';
        return `${names[field] ?? field}: ${e.message ?? 'is not valid'}${allowed} (got "${String(environment[field])}")`;
      });
    throw new ConfigError(
      `Invalid console-only configuration (SERVE=console):\n  ${[...new Set(lines)].join('\n  ') || ajv.errorsText(validate.errors)}`,
    );
  }
  return config;
}

/** The origins the console will call, beyond its own: the CSP's connect-src must allow them. */
const extraOrigins = (config: ConsoleConfigJson): string[] =>
  config.environment.kind === 'custom'
    ? [...new Set([config.environment.apiBase!, config.environment.loginBase!])]
    : [];

/** Checks that the build in staticDir was made for basePath (its index.html loads `${basePath}assets/…`). */
function checkBuildBase(staticDir: string, basePath: string): void {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index))
    throw new ConfigError(`No built console in ${staticDir} (index.html is missing): run npm run build.`);
  const built = /<script[^>]+src="([^"]*?)assets\//.exec(readFileSync(index, 'utf8'))?.[1];
  if (built !== undefined && built !== basePath)
    throw new ConfigError(
      `The console in ${staticDir} was built for BASE_PATH=${built}, not ${basePath}: set BASE_PATH=${built}, or build again with BASE_PATH=${basePath}.`,
    );
}

export function buildConsoleOnlyApp(options: ConsoleOnlyOptions): FastifyInstance {
  const root = resolve(options.staticDir);
  const base = options.basePath;
  checkBuildBase(root, base);
  const config = consoleConfigFromEnv(options.env, root);
  const configJson = JSON.stringify(config);
  const origins = extraOrigins(config);
  const csp = origins.length
    ? CONSOLE_CSP.replace("connect-src 'self'", `connect-src 'self' ${origins.join(' ')}`)
    : CONSOLE_CSP;

  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logLevel, options.logStream) : false,
    logController: new AccessLog(),
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (takesConsolePolicy(type, request.url)) reply.header('Content-Security-Policy', csp);
    return payload;
  });
  app.addHook('onSend', securityHeaders);
  registerHealth(app);
  // No database and no reader threads: ready as soon as it serves.
  registerReadiness(app, () => undefined);
  registerVersion(app);

  app.get(`${base}config.json`, async (_request, reply) =>
    reply.header('Cache-Control', 'no-cache').type('application/json; charset=utf-8').send(configJson),
  );
  registerStatic(app, root, base);
  if (base !== '/') app.get('/', async (_request, reply) => reply.redirect(base, 302));

  // Client-side routes (/groups/…, the sign-in callback) get index.html; anything else is a 404.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const underBase = path.startsWith(base) || `${path}/` === base;
    const page =
      (request.method === 'GET' || request.method === 'HEAD') &&
      underBase &&
      !path.startsWith(`${base}assets/`) &&
      String(request.headers.accept ?? '').includes('text/html');
    if (page) return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply
      .code(404)
      .send({ status: 404, code: 'not.found', message: `No resource found for ${request.method} ${path}.` });
  });
  return app;
}
