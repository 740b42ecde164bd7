/**
 * The server's log (pino, through Fastify): JSON lines at LOG_LEVEL (default info), with one access-log
 * line per request, written when the answer is sent: method, URL with the values of secret query
 * parameters replaced, client address (request.ip: see TRUST_PROXY), status and milliseconds.
 *
 *   Fastify({ logger: loggerOptions('info'), logController: new AccessLog() })
 *
 * Used by the full server (server.ts) and console-only mode, which also sees the sign-in callback's code.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Query parameters whose values are secrets (the sign-in redirect's code and state, tokens). */
const SECRET_PARAMS = new Set(['code', 'state', 'access_token', 'id_token', 'refresh_token', 'token', 'code_verifier']);

/** A request URL fit for the logs: the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  let redacted = false;
  for (const key of [...params.keys()]) {
    if (SECRET_PARAMS.has(key.toLowerCase())) {
      params.set(key, 'REDACTED');
      redacted = true;
    }
  }
  return redacted ? `${url.slice(0, at)}?${params.toString()}` : url;
}

/** Fastify's request log as one line per request, at its end (not Fastify's two, the first unredacted). */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

/** Fastify's logger options: the level, an optional stream (tests), and the request as logged. */
export function loggerOptions(level = 'info', stream?: { write(line: string): void }) {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
