/**
 * The large org's change history (docs/audit.md): at least LARGE_HISTORY_RECORDS records over
 * LARGE_HISTORY_DAYS days, membership churn and description edits on every group, many on the 500-member
 * group (the bench's history query). It is volume for the queries, not a story: its member records are not
 * replayed against the seeded members. Dated back from the seeding, so the history is recent when the
 * database is new.
 */
import type Database from 'better-sqlite3';
import { recordAudit, type AuditActor } from '../../domain/audit/record.js';
import type { AuditAction, EntityChange } from '../../domain/audit/types.js';
import { ACTORS, DAY, HOUR, userNames } from './history-records.js';
import { LARGE_GROUPS } from './personas.js';
import { Rng } from './prng.js';

export const LARGE_HISTORY_RECORDS = 1_000_000;
export const LARGE_HISTORY_DAYS = 120;
/** Records of the 500-member group in the large org (the bench's "one group over 90 days"). */
export const LARGE_BENCH_GROUP_RECORDS = 20_000;

/**
 * At least `total` records over LARGE_HISTORY_DAYS days: on each group, people added and (mostly) removed
 * again, and now and then a description edit; LARGE_BENCH_GROUP_RECORDS of them on the 500-member group.
 */
export function seedLargeHistory(db: Database.Database, total = LARGE_HISTORY_RECORDS, now = Date.now()): void {
  const rng = new Rng(20261102);
  const names = userNames(db);
  const groups = db.prepare('SELECT id, name, description FROM groups ORDER BY id').raw().all() as Array<
    [string, string, string | null]
  >;
  const users = db.prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id").pluck().all() as string[];
  const actors: AuditActor[] = [ACTORS.admin, ACTORS.editor, ACTORS.owner, ACTORS.sync];
  const benchGroup = LARGE_GROUPS.fiveHundred.id;
  const perGroup = Math.ceil((total - LARGE_BENCH_GROUP_RECORDS) / Math.max(1, groups.length - 1));
  // Compact plans (time, group, kind, user) first, then written oldest first.
  const times: number[] = [];
  const plans: Array<[number, number, number]> = []; // group index, kind (0 add, 1 remove, 2 description), user index
  for (const [g, [id]] of groups.entries()) {
    const count = id === benchGroup ? LARGE_BENCH_GROUP_RECORDS : perGroup;
    for (let i = 0; i < count;) {
      const user = rng.int(0, users.length - 1);
      const added = now - rng.int(HOUR, LARGE_HISTORY_DAYS * DAY);
      times.push(added);
      plans.push([g, 0, user]);
      i++;
      if (i < count && rng.chance(0.9)) {
        times.push(Math.min(now - 60_000, added + rng.int(HOUR, 30 * DAY)));
        plans.push([g, 1, user]);
        i++;
      }
      if (i < count && rng.chance(0.05)) {
        times.push(now - rng.int(HOUR, LARGE_HISTORY_DAYS * DAY));
        plans.push([g, 2, 0]);
        i++;
      }
    }
  }
  const order = Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!);
  // A million rows go in faster with the indexes built once afterwards (sorted) than kept up row by row.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audits' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const versions = new Int32Array(groups.length).fill(1);
  for (const i of order) {
    const [g, kind, u] = plans[i]!;
    const [groupId, name, description] = groups[g]!;
    const version = ++versions[g]!;
    const userId = users[u]!;
    const entry = (from: string[], to: string[]): EntityChange => ({
      entityId: userId,
      entityName: names(userId),
      entityType: 'User',
      oldValues: from,
      newValues: to,
    });
    const byVersion = (action: AuditAction, operation: string, extra: object) =>
      recordAudit(db, {
        action,
        entityType: 'Group',
        entity: { id: groupId, name },
        ...extra,
        context: { operation, version: String(version) },
        actor: actors[(g + version) % actors.length]!,
        time: new Date(times[i]!),
      });
    if (kind === 0) byVersion('MemberAdd', 'addGroupMembers', { entityChanges: [entry([], ['individual'])] });
    else if (kind === 1)
      byVersion('MemberRemove', 'removeGroupMembers', { entityChanges: [entry(['individual'], [])] });
    else
      byVersion('Update', 'updateGroup', {
        propertyChanges: [
          { property: 'description', oldValues: [`${name} (draft).`], newValues: description ? [description] : [] },
        ],
      });
  }
  for (const { sql } of indexes) db.exec(sql);
  const update = db.prepare('UPDATE groups SET version = ? WHERE id = ?');
  for (const [g, [id]] of groups.entries()) update.run(versions[g], id);
}
