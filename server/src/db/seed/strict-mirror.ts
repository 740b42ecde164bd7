/**
 * The data of a stricter mirror of a real org (STRICT_MIRROR=1, docs/real-org.md): applied to the demo org
 * when the server starts in that mode, once (it checks what is already there), inside one transaction.
 *
 * - The Org Administrator role (the `orgadmin@example.com` persona's) grants the legacy one-word `admin`
 *   permission and nothing else, as old roles of real orgs do.
 * - A few failed attempts among the history (`status: FAILURE`, which a real org's audit log can hold): a
 *   delete and an edit of "New Hire Onboarding Cohort" by the editor, and an addition of the supervisor to
 *   "Executive Leadership Team" by the owner persona. None of them changed anything.
 *
 * An org without the demo's named groups and roles (SEED=none or large) gets nothing of it.
 */
import type Database from 'better-sqlite3';
import { CONSOLE_CLIENT_ID } from '../../auth/clients.js';
import { LEGACY_ADMIN } from '../../contract/permissions.js';
import { recordAudit, type AuditActor } from '../../domain/audit/record.js';
import { DEMO_GROUPS, PERSONAS, ROLES } from './personas.js';

const HOUR = 60 * 60 * 1000;

/** The failed attempts STRICT_MIRROR adds to the demo history. */
export const STRICT_MIRROR_FAILURES = {
  deleteSmall: { group: DEMO_GROUPS.small, by: PERSONAS.editor, hoursAgo: 50 },
  updateSmall: { group: DEMO_GROUPS.small, by: PERSONAS.editor, hoursAgo: 49 },
  addSupervisor: { group: DEMO_GROUPS.membersOnlyWithoutSupervisor, by: PERSONAS.owner, hoursAgo: 26 },
} as const;

const actor = (userId: string): AuditActor => ({ userId, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.7.33'] });

export function applyStrictMirror(db: Database.Database, now = Date.now()): void {
  db.transaction(() => {
    const role = db.prepare('SELECT 1 FROM roles WHERE id = ?').get(ROLES.orgAdministrator.id);
    if (role) {
      db.prepare('DELETE FROM role_permissions WHERE role_id = ?').run(ROLES.orgAdministrator.id);
      db.prepare('INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)').run(
        ROLES.orgAdministrator.id,
        LEGACY_ADMIN,
      );
    }

    const named = db.prepare('SELECT name FROM groups WHERE id = ?');
    const groupsThere = Object.values(STRICT_MIRROR_FAILURES).every((f) => named.get(f.group.id));
    const already = db
      .prepare("SELECT 1 FROM audits WHERE json_extract(body_json, '$.status') = 'FAILURE' LIMIT 1")
      .get();
    if (!groupsThere || already) return;
    const { deleteSmall, updateSmall, addSupervisor } = STRICT_MIRROR_FAILURES;
    const version = (groupId: string) =>
      String(db.prepare('SELECT version FROM groups WHERE id = ?').pluck().get(groupId) as number);
    // Written oldest first, as the live server's records are.
    recordAudit(db, {
      action: 'Delete',
      entityType: 'Group',
      entity: deleteSmall.group,
      status: 'FAILURE',
      context: { operation: 'deleteGroup', version: version(deleteSmall.group.id) },
      actor: actor(deleteSmall.by.id),
      time: new Date(now - deleteSmall.hoursAgo * HOUR),
    });
    recordAudit(db, {
      action: 'Update',
      entityType: 'Group',
      entity: updateSmall.group,
      status: 'FAILURE',
      propertyChanges: [{ property: 'description', oldValues: [], newValues: ['Attempted and refused'] }],
      context: { operation: 'updateGroup', version: version(updateSmall.group.id) },
      actor: actor(updateSmall.by.id),
      time: new Date(now - updateSmall.hoursAgo * HOUR),
    });
    recordAudit(db, {
      action: 'MemberAdd',
      entityType: 'Group',
      entity: addSupervisor.group,
      status: 'FAILURE',
      entityChanges: [
        {
          entityId: PERSONAS.supervisor.id,
          entityName: PERSONAS.supervisor.name,
          entityType: 'User',
          oldValues: [],
          newValues: ['individual'],
        },
      ],
      context: { operation: 'addGroupMembers', version: version(addSupervisor.group.id) },
      actor: actor(addSupervisor.by.id),
      time: new Date(now - addSupervisor.hoursAgo * HOUR),
    });
  })();
}
