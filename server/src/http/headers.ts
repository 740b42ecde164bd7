/**
 * Security headers on every response, and the Content-Security-Policy of the console's HTML and scripts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The region hosts (README.md, "Using a real Genesys Cloud org"): the console may talk to a real org's API and login hosts. */
const GENESYS_CLOUD_HOSTS = [
  'https://*.mypurecloud.com',
  'https://*.mypurecloud.ie',
  'https://*.mypurecloud.com.au',
  'https://*.mypurecloud.jp',
  'https://*.mypurecloud.de',
  'https://*.pure.cloud',
  'https://*.us-gov-pure.cloud',
  'https://*.eusc-pure.cloud',
];

/** The console's policy: only its own scripts; Mantine needs inline style attributes. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  `connect-src 'self' ${GENESYS_CLOUD_HOSTS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For JSON and everything that is neither a page nor a script. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A Web Worker's own script as the build names it (`roster.worker-<hash>.js`). */
const WORKER_SCRIPT = /\.worker-[\w-]+\.js$/;

/** A script (by its content type), and whether it is a Web Worker's own (by its path, the query aside). */
const scriptKind = (contentType: string, url: string): 'worker' | 'page' | null => {
  if (!/^(?:text|application)\/javascript/.test(contentType)) return null;
  return WORKER_SCRIPT.test(url.split('?')[0] ?? '') ? 'worker' : 'page';
};

/**
 * Whether a response gets the console's policy: its pages, and the scripts Web Workers start from (the
 * members tab reads large groups in one), since a worker runs under the policy its own script came with.
 * Other scripts take the short policy: a policy on a script a page runs has no effect, and the console's,
 * about 560 bytes, went with each of the first screen's scripts to a phone.
 */
export const takesConsolePolicy = (contentType: string, url: string): boolean =>
  contentType.startsWith('text/html') || scriptKind(contentType, url) === 'worker';

/**
 * A script a page runs (not a worker's): framing and referrer policies act on documents, workers and
 * stylesheets (for what those fetch), not on such a script, so those two headers are left off what
 * went with each of a phone's first-screen scripts.
 */
const isPageScript = (contentType: string, url: string): boolean => scriptKind(contentType, url) === 'page';

export async function securityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const type = String(reply.getHeader('content-type') ?? '');
  reply.header('X-Content-Type-Options', 'nosniff');
  if (!isPageScript(type, request.url)) {
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
  }
  // A 304 has no content type; its headers replace the cached page's, so it must not carry the API policy.
  if (!reply.hasHeader('Content-Security-Policy') && reply.statusCode !== 304)
    reply.header('Content-Security-Policy', takesConsolePolicy(type, request.url) ? CONSOLE_CSP : API_CSP);
  return payload;
}
