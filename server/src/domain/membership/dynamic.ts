/**
 * Dynamic (skill-based) group membership: GET / PUT / DELETE /groups/{id}/dynamicsettings and
 * POST /groups/dynamicsettings/preview.
 *
 * The query → SQL compilation (dynamic-query.ts) and the member rows it yields (upkeep.ts) are the ones
 * the seed uses, so seeded and API-written rules select the same users; this module validates queries
 * and stores them.
 *
 * Decisions:
 *   - GET needs `directory:group:view`; `directory:group:edit` holders and the group's owners may read
 *     their groups' settings too (they can see and manage the group). When the group's rulesVisible is
 *     false, only owners and holders of `directory:group:edit` or `directory:privateGroup:view` may read
 *     them (403 otherwise). A group without settings answers 404.
 *   - Preview needs `directory:group:view` or `directory:group:edit`.
 *   - PUT needs `directory:group:edit`; it replaces the query, re-materialises the rule members
 *     (is_rule) and raises the group's version. DELETE needs `directory:group:delete`; it removes the
 *     settings and the members who were in only through them, raises the version, and is a no-op
 *     (204, version unchanged) when the group has no settings.
 *   - Rule matches are active users only, and are not refused for the per-user group limit.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { authorize } from '../../contract/authorize.js';
import { badRequest, invalidValue, missingAnyPermissions, notFound } from '../../contract/errors.js';
import { mayReadRules, rulesPermissionsMissing } from '../../contract/group-rules.js';
import { MEMBERSHIP_LIMITS } from '../../contract/limits.js';
import { dynamicQueryUsersSql, type DynamicGroupQuery, type DynamicGroupSkillCondition } from './dynamic-query.js';
import { applyDynamicMembers } from './upkeep.js';
import {
  dynamicSettingsOf,
  recordDynamicSettingsChanged,
  watchMembers,
  type AuditOrigin,
} from '../audit/group-changes.js';
import { groupUri, loadVisibleGroup, selectGroup } from '../groups/groups.js';
import { bumpVersion } from '../groups/writes.js';
import { cached } from '../../db/statements.js';
import { isGroupOwner } from '../groups/visibility.js';

const COMPARATORS = [
  'EqualTo',
  'NotEqualTo',
  'LessThan',
  'GreaterThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
] as const;
const OPERATIONS = ['And', 'Or', 'Not'] as const;

export interface DynamicGroupDefinition {
  group: { id: string; selfUri: string };
  dateModified: string;
  query: DynamicGroupQuery;
  selfUri: string;
}

/** Validates a DynamicGroupQuery (shape, enums, proficiency 0..5, size and depth) and returns a clean copy. */
function validateDynamicQuery(raw: unknown): DynamicGroupQuery {
  let count = 0;
  const fail = (fieldName: string, message: string) => badRequest(message, [{ errorCode: 'bad.request', fieldName }]);
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

  const condition = (sc: unknown, path: string, depth: number): DynamicGroupSkillCondition => {
    if (!isObj(sc)) throw fail(path, `${path} must be an object.`);
    if (depth > MEMBERSHIP_LIMITS.conditionDepth)
      throw fail(path, `Skill conditions nest deeper than ${MEMBERSHIP_LIMITS.conditionDepth} levels.`);
    if (!(OPERATIONS as readonly unknown[]).includes(sc.operation))
      throw invalidValue(`${path}.operation must be one of ${OPERATIONS.join(', ')}.`, `${path}.operation`);
    const leaves = <K extends 'routingSkill' | 'languageSkill'>(key: K, listName: string) => {
      const list = sc[listName] ?? [];
      if (!Array.isArray(list)) throw fail(`${path}.${listName}`, `${path}.${listName} must be an array.`);
      return list.map((c: unknown, i) => {
        const p = `${path}.${listName}[${i}]`;
        if (!isObj(c)) throw fail(p, `${p} must be an object.`);
        if (++count > MEMBERSHIP_LIMITS.conditions)
          throw fail(p, `A dynamic group query holds at most ${MEMBERSHIP_LIMITS.conditions} conditions.`);
        const name = c[key];
        if (typeof name !== 'string' || name.trim() === '' || name.length > MEMBERSHIP_LIMITS.skillName)
          throw fail(`${p}.${key}`, `${p}.${key} must name a skill.`);
        if (!(COMPARATORS as readonly unknown[]).includes(c.comparator))
          throw invalidValue(`${p}.comparator must be one of ${COMPARATORS.join(', ')}.`, `${p}.comparator`);
        if (!Number.isInteger(c.proficiency) || (c.proficiency as number) < 0 || (c.proficiency as number) > 5)
          throw fail(`${p}.proficiency`, `${p}.proficiency must be a whole number from 0 to 5.`);
        const children = c.childConditions ?? [];
        if (!Array.isArray(children)) throw fail(`${p}.childConditions`, `${p}.childConditions must be an array.`);
        return {
          [key]: name.trim(),
          comparator: c.comparator as (typeof COMPARATORS)[number],
          proficiency: c.proficiency as number,
          ...(children.length
            ? {
                childConditions: children.map((cc: unknown, j) =>
                  condition(cc, `${p}.childConditions[${j}]`, depth + 1),
                ),
              }
            : {}),
        } as { [P in K]: string } & {
          comparator: (typeof COMPARATORS)[number];
          proficiency: number;
          childConditions?: DynamicGroupSkillCondition[];
        };
      });
    };
    return {
      routingSkillConditions: leaves('routingSkill', 'routingSkillConditions'),
      languageSkillConditions: leaves('languageSkill', 'languageSkillConditions'),
      operation: sc.operation as (typeof OPERATIONS)[number],
    };
  };

  if (!isObj(raw)) throw fail('body', 'A dynamic group query is required.');
  if (!Array.isArray(raw.skillConditions)) throw fail('skillConditions', 'skillConditions must be an array.');
  if (raw.skillConditions.length === 0)
    throw fail('skillConditions', 'skillConditions must hold at least one condition.');
  return { skillConditions: raw.skillConditions.map((sc: unknown, i) => condition(sc, `skillConditions[${i}]`, 0)) };
}

export function getDynamicSettings(db: Database.Database, caller: Caller, groupId: string): DynamicGroupDefinition {
  const group = loadVisibleGroup(db, caller, groupId);
  const facts = { isOwner: isGroupOwner(db, groupId, caller.userId), rulesVisible: group.rules_visible === 1 };
  if (!mayReadRules(caller.permissions, facts))
    throw missingAnyPermissions(rulesPermissionsMissing(caller.permissions));
  const row = cached(db, 'SELECT query_json, date_modified FROM group_dynamic_settings WHERE group_id = ?').get(
    groupId,
  ) as { query_json: string; date_modified: string } | undefined;
  if (!row) throw notFound(`Group ${groupId} has no dynamic settings.`, groupId);
  return {
    group: { id: groupId, selfUri: groupUri(groupId) },
    dateModified: row.date_modified,
    query: JSON.parse(row.query_json) as DynamicGroupQuery,
    selfUri: `${groupUri(groupId)}/dynamicsettings`,
  };
}

export function updateDynamicSettings(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  body: unknown,
  origin?: AuditOrigin,
): void {
  db.transaction(() => {
    loadVisibleGroup(db, caller, groupId);
    authorize('updateGroupDynamicSettings', caller);
    const query = validateDynamicQuery(body);
    const before = dynamicSettingsOf(db, groupId);
    cached(
      db,
      `INSERT INTO group_dynamic_settings (group_id, query_json, date_modified) VALUES (?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET query_json = excluded.query_json, date_modified = excluded.date_modified`,
    ).run(groupId, JSON.stringify(query), new Date().toISOString());
    const { members } = watchMembers(db, groupId, () => applyDynamicMembers(db, groupId, query));
    bumpVersion(db, groupId);
    const settings = { before, after: dynamicSettingsOf(db, groupId) };
    recordDynamicSettingsChanged(
      { db, caller, origin },
      'updateGroupDynamicSettings',
      selectGroup(db, groupId)!,
      settings,
      members,
    );
  }).immediate();
}

export function deleteDynamicSettings(
  db: Database.Database,
  caller: Caller,
  groupId: string,
  origin?: AuditOrigin,
): void {
  db.transaction(() => {
    loadVisibleGroup(db, caller, groupId);
    authorize('deleteGroupDynamicSettings', caller);
    const before = dynamicSettingsOf(db, groupId);
    const removed = cached(db, 'DELETE FROM group_dynamic_settings WHERE group_id = ?').run(groupId).changes;
    if (removed === 0) return;
    const { members } = watchMembers(db, groupId, () => applyDynamicMembers(db, groupId, null));
    bumpVersion(db, groupId);
    const settings = { before, after: [] };
    recordDynamicSettingsChanged(
      { db, caller, origin },
      'deleteGroupDynamicSettings',
      selectGroup(db, groupId)!,
      settings,
      members,
    );
  }).immediate();
}

export function previewDynamicGroup(db: Database.Database, caller: Caller, body: unknown): { userCount: number } {
  authorize('previewDynamicGroup', caller);
  const query = validateDynamicQuery(body);
  const users = dynamicQueryUsersSql(query);
  const userCount = db
    .prepare(`SELECT COUNT(*) FROM (${users.sql})`)
    .pluck()
    .get(...users.params) as number;
  return { userCount };
}
