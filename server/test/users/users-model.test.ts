/**
 * The User model on an in-memory demo database: its fields, and what each expand adds.
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { getUser } from '../../src/domain/users/reads.js';
import { toUsers, USER_EXPANDS, USER_SELECT, type UserRow } from '../../src/domain/users/users.js';
import { counter, demoDatabaseForFile } from '../support/demo-template.js';
import { apiError, personaCaller } from '../support/fixtures.js';

const db = demoDatabaseForFile();

const persona = personaCaller;
const count = counter(db);

describe('User model', () => {
  it('has the base fields and no expand field unless asked', () => {
    const user = getUser(db, persona('admin'), PERSONAS.owner.id);
    expect(user).toMatchObject({
      id: PERSONAS.owner.id,
      name: PERSONAS.owner.name,
      email: PERSONAS.owner.email,
      username: PERSONAS.owner.email,
      state: 'active',
      title: PERSONAS.owner.title,
      department: PERSONAS.owner.department,
      manager: {
        id: PERSONAS.editor.id,
        name: PERSONAS.editor.name,
        version: 1,
        selfUri: `/api/v2/users/${PERSONAS.editor.id}`,
      },
      selfUri: `/api/v2/users/${PERSONAS.owner.id}`,
      version: 1,
    });
    expect(user.division).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      selfUri: expect.stringMatching(/^\/api\/v2\/authorization\/divisions\//),
    });
    expect((user.chat as { jabberId: string }).jabberId).toMatch(new RegExp(`^${PERSONAS.owner.id}@`));
    expect(user.primaryContactInfo).toEqual([{ address: PERSONAS.owner.email, mediaType: 'EMAIL', type: 'PRIMARY' }]);
    for (const key of [
      'presence',
      'routingStatus',
      'authorization',
      'groups',
      'skills',
      'languages',
      'biography',
      'dateLastLogin',
      'lastTokenIssued',
    ])
      expect(user, key).not.toHaveProperty(key);
  });

  it('adds every expand option when asked, in the SDK shapes', () => {
    const user = getUser(db, persona('admin'), PERSONAS.supervisor.id, { expand: [...USER_EXPANDS] });
    const fields = [
      'routingStatus',
      'presence',
      'integrationPresence',
      'conversationSummary',
      'outOfOffice',
      'geolocation',
      'station',
      'authorization',
      'lastTokenIssued',
      'team',
      'workPlanBidRanks',
      'externalContactsSettings',
      'groups',
      'customAttributes',
      'profileSkills',
      'certifications',
      'locations',
      'skills',
      'languages',
      'languagePreference',
      'employerInfo',
      'biography',
      'dateLastLogin',
      'dateWelcomeSent',
    ];
    for (const f of fields) expect(user, f).toHaveProperty(f);
    expect([
      'Available',
      'Away',
      'Busy',
      'Offline',
      'Idle',
      'On Queue',
      'Meal',
      'Training',
      'Meeting',
      'Break',
    ]).toContain(
      (user.presence as { presenceDefinition: { systemPresence: string } }).presenceDefinition.systemPresence,
    );
    expect(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).toContain(
      (user.routingStatus as { status: string }).status,
    );
    const languages = user.languages as Array<{ name: string; proficiency: number; languageUri: string }>;
    expect(languages.map((l) => l.name)).toContain('English');
    const stored = db
      .prepare("SELECT skill_name FROM user_skills WHERE user_id = ? AND kind = 'language' ORDER BY skill_name")
      .pluck()
      .all(PERSONAS.supervisor.id);
    expect(languages.map((l) => l.name)).toEqual(stored);
    expect(user.authorization).toMatchObject({
      roles: [{ name: 'Employee' }],
      unusedRoles: [],
      permissions: ['directory:user:view'],
    });
  });

  it('rejects an unknown expand value with 400 naming it', () => {
    const err = apiError(() => getUser(db, persona('admin'), PERSONAS.owner.id, { expand: ['presence', 'bogus'] }));
    expect(err.status).toBe(400);
    expect(err.code).toBe('bad.request');
    expect(err.message).toContain('"bogus"');
    expect(err.options.details?.[0]?.fieldName).toBe('expand');
  });

  it('expand=groups lists only the groups the caller may see', () => {
    const supervisorGroups = (caller: Caller) =>
      ((getUser(db, caller, PERSONAS.supervisor.id, { expand: ['groups'] }).groups as Array<{ id: string }>) ?? []).map(
        (g) => g.id,
      );
    const asAdmin = supervisorGroups(persona('admin'));
    const asEditor = supervisorGroups(persona('editor'));
    expect(asAdmin).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expect(asAdmin).toContain(DEMO_GROUPS.allStaff.id);
    expect(asAdmin.length).toBe(count('SELECT COUNT(*) FROM group_members WHERE user_id = ?', PERSONAS.supervisor.id));
    // The editor is a member of the supervisors' group but not of the members-only book club.
    expect(asEditor).toContain(DEMO_GROUPS.membersOnlyWithSupervisor.id);
    expect(asEditor).not.toContain(DEMO_GROUPS.socialMembersOnly.id);
    expect(asAdmin).toContain(DEMO_GROUPS.socialMembersOnly.id);
    const group = (
      getUser(db, persona('admin'), PERSONAS.supervisor.id, { expand: ['groups'] }).groups as Array<
        Record<string, unknown>
      >
    )[0];
    expect(group).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      type: expect.any(String),
      visibility: expect.any(String),
      rulesVisible: expect.any(Boolean),
      selfUri: `/api/v2/groups/${group?.id}`,
    });
  });

  it('builds a page with expands in one query per expand kind, not per user', () => {
    const rows = db.prepare(`${USER_SELECT} ORDER BY u.sort_name LIMIT 500`).all() as UserRow[];
    const single = rows.map((r) => toUsers(db, [r], ['skills', 'groups', 'authorization'], persona('admin'))[0]);
    const batch = toUsers(db, rows, ['skills', 'groups', 'authorization'], persona('admin'));
    expect(batch).toEqual(single);
    expect(batch).toHaveLength(500);
  });
});
