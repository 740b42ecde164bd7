/**
 * The demo org: ~2,400 people and ~330 groups, deterministic, with the personas and the named fixture
 * groups of personas.ts.
 */
import type Database from 'better-sqlite3';
import { GroupBuilder } from './groups-builder.js';
import { rebuildGroupMembers } from '../../domain/membership/upkeep.js';
import { generateUsers, SEED_NOW, writeOrg, type UserSeed } from './people.js';
import { DEMO_GROUPS, PERSONAS, ROLES } from './personas.js';
import { Rng } from './prng.js';
import { DEPARTMENTS, DIVISIONS, OFFICES, PROJECT_CODENAMES, SOCIAL_TOPICS, TEAM_NAMES } from './words.js';

export const DEMO_USER_COUNT = 2400;
const DEMO_SEED = 20250601;

const emailSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function seedDemo(db: Database.Database): void {
  const rng = new Rng(DEMO_SEED);
  const { users, divisions } = generateUsers(rng, DEMO_USER_COUNT);
  const groups = buildDemoGroups(rng, users);
  writeOrg(db, { divisions, users, groups });
  writeDemoGrants(db, divisions);
  rebuildGroupMembers(db);
}

/** The demo's group grants (docs/embedded-server.md, Authorization): members inherit them. */
function writeDemoGrants(db: Database.Database, divisions: ReadonlyArray<{ id: string; name: string }>): void {
  const home = divisions.find((d) => d.name === 'Home') ?? divisions[0];
  const grantedAt = new Date(SEED_NOW - 20 * 86_400_000).toISOString();
  const insert = db.prepare(
    `INSERT INTO authz_grants (subject_id, subject_type, role_id, division_id, granted_at) VALUES (?, 'PC_GROUP', ?, ?, ?)`,
  );
  insert.run(DEMO_GROUPS.groupAdministrators.id, ROLES.groupEditor.id, '*', grantedAt);
  if (home) insert.run(DEMO_GROUPS.directoryAuditors.id, ROLES.directoryAuditor.id, home.id, grantedAt);
}

function buildDemoGroups(rng: Rng, users: UserSeed[]) {
  const b = new GroupBuilder(rng);
  const active = users.filter((u) => u.state === 'active');
  const personaIds = new Set(Object.values(PERSONAS).map((p) => p.id));
  const regular = active.filter((u) => !personaIds.has(u.id));
  const leaders = regular.filter((u) => u.leader);
  const ids = (list: UserSeed[]) => list.map((u) => u.id);
  const pickOwners = (pool: UserSeed[], n: number) => ids(rng.sample(pool.length ? pool : leaders, n));
  const { admin, editor, owner, supervisor } = PERSONAS;

  // --- Named fixture groups.
  b.add({
    ...DEMO_GROUPS.allStaff,
    type: 'official',
    description: 'Everyone in the company. Announcements and company-wide updates.',
    owners: [
      admin.id,
      ...pickOwners(
        leaders.filter((u) => u.department === 'Human Resources'),
        1,
      ),
    ],
    individuals: ids(active),
    email: 'all-staff@example.com',
    addresses: b.phone(),
    callsEnabled: true,
    rolesEnabled: true,
  });
  const careAgents = regular.filter((u) => u.department === 'Customer Care');
  b.add({
    ...DEMO_GROUPS.ownedByOwner,
    type: 'official',
    description: 'Senior agents who take escalated customer cases.',
    owners: [owner.id],
    includeOwners: true,
    individuals: ids(rng.sample(careAgents, 24)),
    addresses: b.phone(),
    callsEnabled: true,
    email: 'care-escalations@example.com',
  });
  const careLeaders = careAgents.filter((u) => u.leader);
  b.add({
    ...DEMO_GROUPS.membersOnlyWithSupervisor,
    type: 'official',
    visibility: 'members',
    description: 'Supervisors of the contact center: staffing, coaching and escalations.',
    owners: [owner.id],
    includeOwners: true,
    individuals: [supervisor.id, editor.id, ...ids(rng.sample(careLeaders, 30))],
  });
  const directors = regular.filter((u) => /Manager|Director|Controller/.test(u.title));
  b.add({
    ...DEMO_GROUPS.membersOnlyWithoutSupervisor,
    type: 'official',
    visibility: 'members',
    rulesVisible: false,
    description: 'Leadership team: strategy, budget and planning.',
    owners: pickOwners(directors, 2),
    includeOwners: true,
    individuals: ids(rng.sample(directors, 18)),
  });
  const billing = regular.filter((u) => u.department === 'Billing' || u.department === 'Finance');
  b.add({
    ...DEMO_GROUPS.ownersOnly,
    type: 'official',
    visibility: 'owners',
    description: 'Approves refunds above the agent limit.',
    owners: [
      owner.id,
      ...pickOwners(
        billing.filter((u) => u.leader),
        1,
      ),
    ],
    individuals: ids(rng.sample(billing, 8)),
  });
  b.add({
    ...DEMO_GROUPS.dynamic,
    type: 'official',
    description: 'Agents with Spanish at proficiency 3 or above (added by rule).',
    owners: pickOwners(careLeaders, 1),
    dynamic: {
      skillConditions: [
        {
          routingSkillConditions: [],
          languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
          operation: 'And',
        },
      ],
    },
  });
  b.add({
    ...DEMO_GROUPS.small,
    type: 'official',
    description: 'People who joined this month, for onboarding sessions.',
    owners: [owner.id],
    individuals: ids(
      rng.sample(
        regular.filter((u) => !u.leader),
        10,
      ),
    ),
  });
  b.add({
    ...DEMO_GROUPS.social,
    type: 'social',
    description: 'Easy 5k runs at noon on Tuesdays and Thursdays.',
    owners: pickOwners(regular, 1),
    includeOwners: true,
    individuals: ids(rng.sample(regular, 35)),
  });
  b.add({
    ...DEMO_GROUPS.dynamicRulesHidden,
    type: 'official',
    rulesVisible: false,
    description: 'Agents with the Escalations skill at 4 or above (added by rule).',
    owners: pickOwners(careLeaders, 2),
    individuals: ids(rng.sample(careAgents, 3)),
    dynamic: {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Escalations', comparator: 'GreaterThanOrEqualTo', proficiency: 4 }],
          languageSkillConditions: [],
          operation: 'And',
        },
      ],
    },
  });
  b.add({
    ...DEMO_GROUPS.socialMembersOnly,
    type: 'social',
    visibility: 'members',
    description: 'A book a month, discussed over coffee.',
    owners: pickOwners(careLeaders, 1),
    includeOwners: true,
    individuals: [supervisor.id, ...ids(rng.sample(regular, 12))],
  });

  // --- Organisation: departments, divisions, offices.
  for (const d of DEPARTMENTS) {
    const people = active.filter((u) => u.department === d.name);
    b.add({
      id: rng.uuid(),
      name: d.name,
      type: 'official',
      description: `Everyone in ${d.name}.`,
      owners: pickOwners(
        people.filter((u) => u.leader && !personaIds.has(u.id)),
        2,
      ),
      individuals: ids(people),
      email: `${emailSlug(d.name)}@example.com`,
      rolesEnabled: true,
      ...(rng.chance(0.5) ? { addresses: b.phone(), callsEnabled: true } : {}),
    });
  }
  for (const division of DIVISIONS) {
    const people = regular.filter(
      (u) => u.expand.team && (u.expand.team as { division: { name: string } }).division.name === division,
    );
    b.add({
      id: rng.uuid(),
      name: `${division} Staff`,
      type: 'official',
      description: `People in the ${division} division.`,
      owners: pickOwners(
        people.filter((u) => u.leader),
        1,
      ),
      individuals: ids(people),
    });
  }
  for (let i = 0; i < OFFICES.length; i++) {
    const office = OFFICES[i] as (typeof OFFICES)[number];
    const people = regular.filter((u) => u.officeIndex === i);
    b.add({
      id: rng.uuid(),
      name: office.name,
      type: 'official',
      description: `${office.street}, ${office.city}`,
      owners: pickOwners(
        people.filter((u) => u.leader),
        1,
      ),
      individuals: ids(people),
      addresses: b.phone(),
      callsEnabled: true,
    });
  }

  // --- Teams: the populated teams of each department.
  for (let d = 0; d < DEPARTMENTS.length; d++) {
    const dept = DEPARTMENTS[d] as (typeof DEPARTMENTS)[number];
    for (let t = 0; t < TEAM_NAMES.length; t++) {
      const people = regular.filter((u) => u.teamIndex === d * TEAM_NAMES.length + t);
      if (people.length === 0) continue;
      const members = rng.chance(0.15);
      b.add({
        id: rng.uuid(),
        name: `${dept.name} - Team ${TEAM_NAMES[t]}`,
        type: 'official',
        visibility: members ? 'members' : 'public',
        rulesVisible: !rng.chance(0.15),
        includeOwners: rng.chance(0.4),
        description: `The ${TEAM_NAMES[t]} team of ${dept.name}.`,
        owners: pickOwners(
          people.filter((u) => u.leader),
          rng.int(1, 2),
        ),
        individuals: [
          ...ids(people),
          ...(members && dept.name === 'Customer Care' && rng.chance(0.5) ? [supervisor.id] : []),
        ],
      });
    }
  }

  // --- Projects: core teams (mixed visibility) and steering committees.
  for (const code of PROJECT_CODENAMES) {
    const core = rng.sample(regular, rng.int(6, 40));
    const visibility = rng.pick(['public', 'public', 'members', 'owners'] as const);
    b.add({
      id: rng.uuid(),
      name: `Project ${code}`,
      type: 'official',
      visibility,
      rulesVisible: !rng.chance(0.2),
      includeOwners: rng.chance(0.5),
      description: `Core team of project ${code}.`,
      owners: pickOwners(
        core.filter((u) => u.leader),
        1,
      ).concat(ids(core.slice(0, 1))),
      individuals: ids(core),
    });
    const steering = rng.sample(directors, rng.int(3, 9));
    b.add({
      id: rng.uuid(),
      name: `Project ${code} Steering Committee`,
      type: 'official',
      visibility: rng.pick(['members', 'owners', 'public'] as const),
      rulesVisible: !rng.chance(0.3),
      includeOwners: true,
      description: `Decisions and budget for project ${code}.`,
      owners: ids(steering.slice(0, 2)),
      individuals: ids(steering),
    });
  }

  // --- Skill-based groups with dynamic settings.
  const dynamicGroups: Array<[string, string, 'routing' | 'language', string, number]> = [
    ['Billing Skilled Agents', 'Agents with the Billing skill at 3 or above.', 'routing', 'Billing', 3],
    ['Technical Support Experts', 'Agents with Technical Support at 4 or above.', 'routing', 'Technical Support', 4],
    ['French Speakers', 'Everyone with French at 2 or above.', 'language', 'French', 2],
    ['German Speakers', 'Everyone with German at 2 or above.', 'language', 'German', 2],
  ];
  for (const [name, description, kind, skill, proficiency] of dynamicGroups) {
    const condition = { comparator: 'GreaterThanOrEqualTo' as const, proficiency };
    b.add({
      id: rng.uuid(),
      name,
      type: 'official',
      description,
      rulesVisible: !rng.chance(0.3),
      owners: pickOwners(leaders, 1),
      dynamic: {
        skillConditions: [
          kind === 'routing'
            ? {
                routingSkillConditions: [{ routingSkill: skill, ...condition }],
                languageSkillConditions: [],
                operation: 'And',
              }
            : {
                routingSkillConditions: [],
                languageSkillConditions: [{ languageSkill: skill, ...condition }],
                operation: 'And',
              },
        ],
      },
    });
  }
  b.add({
    id: rng.uuid(),
    name: 'Bilingual Billing Support',
    type: 'official',
    description: 'Billing skill (2+) and Spanish or Portuguese (3+).',
    owners: pickOwners(leaders, 1),
    dynamic: {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'GreaterThanOrEqualTo', proficiency: 2 }],
          languageSkillConditions: [],
          operation: 'And',
        },
        {
          routingSkillConditions: [],
          languageSkillConditions: [
            { languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 },
            { languageSkill: 'Portuguese', comparator: 'GreaterThanOrEqualTo', proficiency: 3 },
          ],
          operation: 'Or',
        },
      ],
    },
  });

  // --- Social groups: company-wide and per office.
  for (const topic of SOCIAL_TOPICS) {
    const people = rng.sample(regular, rng.int(8, 120));
    b.add({
      id: rng.uuid(),
      name: topic,
      type: 'social',
      visibility: rng.chance(0.85) ? 'public' : 'members',
      includeOwners: rng.chance(0.7),
      description: `${topic}: all welcome.`,
      owners: ids(people.slice(0, rng.int(1, 2))),
      individuals: ids(people),
    });
  }
  let office = 0;
  while (b.groups.length < 330) {
    const topic = rng.pick(SOCIAL_TOPICS);
    const place = (OFFICES[office++ % OFFICES.length] as (typeof OFFICES)[number]).city;
    const name = `${place} ${topic}`;
    if (b.has(name)) continue;
    const local = regular.filter((u) => (OFFICES[u.officeIndex] as (typeof OFFICES)[number]).city === place);
    const people = rng.sample(local, rng.int(4, 30));
    b.add({
      id: rng.uuid(),
      name,
      type: 'social',
      visibility: rng.chance(0.8) ? 'public' : 'members',
      includeOwners: rng.chance(0.6),
      description: `${topic} for colleagues at the ${place} office.`,
      owners: ids(people.slice(0, 1)),
      individuals: ids(people),
    });
  }

  // --- Groups that grant roles (after the others, so the generated org above is unchanged). People
  // picked in name order from IT, none of them personas.
  const it = regular.filter((u) => u.department === 'IT').sort((x, y) => x.name.localeCompare(y.name));
  const itLead = it.find((u) => u.leader) ?? leaders[0];
  b.add({
    ...DEMO_GROUPS.groupAdministrators,
    type: 'official',
    description: 'Grants Group Editor over every division: members edit any group and its membership.',
    owners: itLead ? [itLead.id] : [],
    individuals: [editor.id, ...ids(it.filter((u) => !u.leader).slice(0, 3))],
    rolesEnabled: true,
  });
  b.add({
    ...DEMO_GROUPS.directoryAuditors,
    type: 'official',
    visibility: 'members',
    description: 'Grants Directory Auditor over the home division: members read private groups and the change history.',
    owners: itLead ? [itLead.id] : [],
    includeOwners: true,
    individuals: ids(it.filter((u) => !u.leader).slice(3, 5)),
    rolesEnabled: true,
  });
  b.add({
    ...DEMO_GROUPS.rolesDisabled,
    type: 'official',
    description: 'Helps with office moves and events. Roles are not enabled: it cannot be granted roles.',
    owners: itLead ? [itLead.id] : [],
    individuals: ids(it.filter((u) => !u.leader).slice(5, 9)),
  });
  return b.groups;
}
