/**
 * Schema 6 on an existing data dir: a database of schema 5 (users' roles in the `user_roles` table)
 * opened by this server gets the grants table, its users' roles as grants over the home division, a home
 * division, and `user_roles` as a view that still answers and accepts rows.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../src/db/open.js';
import { effectivePermissions } from '../../src/domain/authorization/effective.js';

const dir = mkdtempSync(join(tmpdir(), 'authz-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The schema as it was at version 5: everything before the version 6 marker. */
function schemaBefore6(): string {
  const sql = readFileSync(new URL('../../src/db/schema.sql', import.meta.url), 'utf8');
  const at = sql.indexOf('-- @schema version 6\n');
  expect(at).toBeGreaterThan(0);
  return sql.slice(0, at);
}

describe('upgrading a schema 5 database', () => {
  it('moves the users’ roles into grants over the home division and keeps user_roles answering', () => {
    const file = join(dir, 'groups.db');
    const old = new Database(file);
    old.function('search_fold', (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v));
    old.exec(schemaBefore6());
    old.exec(`
      INSERT INTO divisions (id, name) VALUES ('d-emea', 'EMEA'), ('d-home', 'Home');
      INSERT INTO users (id, name, sort_name, email, username, division_id)
        VALUES ('u-1', 'Ada', 'ada', 'ada@example.com', 'ada@example.com', 'd-home');
      INSERT INTO roles (id, name) VALUES ('r-edit', 'Group Editor');
      INSERT INTO role_permissions VALUES ('r-edit', 'directory:group:edit');
      INSERT INTO user_roles VALUES ('u-1', 'r-edit');
    `);
    old.pragma('user_version = 5');
    old.close();

    const db = openDatabase(file, { seed: 'none' });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT id FROM divisions WHERE home = 1').pluck().all()).toEqual(['d-home']);
      expect(db.prepare('SELECT subject_id, subject_type, role_id, division_id FROM authz_grants').raw().all()).toEqual(
        [['u-1', 'PC_USER', 'r-edit', 'd-home']],
      );
      expect(db.prepare('SELECT user_id, role_id FROM user_roles').raw().all()).toEqual([['u-1', 'r-edit']]);
      expect([...effectivePermissions(db, 'u-1')]).toEqual(['directory:group:edit']);
      // Inserting into the view grants the role over the home division.
      db.exec(`INSERT INTO roles (id, name) VALUES ('r-view', 'Viewer');
               INSERT INTO role_permissions VALUES ('r-view', 'directory:user:view');
               INSERT INTO user_roles VALUES ('u-1', 'r-view');`);
      expect(db.prepare("SELECT division_id FROM authz_grants WHERE role_id = 'r-view'").pluck().get()).toBe('d-home');
      expect([...effectivePermissions(db, 'u-1')].sort()).toEqual(['directory:group:edit', 'directory:user:view']);
    } finally {
      db.close();
    }
  });
});
