/**
 * Pages of users as JSON text, built from text: the same bytes as `JSON.stringify` of the User models
 * (users/users.ts, toUsers), for a fraction of the work when the page carries the stored expands.
 *
 *   usersJson(db, ids, expand, caller?) → string     JSON.stringify(usersByIds(db, ids, expand, caller))
 *   listingJson(listing, entitiesJson) → string      JSON.stringify(listing) with its entities given as text
 *   groupMembersJson(db, caller, groupId, query)     JSON.stringify(listGroupMembers(…))
 *
 * Where the time went: a members page with presence, routingStatus, station, outOfOffice, skills and
 * languages is about 90 kB of JSON, three quarters of it the expands. Building it as objects meant
 * SQLite rendering each stored value as JSON text, JSON.parse turning the text into objects, and
 * JSON.stringify turning them back into the same text. Here the stored values (users.expand_json, which
 * the seed writes with JSON.stringify, so SQLite's `->` hands back exactly JSON.stringify's text) go
 * into the answer as they come, and a skill or language is a remembered head and tail around the
 * user's proficiency and link. The user's own fields are still serialised from the User model, so
 * that part cannot drift from toUsers.
 *
 * The key order is toUsers': the user's own fields, then the stored expands in the order asked for,
 * then skills, then languages. Pages asking for any other expand (authorization, groups, dates) are
 * serialised from the models as before.
 */
import type Database from 'better-sqlite3';
import type { Caller } from '../../auth/caller.js';
import { changeStamp } from '../../db/read-memory.js';
import type { EntityListing } from '../search/paging.js';
import { skillsOfUsers, storedExpandTexts, type SkillRow } from '../users/expand-reads.js';
import { JSON_EXPANDS, USERS_PATH, usersByIds, type User } from '../users/users.js';
import { groupMembersPage, type MembersQuery } from './members.js';

const TEXT_EXPANDS = new Set([...Object.keys(JSON_EXPANDS), 'skills', 'languages']);

/** Whether usersJson builds pages with these expands from text (otherwise it serialises the models). */
export const buildsFromText = (expand: readonly string[]): boolean =>
  expand.length > 0 && expand.every((e) => TEXT_EXPANDS.has(e));

// The head and tail of each skill's and language's JSON around the user's proficiency and link. They
// depend on the skill's id and name only, so they hold across requests; the catalogue is small, and the
// memory is emptied if it ever grows past MAX_SKILL_TEXTS.
const MAX_SKILL_TEXTS = 10_000;
const skillTexts = new Map<string, { head: string; middle: string; link: string }>();

function skillText(row: SkillRow, userPrefix: string): string {
  const key = `${row.kind}\u0000${row.skill_id}\u0000${row.skill_name}`;
  let t = skillTexts.get(key);
  if (!t) {
    const routing = row.kind === 'routing';
    const uri = `/api/v2/routing/${routing ? 'skills' : 'languages'}/${row.skill_id}`;
    t = {
      head: `{"id":${JSON.stringify(row.skill_id)},"name":${JSON.stringify(row.skill_name)},"proficiency":`,
      middle: `,"state":"active",${routing ? '"skillUri"' : '"languageUri"'}:${JSON.stringify(uri)},"selfUri":`,
      link: `/${routing ? 'routingskills' : 'routinglanguages'}/${row.skill_id}`,
    };
    if (skillTexts.size >= MAX_SKILL_TEXTS) skillTexts.clear();
    skillTexts.set(key, t);
  }
  return `${t.head}${JSON.stringify(row.proficiency)}${t.middle}${JSON.stringify(userPrefix + t.link)}}`;
}

function skillsArray(rows: readonly SkillRow[], kind: SkillRow['kind'], userPrefix: string): string {
  let out = '';
  for (const row of rows) if (row.kind === kind) out += (out ? ',' : '') + skillText(row, userPrefix);
  return `[${out}]`;
}

/**
 * The expand part of each user's JSON (`,"presence":{…},…,"languages":[…]`), remembered per connection
 * by user id and version for each set of expands, up to MAX_REMEMBERED_USERS (least recently used
 * first out), until anything is written (read-memory.ts, changeStamp): a presence write changes a
 * user's stored presence and routing status without raising the version, so the version alone does not
 * say the text still holds. A page of users seen before, with nothing written since, costs what the
 * page without expands costs, plus the concatenation.
 */
const MAX_REMEMBERED_USERS = 5_000;
const remembered = new WeakMap<Database.Database, { stamp: string; texts: Map<string, string> }>();

function expandTexts(db: Database.Database, users: readonly User[], expand: readonly string[]): string[] {
  const wanted = [...new Set(expand)];
  const signature = wanted.join(',');
  const stamp = changeStamp(db);
  let kept = remembered.get(db);
  if (kept?.stamp !== stamp) remembered.set(db, (kept = { stamp, texts: new Map() }));
  const memory = kept.texts;
  const keyOf = (user: User) => `${user.id}\u0000${user.version}\u0000${signature}`;
  const out: Array<string | undefined> = users.map((user) => {
    const key = keyOf(user);
    const text = memory.get(key);
    if (text !== undefined) {
      memory.delete(key);
      memory.set(key, text);
    }
    return text;
  });
  const missing = users.filter((_user, i) => out[i] === undefined).map((u) => u.id);
  if (missing.length === 0) return out as string[];

  const keys = wanted.map((e) => JSON_EXPANDS[e]).filter((k): k is string => k !== undefined);
  const names = keys.map((k) => `,${JSON.stringify(k)}:`);
  const stored = storedExpandTexts(db, missing, keys);
  const withSkills = wanted.includes('skills');
  const withLanguages = wanted.includes('languages');
  const skills = withSkills || withLanguages ? skillsOfUsers(db, missing) : undefined;
  users.forEach((user, i) => {
    if (out[i] !== undefined) return;
    let text = '';
    const values = stored.get(user.id);
    if (values) {
      for (let k = 0; k < names.length; k++) {
        const value = values[k];
        if (value !== null && value !== undefined) text += names[k] + value;
      }
    }
    if (skills) {
      const rows = skills.get(user.id) ?? [];
      const userPrefix = `${USERS_PATH}/${user.id}`;
      if (withSkills) text += `,"skills":${skillsArray(rows, 'routing', userPrefix)}`;
      if (withLanguages) text += `,"languages":${skillsArray(rows, 'language', userPrefix)}`;
    }
    out[i] = text;
    // Not from inside a write that may yet be rolled back (its versions could be used again).
    if (db.inTransaction && !db.readonly) return;
    if (memory.size >= MAX_REMEMBERED_USERS) memory.delete(memory.keys().next().value as string);
    memory.set(keyOf(user), text);
  });
  return out as string[];
}

/** The JSON text of `usersByIds(db, ids, expand, caller)`, byte for byte. */
export function usersJson(
  db: Database.Database,
  ids: readonly string[],
  expand: readonly string[],
  caller?: Caller,
): string {
  if (!buildsFromText(expand)) return JSON.stringify(usersByIds(db, ids, expand, caller));
  const users = usersByIds(db, ids, [], caller);
  const expands = expandTexts(db, users, expand);
  return `[${users.map((user, i) => `${JSON.stringify(user).slice(0, -1)}${expands[i]}}`).join(',')}]`;
}

/** JSON.stringify(listing), with its entities given as JSON text (whatever listing.entities holds). */
export function listingJson(listing: EntityListing<unknown>, entitiesJson: string): string {
  // `"entities":0` can only be the key itself: a quote inside any string value is escaped.
  return JSON.stringify({ ...listing, entities: 0 }).replace('"entities":0', () => `"entities":${entitiesJson}`);
}

/** GET /groups/{groupId}/members as JSON text: the same bytes as JSON.stringify(listGroupMembers(…)). */
export function groupMembersJson(db: Database.Database, caller: Caller, groupId: string, query: MembersQuery): string {
  const page = groupMembersPage(db, caller, groupId, query);
  return listingJson(page.listing, usersJson(db, page.ids, page.expand, caller));
}
