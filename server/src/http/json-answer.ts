/**
 * An answer the handler has as JSON text already (a reader thread's, readers/pool.ts): sent as it is,
 * as application/json, instead of being parsed and serialised again.
 */
import type { FastifyReply } from 'fastify';

export async function answerJson(reply: FastifyReply, json: Promise<string>): Promise<string> {
  const text = await json;
  reply.type('application/json; charset=utf-8');
  return text;
}
