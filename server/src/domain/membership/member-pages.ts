/**
 * The user ids of one page of a group's members, sorted by name (then id), without walking every row
 * before the page.
 *
 *   memberPageIds(db, group, { pageSize, offset, sortOrder }) → string[]
 *
 * A page near the start is an index walk of `offset + pageSize` entries of group_members_page
 * (group_id, sort_name, user_id). Deeper pages would walk the whole offset (tens of thousands of
 * entries in the largest groups), so they start from an anchor instead: the index key of every
 * ANCHOR_SPACING-th member, found once per group version by hopping ANCHOR_SPACING entries at a time,
 * after which a page is a keyset seek plus at most ANCHOR_SPACING entries of offset, at any depth and in
 * either direction.
 *
 * The anchors of a group hold while its version and member count are unchanged (every write of its
 * member list raises the version) and no other connection has committed (`PRAGMA data_version`). They
 * are neither built nor used inside a transaction of a connection that writes; a read-only connection's
 * transaction (a reader thread's, readers/thread.ts) is one snapshot, whose data_version is its own.
 */
import type Database from 'better-sqlite3';
import type { SortOrder } from '../search/paging.js';
import { cached } from '../../db/statements.js';

export const ANCHOR_SPACING = 256;
const MAX_GROUPS = 32;

type Key = [sortName: string, userId: string];

interface Anchors {
  version: number;
  memberCount: number;
  dataVersion: number;
  /** keys[i] is the member at ascending position i × ANCHOR_SPACING. */
  keys: Key[];
}

const cache = new WeakMap<Database.Database, Map<string, Anchors>>();

export interface MemberGroup {
  id: string;
  version: number;
  member_count: number;
}

function anchorsOf(db: Database.Database, group: MemberGroup): Anchors {
  const dataVersion = cached(db, 'PRAGMA data_version').pluck().get() as number;
  let byGroup = cache.get(db);
  if (!byGroup) cache.set(db, (byGroup = new Map()));
  const hit = byGroup.get(group.id);
  if (
    hit &&
    hit.version === group.version &&
    hit.memberCount === group.member_count &&
    hit.dataVersion === dataVersion
  ) {
    byGroup.delete(group.id);
    byGroup.set(group.id, hit);
    return hit;
  }
  const first = cached(
    db,
    'SELECT sort_name, user_id FROM group_members WHERE group_id = ? ORDER BY sort_name, user_id LIMIT 1',
  ).raw();
  const hop = cached(
    db,
    `SELECT sort_name, user_id FROM group_members WHERE group_id = ? AND (sort_name, user_id) > (?, ?)
     ORDER BY sort_name, user_id LIMIT 1 OFFSET ${ANCHOR_SPACING - 1}`,
  ).raw();
  const keys: Key[] = [];
  let key = first.get(group.id) as Key | undefined;
  while (key) {
    keys.push(key);
    key = hop.get(group.id, key[0], key[1]) as Key | undefined;
  }
  const anchors: Anchors = { version: group.version, memberCount: group.member_count, dataVersion, keys };
  byGroup.delete(group.id);
  if (byGroup.size >= MAX_GROUPS) byGroup.delete(byGroup.keys().next().value as string);
  byGroup.set(group.id, anchors);
  return anchors;
}

export function memberPageIds(
  db: Database.Database,
  group: MemberGroup,
  paging: { pageSize: number; offset: number; sortOrder: SortOrder },
): string[] {
  const { pageSize, offset, sortOrder: dir } = paging;
  const total = group.member_count;
  if (offset >= total) return [];
  const plain = () =>
    cached(
      db,
      `SELECT user_id FROM group_members WHERE group_id = ? ORDER BY sort_name ${dir}, user_id ${dir} LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(group.id, pageSize, offset) as string[];
  if (offset < ANCHOR_SPACING || (db.inTransaction && !db.readonly)) return plain();
  const { keys } = anchorsOf(db, group);
  if (dir === 'ASC') {
    const i = Math.min(Math.floor(offset / ANCHOR_SPACING), keys.length - 1);
    const key = keys[i];
    if (!key) return plain();
    return cached(
      db,
      `SELECT user_id FROM group_members WHERE group_id = ? AND (sort_name, user_id) >= (?, ?)
       ORDER BY sort_name ASC, user_id ASC LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(group.id, key[0], key[1], pageSize, offset - i * ANCHOR_SPACING) as string[];
  }
  // Descending: the page starts at ascending position p; seek down from the first anchor at or after p.
  const p = total - 1 - offset;
  const i = Math.ceil(p / ANCHOR_SPACING);
  const key = keys[i];
  if (!key) return plain();
  return cached(
    db,
    `SELECT user_id FROM group_members WHERE group_id = ? AND (sort_name, user_id) <= (?, ?)
     ORDER BY sort_name DESC, user_id DESC LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(group.id, key[0], key[1], pageSize, i * ANCHOR_SPACING - p) as string[];
}
