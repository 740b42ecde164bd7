/**
 * Databases of older schema versions, opened by the current server: upgraded, with the search
 * index filled from their groups.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../src/db/functions.js';
import { compileCriteria } from '../../src/domain/search/criteria.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SCHEMA_VERSION } from '../../src/db/open.js';
import { listGroups } from '../../src/domain/groups/groups.js';
import { PRIVATE_GROUP_VIEW } from '../../src/contract/group-rules.js';
import { clientCaller } from '../support/fixtures.js';
import { GROUP_SEARCH_FIELDS } from '../../src/domain/groups/search.js';

/** A client-credentials caller that sees every group (the demo-admin client). */
const adminClient = clientCaller([PRIVATE_GROUP_VIEW], 'demo-admin');

/**
 * Writes a database as schema `version` left it (schema.sql up to the next version's marker), with
 * `rows` (SQL) in it, then opens it with the current server code and hands it to `check`.
 */
function upgradedFrom(version: number, rows: string, check: (db: Database.Database) => void): void {
  const dir = mkdtempSync(join(tmpdir(), `groups-v${version}-`));
  try {
    const file = join(dir, 'groups.db');
    const old = new Database(file);
    registerSearchFunctions(old);
    const schemaSql = readFileSync(new URL('../../src/db/schema.sql', import.meta.url), 'utf8');
    old.exec(schemaSql.slice(0, schemaSql.indexOf(`-- @schema version ${version + 1}`)));
    old.exec(rows);
    old.pragma(`user_version = ${version}`);
    old.close();
    const upgraded = openDatabase(file, { seed: 'none' });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('schema version 1 databases', () => {
  it('are upgraded with the trigram index filled from their groups', () => {
    const rows = `INSERT INTO groups (id, name, sort_name, description, type, visibility, date_modified)
      VALUES ('g1', 'Old Timers', 'old timers', 'Since Ⅷ', 'social', 'public', '2024-01-01T00:00:00.000Z')`;
    upgradedFrom(1, rows, (db2) => {
      const find = (fields: string[], value: string) => {
        const { where, params } = compileCriteria([{ type: 'CONTAINS', fields, value }], GROUP_SEARCH_FIELDS);
        expect(where).toContain('groups_fts');
        return db2
          .prepare(`SELECT g.id FROM groups g WHERE ${where}`)
          .pluck()
          .all(...params);
      };
      expect(find(['name'], 'D TIM')).toEqual(['g1']);
      expect(find(['description'], 'ce ⅷ')).toEqual(['g1']);
      db2.prepare("UPDATE groups SET name = 'New', sort_name = 'new' WHERE id = 'g1'").run();
      expect(find(['name'], 'timers')).toEqual([]);
    });
  });
});

describe('schema version 2 databases', () => {
  it('are upgraded with the users-by-state index, which the users count then uses', () => {
    const rows = `INSERT INTO groups (id, name, sort_name, type, visibility, date_modified)
      VALUES ('g1', 'Kept', 'kept', 'social', 'public', '2024-01-01T00:00:00.000Z')`;
    upgradedFrom(2, rows, (db2) => {
      const plan = db2
        .prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM users u WHERE u.state = ?')
        .all('active') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX users_by_state');
      expect(db2.prepare('SELECT count(*) FROM groups_fts WHERE groups_fts MATCH \'"kept"\'').pluck().get()).toBe(1);
    });
  });
});

describe('schema version 3 databases', () => {
  it('are upgraded with the owner reference index, which reading a page of groups with owners then uses', () => {
    const rows = `INSERT INTO divisions (id, name) VALUES ('d1', 'Home');
      INSERT INTO users (id, name, sort_name, email, username, division_id, version)
        VALUES ('u1', 'Ada Owner', 'ada owner', 'ada@example.com', 'ada@example.com', 'd1', 3);
      INSERT INTO groups (id, name, sort_name, type, visibility, date_modified)
        VALUES ('g1', 'Owned', 'owned', 'social', 'public', '2024-01-01T00:00:00.000Z');
      INSERT INTO group_owners (group_id, user_id) VALUES ('g1', 'u1');`;
    upgradedFrom(3, rows, (db2) => {
      const indexes = db2
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users'")
        .pluck()
        .all();
      expect(indexes).toContain('users_ref');
      const [group] = listGroups(db2, adminClient, {}).entities;
      expect(group?.owners).toEqual([expect.objectContaining({ id: 'u1', name: 'Ada Owner', version: 3 })]);
    });
  });
});
