/**
 * What the API answers differently with STRICT_MIRROR=1 (docs/real-org.md), registered on the app by
 * registerApiMode:
 *
 * - The names the Audit API answers group changes under (`app.auditNames`, domain/audit/names.ts): the stored
 *   `Directory` / `Group` by default, `Groups` / `DirectoryGroup` in this mode.
 * - Division-qualified permissions: a user's `authorization.permissions`, wherever an answer carries them
 *   (`users/me?expand=authorization`, users and members with that expand), lists each permission once per
 *   division it is granted over, as `domain:entity:action:<divisionId>` (a grant over every division, `*`,
 *   once per division of the org), the shape Genesys's own apps match by prefix "because of how permissions
 *   look with divisions". One-word permissions (the legacy `admin`) stay as they are. What the server
 *   enforces does not change. Like http/lean-references.ts, this works on the JSON text about to be sent, so
 *   no answer escapes it.
 */
import type Database from 'better-sqlite3';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cached } from '../db/statements.js';
import { REAL_ORG_AUDIT_NAMES, STORED_AUDIT_NAMES, type AuditNames } from '../domain/audit/names.js';
import { grantedDivisions } from '../domain/authorization/effective.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The names the Audit API answers group changes under (domain/audit/names.ts). */
    auditNames: AuditNames;
  }
}

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The user's permissions, each qualified by every division it is granted over, sorted. */
export function divisionQualifiedPermissions(db: Database.Database, userId: string): string[] {
  const divisions = cached(db, 'SELECT id FROM divisions ORDER BY id').pluck().all() as string[];
  const out = new Set<string>();
  for (const { divisionId, permission } of grantedDivisions(db, userId)) {
    if (!permission.includes(':')) out.add(permission);
    else for (const id of divisionId === '*' ? divisions : [divisionId]) out.add(`${permission}:${id}`);
  }
  return [...out].sort();
}

/** The answer with every user's `authorization.permissions` qualified by division. */
function qualify(db: Database.Database, value: Json): Json {
  if (Array.isArray(value)) return value.map((v) => qualify(db, v));
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, field] of Object.entries(value)) out[key] = qualify(db, field);
  const authorization = out.authorization;
  if (typeof out.id === 'string' && isObject(authorization) && Array.isArray(authorization.permissions))
    out.authorization = { ...authorization, permissions: divisionQualifiedPermissions(db, out.id) };
  return out;
}

/** onSend hook for the API's JSON answers that may carry a user's authorization (registered before compression). */
export const divisionQualifiedPermissionsHook = async (
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> => {
  if (typeof payload !== 'string' || !request.url.startsWith('/api/v2/') || !payload.includes('"authorization"'))
    return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
  try {
    return JSON.stringify(qualify(request.server.db, JSON.parse(payload) as Json));
  } catch {
    return payload;
  }
};

/** The API's mode: the audit names, and in STRICT_MIRROR mode the division-qualified permissions (before compression). */
export function registerApiMode(app: FastifyInstance, strictMirror: boolean): void {
  app.decorate('auditNames', strictMirror ? REAL_ORG_AUDIT_NAMES : STORED_AUDIT_NAMES);
  if (strictMirror) app.addHook('onSend', divisionQualifiedPermissionsHook);
}
