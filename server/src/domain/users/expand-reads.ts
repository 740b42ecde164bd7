/**
 * The reads behind the expand options of a page of users: one statement per kind of data for the whole
 * page, whatever its size.
 *
 *   storedExpandTexts(db, ids, keys) → Map<user id, Array<JSON text | null>>
 *     The values under `keys` of each user's users.expand_json, as JSON text (null where absent),
 *     extracted in SQL, so a page reads a few small values per user instead of every user's document.
 *   skillsOfUsers(db, ids) → Map<user id, SkillRow[]>
 *     Each user's routing skills and languages, by kind and then name, in the primary key's order
 *     (user_id, kind, skill_name), so the statement needs no sort.
 *
 * Both answer for the ids they are given, in any order; users without data are absent from the map.
 */
import type Database from 'better-sqlite3';
import { preparedBounded } from '../../db/read-memory.js';
import { cached } from '../../db/statements.js';

export interface SkillRow {
  user_id: string;
  kind: 'routing' | 'language';
  skill_id: string;
  skill_name: string;
  proficiency: number;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

export function storedExpandTexts(
  db: Database.Database,
  ids: readonly string[],
  keys: readonly string[],
): Map<string, Array<string | null>> {
  const out = new Map<string, Array<string | null>>();
  if (ids.length === 0 || keys.length === 0) return out;
  // Keys are the User field names of the stored expands (plain identifiers), never request text.
  for (const k of keys) if (!IDENTIFIER.test(k)) throw new Error(`Not a stored expand key: ${k}`);
  const columns = keys.map((k, i) => `expand_json -> '$.${k}' AS k${i}`).join(', ');
  const sql = `SELECT id, ${columns} FROM users WHERE id IN (SELECT value FROM json_each(?))`;
  for (const r of preparedBounded(db, sql).raw().all(JSON.stringify(ids)) as Array<[string, ...Array<string | null>]>)
    out.set(r[0], r.slice(1));
  return out;
}

export function skillsOfUsers(db: Database.Database, ids: readonly string[]): Map<string, SkillRow[]> {
  const out = new Map<string, SkillRow[]>();
  if (ids.length === 0) return out;
  const rows = cached(
    db,
    `SELECT user_id, kind, skill_id, skill_name, proficiency FROM user_skills
     WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id, kind, skill_name`,
  ).all(JSON.stringify(ids)) as SkillRow[];
  for (const row of rows) {
    let list = out.get(row.user_id);
    if (!list) out.set(row.user_id, (list = []));
    list.push(row);
  }
  return out;
}
