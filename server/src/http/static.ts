/**
 * Serves the built console: hashed files under /assets/ are cached for a year; index.html and
 * config.json (and anything else) are revalidated on every load. Any other GET that accepts HTML
 * and is not an API or sign-in path gets index.html, so the console's client-side routes survive
 * a reload.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const LONG_CACHE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

/** `prefix`: where the console is served ('/', or a sub-path such as '/groups-console/' in console-only mode). */
export function registerStatic(app: FastifyInstance, staticDir: string, prefix = '/'): void {
  const root = resolve(staticDir);
  app.register(fastifyStatic, {
    root,
    prefix,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    etag: true,
    lastModified: true,
    // The build's Brotli and gzip copies of assets (vite.config.ts), for browsers that accept them.
    preCompressed: true,
    setHeaders(reply, path) {
      const relative = path.slice(root.length).replace(/\\/g, '/');
      const hashed = relative.startsWith('/assets/');
      reply.header('Cache-Control', hashed ? LONG_CACHE : NO_CACHE);
      // A hashed file never changes and is never asked for again: nothing to revalidate it with. (Each
      // header went with every script of a phone's first screen.)
      if (hashed) for (const name of ['etag', 'last-modified', 'accept-ranges']) reply.removeHeader(name);
    },
  });
}

/** True when a request that found no route should get the console's index.html. */
export function wantsConsolePage(request: FastifyRequest, staticDir: string | undefined): boolean {
  if (!staticDir || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/api' || path.startsWith('/api/') || path === '/oauth' || path.startsWith('/oauth/')) return false;
  if (path.startsWith('/assets/')) return false;
  const accept = String(request.headers.accept ?? '');
  if (!accept.includes('text/html')) return false;
  return existsSync(join(resolve(staticDir), 'index.html'));
}

export function sendConsolePage(reply: FastifyReply): FastifyReply {
  reply.header('Cache-Control', NO_CACHE);
  return reply.sendFile('index.html');
}
