/**
 * Correlation ids: every request gets one (the client's `ININ-Correlation-Id` when it sent a sane
 * one, else a new UUID). It is Fastify's request id, so logs carry it too.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_HEADER = 'ININ-Correlation-Id';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationId(request: IncomingMessage): string {
  const sent = request.headers['inin-correlation-id'];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
