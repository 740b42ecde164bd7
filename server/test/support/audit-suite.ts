/**
 * A demo-seeded server for the suites that check the audit records a change writes:
 *
 *   const suite = auditSuite();
 *   it('…', async () => {
 *     await suite.createGroup({ name: 'x' });
 *     expect(suite.written().map((r) => r.action)).toEqual(['Create']);   // records written since the test began
 *   });
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { rowToMessage, type AuditRow } from '../../src/domain/audit/record.js';
import type { AuditLogMessage } from '../../src/domain/audit/types.js';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { createGroup } from './groups.js';
import { apiCaller, type ApiCall } from './openapi-validator.js';
import { startServer, type TestServer } from './server.js';

/** The rule that selects active users with Spanish ≥ 3. */
export const SPANISH = {
  skillConditions: [
    {
      operation: 'Or',
      routingSkillConditions: [],
      languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
    },
  ],
};

export interface AuditSuite {
  server: TestServer;
  call: ApiCall;
  /** The admin persona's token. */
  admin: string;
  /** The last audit sequence number before the test began (a test may move it on). */
  mark: number;
  /** Active users without the Spanish skill (so rules never pick them), by id; six of them. */
  plainUsers: Array<{ id: string; name: string }>;
  /** Active users the SPANISH rule selects. */
  spanishIds: string[];
  SPANISH: typeof SPANISH;
  /** The records written since `mark`, oldest first, as the API answers them (expand=user). */
  written(): AuditLogMessage[];
  /** The names of these users. */
  names(ids: string[]): string[];
  /** A User entity change of a record, as the API answers it. */
  userEntry(
    id: string,
    oldValues: string[],
    newValues: string[],
  ): { entityId: string; entityName: string | undefined; entityType: string; oldValues: string[]; newValues: string[] };
  /** Entity changes sorted by name, then id. */
  byEntityName<T extends { entityName?: string; entityId: string }>(list: T[]): T[];
  /** createGroup as the admin with this body (and headers); fails the test unless the answer is 200. */
  createGroup(
    body: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ id: string; version: number; name: string }>;
}

export function auditSuite(): AuditSuite {
  const suite = { mark: 0, SPANISH } as AuditSuite;
  beforeAll(async () => {
    suite.server = await startServer({ seed: 'demo' });
    suite.call = apiCaller(suite.server.url);
    suite.admin = suite.server.tokenFor('admin');
    const personaIds = Object.values(PERSONAS).map((p) => p.id);
    suite.plainUsers = suite.server.db
      .prepare(
        `SELECT id, name FROM users WHERE state = 'active' AND id NOT IN (SELECT user_id FROM user_skills WHERE skill_name = 'Spanish')
         AND id NOT IN (${personaIds.map(() => '?').join(', ')}) ORDER BY id LIMIT 6`,
      )
      .all(...personaIds) as Array<{ id: string; name: string }>;
    suite.spanishIds = suite.server.db
      .prepare(
        `SELECT u.id FROM users u JOIN user_skills s ON s.user_id = u.id
         WHERE u.state = 'active' AND s.kind = 'language' AND s.skill_name = 'Spanish' AND s.proficiency >= 3 ORDER BY u.id`,
      )
      .pluck()
      .all() as string[];
  });
  afterAll(async () => {
    await suite.server?.close();
  });
  beforeEach(() => {
    suite.mark = suite.server.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audits').pluck().get() as number;
  });
  suite.written = () =>
    (
      suite.server.db
        .prepare(
          'SELECT id, event_time, service, entity_type, action, body_json FROM audits WHERE seq > ? ORDER BY seq',
        )
        .all(suite.mark) as AuditRow[]
    ).map((row) => rowToMessage(row));
  suite.names = (ids) =>
    ids.map((id) => suite.server.db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(id) as string);
  suite.userEntry = (id, oldValues, newValues) => ({
    entityId: id,
    entityName: suite.names([id])[0],
    entityType: 'User',
    oldValues,
    newValues,
  });
  suite.byEntityName = (list) =>
    [...list].sort(
      (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
    );
  suite.createGroup = (body, headers) =>
    createGroup<{ id: string; version: number; name: string }>(suite.call, suite.admin, body, headers);
  return suite;
}
