import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openDataDir, SCHEMA_VERSION, seedInChildProcess } from '../../src/db/open.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { rebuildGroupMembers } from '../../src/domain/membership/upkeep.js';
import { DEMO_GROUPS, PERSONAS, PERSONA_PASSWORD } from '../../src/db/seed/personas.js';
import { seedLarge } from '../../src/db/seed/large.js';
import { verifyPassword } from '../../src/domain/passwords.js';

const TABLES = [
  'divisions',
  'users',
  'user_skills',
  'roles',
  'role_permissions',
  'user_roles',
  'groups',
  'group_owners',
  'group_individuals',
  'group_dynamic_settings',
  'group_members',
];

function tableHash(db: Database.Database, table: string): string {
  const hash = createHash('sha256');
  const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name).join(', ');
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${columns}`).raw().iterate())
    hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

const count = (db: Database.Database, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

function permissionsOf(db: Database.Database, userId: string): string[] {
  return db
    .prepare(
      'SELECT DISTINCT rp.permission FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE ur.user_id = ? ORDER BY 1',
    )
    .pluck()
    .all(userId) as string[];
}

function membershipSnapshot(db: Database.Database) {
  return db.prepare('SELECT * FROM group_members ORDER BY group_id, user_id').all();
}

describe('demo seed', () => {
  let db: Database.Database;
  beforeAll(() => {
    // This run's demo seed (support/demo-template.ts seeded it with the same code); the test below seeds a fresh one.
    db = openDemoDatabase();
  });
  afterAll(() => db.close());

  it('is deterministic: two fresh databases hold identical tables', () => {
    const other = openDatabase(':memory:', { seed: 'demo' });
    try {
      for (const table of TABLES) expect(tableHash(other, table), table).toBe(tableHash(db, table));
    } finally {
      other.close();
    }
  });

  it('is fast enough to create per test file (under 3 s of CPU time)', () => {
    // CPU time rather than wall time: the machine running the tests may be shared.
    const started = process.cpuUsage();
    openDatabase(':memory:', { seed: 'demo' }).close();
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });

  it('has at least 2,000 users with unique lower-case example.com emails, and some inactive ones', () => {
    expect(count(db, 'SELECT COUNT(*) FROM users')).toBeGreaterThanOrEqual(2000);
    expect(count(db, "SELECT COUNT(*) FROM users WHERE email <> lower(email) OR email NOT LIKE '%@example.com'")).toBe(
      0,
    );
    expect(count(db, 'SELECT COUNT(DISTINCT lower(email)) FROM users')).toBe(count(db, 'SELECT COUNT(*) FROM users'));
    expect(count(db, "SELECT COUNT(*) FROM users WHERE state = 'inactive'")).toBeGreaterThan(10);
    expect(count(db, 'SELECT COUNT(DISTINCT division_id) FROM users')).toBeGreaterThanOrEqual(3);
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE manager_id IS NOT NULL')).toBeGreaterThan(1500);
  });

  it('stores a value for every expand option on every user', () => {
    const keys = [
      'routingStatus',
      'presence',
      'integrationPresence',
      'conversationSummary',
      'outOfOffice',
      'geolocation',
      'station',
      'lastTokenIssued',
      'team',
      'workPlanBidRanks',
      'externalContactsSettings',
      'customAttributes',
      'profileSkills',
      'certifications',
      'locations',
      'languagePreference',
      'employerInfo',
      'biography',
    ];
    for (const key of keys)
      expect(count(db, `SELECT COUNT(*) FROM users WHERE json_type(expand_json, '$.${key}') IS NULL`), key).toBe(0);
    const presences = db
      .prepare("SELECT DISTINCT json_extract(expand_json, '$.presence.presenceDefinition.systemPresence') FROM users")
      .pluck()
      .all();
    expect(new Set(presences)).toEqual(
      new Set(['Available', 'Away', 'Busy', 'Offline', 'Idle', 'On Queue', 'Meal', 'Training', 'Meeting', 'Break']),
    );
    const statuses = db
      .prepare("SELECT DISTINCT json_extract(expand_json, '$.routingStatus.status') FROM users")
      .pluck()
      .all() as string[];
    for (const s of statuses)
      expect(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).toContain(s);
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE date_last_login IS NULL OR date_welcome_sent IS NULL')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE json_array_length(addresses_json) = 0')).toBe(0);
    expect(count(db, "SELECT COUNT(DISTINCT user_id) FROM user_skills WHERE kind = 'language'")).toBe(
      count(db, 'SELECT COUNT(*) FROM users'),
    );
    expect(count(db, "SELECT COUNT(DISTINCT user_id) FROM user_skills WHERE kind = 'routing'")).toBeGreaterThan(1000);
  });

  it('has at least 300 groups of every type and visibility', () => {
    expect(count(db, 'SELECT COUNT(*) FROM groups')).toBeGreaterThanOrEqual(300);
    for (const type of ['official', 'social'])
      expect(count(db, 'SELECT COUNT(*) FROM groups WHERE type = ?', type), type).toBeGreaterThan(10);
    for (const v of ['public', 'members', 'owners'])
      expect(count(db, 'SELECT COUNT(*) FROM groups WHERE visibility = ?', v), v).toBeGreaterThan(3);
    expect(count(db, 'SELECT COUNT(*) FROM groups WHERE rules_visible = 0')).toBeGreaterThan(5);
    expect(count(db, 'SELECT COUNT(*) FROM groups WHERE include_owners = 1')).toBeGreaterThan(5);
    expect(count(db, "SELECT COUNT(*) FROM groups WHERE addresses_json <> '[]'")).toBeGreaterThan(5);
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM groups g WHERE NOT EXISTS (SELECT 1 FROM group_owners o WHERE o.group_id = g.id)',
      ),
    ).toBe(0);
    expect(count(db, 'SELECT MAX(member_count) FROM groups')).toBeGreaterThanOrEqual(1500);
  });

  it('keeps member_count equal to the member rows, and member rows equal to their sources', () => {
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM groups g WHERE member_count <> (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id)',
      ),
    ).toBe(0);
    // Every individual is a member flagged as such.
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM group_individuals i LEFT JOIN group_members m USING (group_id, user_id) WHERE m.is_individual IS NOT 1',
      ),
    ).toBe(0);
    // Owners are members exactly when the group includes owners.
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM group_owners o JOIN groups g ON g.id = o.group_id AND g.include_owners = 1 LEFT JOIN group_members m ON m.group_id = o.group_id AND m.user_id = o.user_id WHERE m.is_owner IS NOT 1',
      ),
    ).toBe(0);
    // No member without a reason; sort_name follows the user's name.
    expect(
      count(db, 'SELECT COUNT(*) FROM group_members WHERE is_individual = 0 AND is_rule = 0 AND is_owner = 0'),
    ).toBe(0);
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.sort_name <> lower(u.name)',
      ),
    ).toBe(0);
    // Rebuilding from scratch changes nothing.
    const before = membershipSnapshot(db);
    rebuildGroupMembers(db);
    expect(membershipSnapshot(db)).toEqual(before);
  });

  it('materialises dynamic settings as rule members', () => {
    const ruleMembers = count(
      db,
      'SELECT COUNT(*) FROM group_members WHERE group_id = ? AND is_rule = 1',
      DEMO_GROUPS.dynamic.id,
    );
    const spanish = count(
      db,
      "SELECT COUNT(*) FROM users u JOIN user_skills s ON s.user_id = u.id WHERE u.state = 'active' AND s.kind = 'language' AND s.skill_name = 'Spanish' AND s.proficiency >= 3",
    );
    expect(ruleMembers).toBe(spanish);
    expect(ruleMembers).toBeGreaterThan(20);
    expect(count(db, 'SELECT COUNT(*) FROM group_dynamic_settings')).toBeGreaterThanOrEqual(3);
  });

  it('keeps every user within 100 official and 100 social groups', () => {
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM (SELECT m.user_id FROM group_members m JOIN groups g ON g.id = m.group_id GROUP BY m.user_id, g.type HAVING COUNT(*) > 100)',
      ),
    ).toBe(0);
  });

  it('gives the personas their permissions through roles, and a password', () => {
    expect(permissionsOf(db, PERSONAS.admin.id)).toEqual([
      'audits:audit:view',
      'directory:group:add',
      'directory:group:delete',
      'directory:group:edit',
      'directory:group:view',
      'directory:privateGroup:view',
      'directory:user:view',
    ]);
    expect(permissionsOf(db, PERSONAS.editor.id)).toEqual(['directory:group:edit', 'directory:user:view']);
    expect(permissionsOf(db, PERSONAS.owner.id)).toEqual(['directory:user:view']);
    expect(permissionsOf(db, PERSONAS.supervisor.id)).toEqual(['directory:user:view']);
    // The wildcard persona's role grants nothing but wildcards, as a real org's admin role does.
    expect(permissionsOf(db, PERSONAS.wildcard.id).every((p) => p.includes('*'))).toBe(true);
    for (const p of Object.values(PERSONAS)) {
      expect(permissionsOf(db, p.id)).toEqual(p.permissions);
      const row = db.prepare('SELECT email, state, password_hash FROM users WHERE id = ?').get(p.id) as {
        email: string;
        state: string;
        password_hash: string;
      };
      expect(row.email).toBe(p.email);
      expect(row.state).toBe('active');
      expect(verifyPassword(PERSONA_PASSWORD, row.password_hash)).toBe(true);
      expect(verifyPassword('wrong', row.password_hash)).toBe(false);
    }
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE password_hash IS NOT NULL')).toBe(Object.keys(PERSONAS).length);
  });

  it('places the personas in the fixture groups as described', () => {
    const owns = (userId: string, groupId: string) =>
      count(db, 'SELECT COUNT(*) FROM group_owners WHERE user_id = ? AND group_id = ?', userId, groupId) === 1;
    const isMember = (userId: string, groupId: string) =>
      count(db, 'SELECT COUNT(*) FROM group_members WHERE user_id = ? AND group_id = ?', userId, groupId) === 1;
    const group = (id: string) =>
      db.prepare('SELECT name, type, visibility, member_count AS memberCount FROM groups WHERE id = ?').get(id) as {
        name: string;
        type: string;
        visibility: string;
        memberCount: number;
      };
    for (const g of Object.values(DEMO_GROUPS)) expect(group(g.id).name).toBe(g.name);

    expect(group(DEMO_GROUPS.allStaff.id).memberCount).toBeGreaterThanOrEqual(1500);
    for (const p of Object.values(PERSONAS)) expect(isMember(p.id, DEMO_GROUPS.allStaff.id)).toBe(true);

    expect(owns(PERSONAS.owner.id, DEMO_GROUPS.ownedByOwner.id)).toBe(true);
    expect(owns(PERSONAS.owner.id, DEMO_GROUPS.membersOnlyWithSupervisor.id)).toBe(true);
    expect(owns(PERSONAS.owner.id, DEMO_GROUPS.ownersOnly.id)).toBe(true);
    expect(group(DEMO_GROUPS.ownersOnly.id).visibility).toBe('owners');
    expect(group(DEMO_GROUPS.membersOnlyWithSupervisor.id).visibility).toBe('members');
    expect(group(DEMO_GROUPS.membersOnlyWithoutSupervisor.id).visibility).toBe('members');

    expect(isMember(PERSONAS.supervisor.id, DEMO_GROUPS.membersOnlyWithSupervisor.id)).toBe(true);
    expect(isMember(PERSONAS.supervisor.id, DEMO_GROUPS.membersOnlyWithoutSupervisor.id)).toBe(false);
    expect(isMember(PERSONAS.owner.id, DEMO_GROUPS.membersOnlyWithoutSupervisor.id)).toBe(false);
    expect(count(db, 'SELECT COUNT(*) FROM group_owners WHERE user_id = ?', PERSONAS.supervisor.id)).toBe(0);

    expect(group(DEMO_GROUPS.small.id).memberCount).toBe(10);
    expect(group(DEMO_GROUPS.social.id).type).toBe('social');
  });
});

describe('openDatabase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'groups-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the data folder, seeds once, and never reseeds an existing database', () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = openDataDir(dataDir, 'demo');
    expect(first.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.pragma('foreign_keys', { simple: true })).toBe(1);
    // The seed's pages are in the database file, not left in the WAL.
    expect(statSync(join(dataDir, 'groups.db-wal')).size).toBe(0);
    first.prepare('DELETE FROM group_members WHERE group_id = ?').run(DEMO_GROUPS.small.id);
    first.prepare('DELETE FROM group_individuals WHERE group_id = ?').run(DEMO_GROUPS.small.id);
    first.close();

    const second = openDataDir(dataDir, 'demo');
    expect(count(second, 'SELECT COUNT(*) FROM group_individuals WHERE group_id = ?', DEMO_GROUPS.small.id)).toBe(0);
    expect(count(second, 'SELECT COUNT(*) FROM users')).toBeGreaterThanOrEqual(2000);
    second.close();
  });

  it('seeds in a child process, and says so when that fails', () => {
    const file = join(dir, 'child.db');
    seedInChildProcess(file, 'demo');
    const db = openDatabase(file, { seed: 'none' });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(count(db, 'SELECT COUNT(*) FROM users')).toBeGreaterThanOrEqual(2000);
    db.close();
    expect(() => seedInChildProcess(join(dir, 'child-bad.db'), 'bogus' as 'none')).toThrow(/Seeding .* failed: exit 1/);
  }, 60_000);

  it("creates only the schema for seed 'none'", () => {
    const db = openDatabase(':memory:', { seed: 'none' });
    expect(count(db, 'SELECT COUNT(*) FROM users')).toBe(0);
    expect(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'group_members'")).toBe(1);
    db.close();
  });

  it('rejects an unknown seed and leaves no half-made database', () => {
    const file = join(dir, 'bad.db');
    expect(() => openDatabase(file, { seed: 'bogus' as 'none' })).toThrow(/Unknown seed/);
    const db = openDatabase(file, { seed: 'none' });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('large seed (scaled down)', () => {
  it('builds the named groups and keeps counts consistent', () => {
    const db = openDatabase(':memory:', { seed: 'none' });
    db.transaction(() => seedLarge(db, 3000, 200))();
    expect(count(db, 'SELECT COUNT(*) FROM users')).toBe(3000);
    expect(count(db, 'SELECT COUNT(*) FROM groups')).toBe(200);
    expect(count(db, "SELECT member_count FROM groups WHERE name = 'Regional Support Pool'")).toBe(500);
    expect(count(db, "SELECT member_count FROM groups WHERE name = 'All Staff'")).toBe(
      count(db, "SELECT COUNT(*) FROM users WHERE state = 'active'"),
    );
    expect(
      count(
        db,
        'SELECT COUNT(*) FROM groups g WHERE member_count <> (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id)',
      ),
    ).toBe(0);
    db.close();
  });
});
