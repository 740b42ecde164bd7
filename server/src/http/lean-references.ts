/**
 * Lean reference mode (setting LEAN_REFERENCES=1): every reference to another entity in an API answer is cut
 * down to the leanest shape the real API may send, `id` and `selfUri` only: a user's groups (`expand=groups`),
 * a group's owners, members' groups, the caller's organization and division, a user's manager and division,
 * the token's organization. The console must then resolve the names itself (src/api/resolve-names.ts); this
 * mode proves it does, end to end (e2e/real-org/).
 *
 * It works on the JSON text about to be sent, whatever produced it (handlers or reader threads), so no answer
 * escapes it; it costs a parse and a serialisation, which only this test mode pays.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Fields that hold a reference (or a list of them) wherever they appear in an answer. */
const REFERENCE_FIELDS = new Set(['groups', 'owners', 'organization', 'division', 'manager']);

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ id, selfUri }` of a reference; anything that is not a reference (no id) stays as it is. */
const leanReference = (value: Json): Json => {
  if (!isObject(value) || typeof value.id !== 'string') return value;
  const selfUri = typeof value.selfUri === 'string' ? value.selfUri : undefined;
  return selfUri === undefined ? { id: value.id } : { id: value.id, selfUri };
};

/** The answer with every reference field, at any depth, cut to its lean shape. */
export const leanReferences = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(leanReferences);
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const [key, field] of Object.entries(value)) {
    if (REFERENCE_FIELDS.has(key)) out[key] = Array.isArray(field) ? field.map(leanReference) : leanReference(field);
    else out[key] = leanReferences(field);
  }
  return out;
};

/** onSend hook for the API's JSON answers; registered before compression, so it sees the JSON text. */
export const leanReferencesHook = async (
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> => {
  if (typeof payload !== 'string' || !request.url.startsWith('/api/v2/')) return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
  try {
    return JSON.stringify(leanReferences(JSON.parse(payload) as Json));
  } catch {
    return payload;
  }
};
