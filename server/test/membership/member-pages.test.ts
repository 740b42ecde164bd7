import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCaller } from '../support/fixtures.js';
import { openDatabase } from '../../src/db/open.js';
import { ANCHOR_SPACING, memberPageIds } from '../../src/domain/membership/member-pages.js';
import { addGroupMembers, listGroupMembers, removeGroupMembers } from '../../src/domain/membership/members.js';
import { rememberedCount, readMemory } from '../../src/db/read-memory.js';

const GROUP = 'g-anchors';
const USERS = 1_300;

const admin = clientCaller(['directory:group:edit', 'directory:privateGroup:view', 'directory:user:view'], 'test');

let dir: string;
let db: Database.Database;

const uid = (i: number) => `u-${String(i).padStart(5, '0')}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'member-pages-'));
  db = openDatabase(join(dir, 'groups.db'), { seed: 'none' });
  db.prepare("INSERT INTO divisions (id, name) VALUES ('d1', 'Home')").run();
  const user = db.prepare(
    "INSERT INTO users (id, name, sort_name, email, username, division_id) VALUES (?, ?, ?, ?, ?, 'd1')",
  );
  const member = db.prepare(
    'INSERT INTO group_members (group_id, user_id, sort_name, is_individual) VALUES (?, ?, ?, 1)',
  );
  const individual = db.prepare('INSERT INTO group_individuals (group_id, user_id) VALUES (?, ?)');
  db.transaction(() => {
    db.prepare(
      `INSERT INTO groups (id, name, sort_name, type, visibility, date_modified, member_count)
       VALUES (?, 'Anchors', 'anchors', 'social', 'public', '2024-01-01T00:00:00.000Z', ?)`,
    ).run(GROUP, USERS - 100);
    for (let i = 0; i < USERS; i++) {
      // Few distinct names, so many members share a sort key and the id breaks the tie.
      const name = `Person ${String.fromCharCode(65 + ((i * 7) % 26))}${(i * 13) % 5}`;
      user.run(uid(i), name, name.toLowerCase(), `${uid(i)}@example.com`, uid(i));
      if (i < USERS - 100) {
        member.run(GROUP, uid(i), name.toLowerCase());
        individual.run(GROUP, uid(i));
      }
    }
  })();
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const offsetPage = (dir: 'ASC' | 'DESC', pageSize: number, offset: number) =>
  db
    .prepare(
      `SELECT user_id FROM group_members WHERE group_id = ? ORDER BY sort_name ${dir}, user_id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(GROUP, pageSize, offset) as string[];

function expectEveryPageMatches() {
  const group = db.prepare('SELECT id, version, member_count FROM groups WHERE id = ?').get(GROUP) as {
    id: string;
    version: number;
    member_count: number;
  };
  const total = group.member_count;
  const offsets = [0, 1, ANCHOR_SPACING - 1, ANCHOR_SPACING, ANCHOR_SPACING + 1, 2 * ANCHOR_SPACING - 3, 700];
  offsets.push(total - 1, total - 7, total - ANCHOR_SPACING, total - ANCHOR_SPACING - 1, total, total + 5);
  for (const sortOrder of ['ASC', 'DESC'] as const) {
    for (const pageSize of [1, 25, 500]) {
      for (const offset of offsets) {
        expect(memberPageIds(db, group, { pageSize, offset, sortOrder }), `${sortOrder} ${pageSize}@${offset}`).toEqual(
          offsetPage(sortOrder, pageSize, offset),
        );
      }
    }
  }
}

describe('memberPageIds (deep member pages from anchors)', () => {
  it('gives the same pages as offset paging, both ways, at every depth', () => {
    expectEveryPageMatches();
  });

  it('follows membership changes made through the API', () => {
    expectEveryPageMatches();
    addGroupMembers(db, admin, GROUP, { memberIds: [uid(USERS - 1), uid(USERS - 2), uid(USERS - 50)] });
    expectEveryPageMatches();
    removeGroupMembers(db, admin, GROUP, [uid(3), uid(400), uid(900)].join(','));
    expectEveryPageMatches();
    const deep = listGroupMembers(db, admin, GROUP, { pageSize: 25, pageNumber: 30 });
    expect(deep.entities.map((u) => u.id)).toEqual(offsetPage('ASC', 25, 29 * 25));
    expect(deep.total).toBe(USERS - 100);
  });

  it('follows writes committed by another connection', () => {
    expectEveryPageMatches();
    const other = new Database(join(dir, 'groups.db'));
    try {
      other
        .prepare("INSERT INTO group_members (group_id, user_id, sort_name, is_individual) VALUES (?, ?, 'a', 1)")
        .run(GROUP, uid(USERS - 3));
      other
        .prepare(
          'UPDATE groups SET member_count = (SELECT COUNT(*) FROM group_members WHERE group_id = ?) WHERE id = ?',
        )
        .run(GROUP, GROUP);
    } finally {
      other.close();
    }
    expectEveryPageMatches();
  });
});

describe('rememberedCount', () => {
  it('answers from memory until a write, then counts again', () => {
    const sql = 'SELECT COUNT(*) FROM group_members WHERE group_id = ?';
    const before = rememberedCount(db, sql, [GROUP]);
    expect(rememberedCount(db, sql, [GROUP])).toBe(before);
    addGroupMembers(db, admin, GROUP, { memberIds: [uid(USERS - 4)] });
    expect(rememberedCount(db, sql, [GROUP])).toBe(before + 1);
    db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(GROUP, uid(USERS - 4));
    expect(rememberedCount(db, sql, [GROUP])).toBe(before);
    expect(rememberedCount(db, sql, ['no-such-group'])).toBe(0);
  });

  it('keeps results worked out elsewhere until a write, apart by kind', () => {
    const sql = 'SELECT COUNT(*) FROM group_members WHERE group_id = ? AND is_individual = 1';
    const memory = readMemory(db);
    expect(memory.recall('count', sql, [GROUP])).toBeUndefined();
    memory.remember('count', sql, [GROUP], 42);
    memory.remember('page', sql, [GROUP], [7, 8]);
    expect(readMemory(db).recall('count', sql, [GROUP])).toBe(42);
    expect(readMemory(db).recall('page', sql, [GROUP])).toEqual([7, 8]);
    expect(rememberedCount(db, sql, [GROUP])).toBe(42);
    expect(readMemory(db).recall('count', sql, ['other'])).toBeUndefined();
    db.prepare('UPDATE groups SET version = version WHERE id = ?').run(GROUP);
    expect(readMemory(db).recall('count', sql, [GROUP])).toBeUndefined();
    expect(readMemory(db).recall('page', sql, [GROUP])).toBeUndefined();
  });

  it('holds in the read transactions of a read-only connection, as of their snapshot', () => {
    const sql = 'SELECT COUNT(*) FROM group_members WHERE group_id = ? AND is_rule = 0';
    const reader = new Database(db.name, { readonly: true });
    try {
      const count = reader.transaction(() => rememberedCount(reader, sql, [GROUP]));
      const before = count();
      reader.transaction(() => readMemory(reader).remember('count', sql, [GROUP], -1))();
      expect(count()).toBe(-1);
      // A commit elsewhere during a read transaction leaves its snapshot, and its memory, as they were…
      const during = reader.transaction(() => {
        const first = rememberedCount(reader, sql, [GROUP]);
        db.prepare('UPDATE groups SET version = version + 1 WHERE id = ?').run(GROUP);
        return [first, rememberedCount(reader, sql, [GROUP])];
      });
      expect(during()).toEqual([-1, -1]);
      // …and the next transaction sees the commit and forgets.
      expect(count()).toBe(before);
      const writer = db.transaction(() => readMemory(db).recall('count', sql, [GROUP]));
      expect(writer()).toBeUndefined();
    } finally {
      reader.close();
    }
  });

  it('does not keep a result worked out across a write', () => {
    const sql = 'SELECT COUNT(*) FROM group_members WHERE group_id = ? AND is_owner = 1';
    const memory = readMemory(db);
    db.prepare('UPDATE groups SET version = version WHERE id = ?').run(GROUP);
    memory.remember('count', sql, [GROUP], 999);
    expect(readMemory(db).recall('count', sql, [GROUP])).toBeUndefined();
    const other = new Database(db.name);
    try {
      const before = readMemory(db);
      other.prepare('UPDATE groups SET version = version + 1 WHERE id = ?').run(GROUP);
      before.remember('count', sql, [GROUP], 999);
      expect(readMemory(db).recall('count', sql, [GROUP])).toBeUndefined();
    } finally {
      other.close();
    }
  });
});
