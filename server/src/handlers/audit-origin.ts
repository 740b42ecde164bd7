/**
 * What a change's audit records take from its request besides the caller: the remote address, and the
 * console's two context headers (docs/audit.md, "context"): `X-Restored-From-Group` on a restore
 * (POST /api/v2/groups) and `X-Reverts-Audit` on a revert (PUT /api/v2/groups/{groupId}). The real API
 * ignores both; a value that is not 1–100 letters, digits and dashes is ignored here too.
 */
import type { FastifyRequest } from 'fastify';
import type { AuditOrigin } from '../domain/audit/group-changes.js';

const HEADER_VALUE = /^[A-Za-z0-9-]{1,100}$/;

const CONTEXT_HEADERS = {
  restoredFromGroupId: 'x-restored-from-group',
  revertsAuditId: 'x-reverts-audit',
} as const;

export function auditOrigin(request: FastifyRequest, ...keys: Array<keyof typeof CONTEXT_HEADERS>): AuditOrigin {
  const context: Record<string, string> = {};
  for (const key of keys) {
    const value = request.headers[CONTEXT_HEADERS[key]];
    if (typeof value === 'string' && HEADER_VALUE.test(value.trim())) context[key] = value.trim();
  }
  return { remoteIp: [request.ip], context };
}
