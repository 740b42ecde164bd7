/**
 * Generation of the org's people (users, their skills, roles and expand values) and the writing of a
 * generated org into the database. Shared by the demo and large seeds.
 */
import type Database from 'better-sqlite3';
import { hashPassword } from '../../domain/passwords.js';
import type { DynamicGroupQuery } from '../../domain/membership/dynamic-query.js';
import { PERSONAS, PERSONA_PASSWORD, ROLES, type Persona } from './personas.js';
import { catalogue } from '../catalogue.js';
import type { Rng } from './prng.js';
import {
  CERTIFICATIONS,
  DEPARTMENTS,
  FIRST_NAMES,
  INTERESTS,
  LANGUAGE_PREFERENCES,
  LAST_NAMES,
  OFFICES,
  PROFILE_SKILLS,
  ROUTING_STATUSES,
  TEAM_NAMES,
} from './words.js';

/** The seeds' notion of "now", so that generated dates do not depend on the clock. */
export const SEED_NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
const DAY = 86_400_000;

export interface SkillSeed {
  kind: 'routing' | 'language';
  skillId: string;
  name: string;
  proficiency: number;
}

export interface UserSeed {
  id: string;
  name: string;
  email: string;
  title: string;
  department: string;
  departmentIndex: number;
  divisionId: string;
  officeIndex: number;
  teamIndex: number;
  managerId: string | null;
  state: 'active' | 'inactive';
  passwordHash: string | null;
  dateLastLogin: string | null;
  dateWelcomeSent: string | null;
  addresses: Array<Record<string, string>>;
  expand: Record<string, unknown>;
  skills: SkillSeed[];
  roleIds: string[];
  /** A persona key, for people who sign in. */
  persona?: Persona['key'];
  /** True for titles that lead others (leads, supervisors, managers, directors). */
  leader: boolean;
}

export interface GroupSeed {
  id: string;
  name: string;
  description: string | null;
  type: 'official' | 'social';
  visibility: 'public' | 'members' | 'owners';
  rulesVisible: boolean;
  rolesEnabled: boolean;
  includeOwners: boolean;
  callsEnabled: boolean;
  email: string | null;
  addresses: Array<Record<string, string>>;
  version: number;
  dateModified: string;
  owners: string[];
  individuals: string[];
  dynamic?: DynamicGroupQuery;
}

export interface Org {
  divisions: Array<{ id: string; name: string }>;
  users: UserSeed[];
  groups: GroupSeed[];
}

const CONTACT_CENTER = new Set(['Customer Care', 'Technical Support', 'Sales', 'Billing']);

function divisionForOffice(country: string): string {
  if (['US', 'CA'].includes(country)) return 'North America';
  if (['GB', 'IE', 'DE'].includes(country)) return 'EMEA';
  if (['AU', 'JP', 'IN'].includes(country)) return 'APAC';
  return 'Latin America';
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');

/**
 * The personas who sign in set no language of their own (empty), so the demo console follows the browser's
 * (src/lib/locale.ts); everyone else prefers one. The pick is drawn either way, so the rest of the seed
 * stays as it was.
 */
const languagePreferenceOf = (persona: Persona | undefined, picked: string): string => (persona ? '' : picked);

/** Generates `count` users (the four personas first, then everybody else), deterministic for a seed. */
export function generateUsers(
  rng: Rng,
  count: number,
): { users: UserSeed[]; divisions: Array<{ id: string; name: string }> } {
  const cat = catalogue();
  const divisionIds = new Map<string, string>(cat.divisions.map((d) => [d.name, d.id]));
  const totalWeight = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  const pickDepartment = (): number => {
    let r = rng.next() * totalWeight;
    for (let i = 0; i < DEPARTMENTS.length; i++) {
      r -= (DEPARTMENTS[i] as (typeof DEPARTMENTS)[number]).weight;
      if (r < 0) return i;
    }
    return 0;
  };
  const usedEmails = new Map<string, number>();
  const users: UserSeed[] = [];
  const teamSizes = new Map<number, number>();
  const personaList = Object.values(PERSONAS);

  for (let i = 0; i < count; i++) {
    const persona = personaList[i];
    let name: string;
    let email: string;
    let departmentIndex: number;
    let title: string;
    if (persona) {
      name = persona.name;
      email = persona.email;
      departmentIndex = DEPARTMENTS.findIndex((d) => d.name === persona.department);
      title = persona.title;
    } else {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      name = `${first} ${last}`;
      const base = `${slug(first)}.${slug(last)}`;
      const n = (usedEmails.get(base) ?? 0) + 1;
      usedEmails.set(base, n);
      email = `${n === 1 ? base : `${base}${n}`}@example.com`;
      departmentIndex = pickDepartment();
      const titles = (DEPARTMENTS[departmentIndex] as (typeof DEPARTMENTS)[number]).titles;
      // Most people hold the first titles of their department; few are managers.
      const r = rng.next();
      const t =
        r < 0.55
          ? 0
          : r < 0.8
            ? 1
            : r < 0.9
              ? Math.min(2, titles.length - 1)
              : r < 0.97
                ? Math.min(3, titles.length - 1)
                : titles.length - 1;
      title = titles[t] as string;
    }
    const department = (DEPARTMENTS[departmentIndex] as (typeof DEPARTMENTS)[number]).name;
    const id = persona ? persona.id : rng.uuid();
    const officeIndex = persona ? 0 : rng.int(0, OFFICES.length - 1);
    const office = cat.offices[officeIndex] as (typeof cat.offices)[number];
    const divisionName = rng.chance(0.1) ? 'Home' : divisionForOffice(office.country);
    const teamIndex =
      departmentIndex * TEAM_NAMES.length +
      rng.int(0, Math.max(0, Math.min(TEAM_NAMES.length, 4 + Math.floor(count / 400))) - 1);
    teamSizes.set(teamIndex, (teamSizes.get(teamIndex) ?? 0) + 1);
    const state: UserSeed['state'] = persona || !rng.chance(0.03) ? 'active' : 'inactive';
    const leader = /Lead|Supervisor|Manager|Director|Controller|Head/.test(title);
    const contactCenter = CONTACT_CENTER.has(department);

    // Skills: routing skills for contact-center people, languages for everybody.
    const skills: SkillSeed[] = [];
    if (contactCenter || rng.chance(0.1)) {
      const n = contactCenter ? rng.int(1, 5) : 1;
      for (const s of rng.sample(cat.routingSkills, n))
        skills.push({ kind: 'routing', skillId: s.id, name: s.name, proficiency: rng.int(1, 5) });
    }
    const english = cat.languages[0] as (typeof cat.languages)[number];
    skills.push({ kind: 'language', skillId: english.id, name: english.name, proficiency: rng.int(3, 5) });
    if (rng.chance(0.25)) {
      const spanish = cat.languages[1] as (typeof cat.languages)[number];
      skills.push({ kind: 'language', skillId: spanish.id, name: spanish.name, proficiency: rng.int(1, 5) });
    }
    if (rng.chance(0.3)) {
      const other = rng.pick(cat.languages.slice(2));
      skills.push({ kind: 'language', skillId: other.id, name: other.name, proficiency: rng.int(1, 5) });
    }

    const roleIds = persona
      ? persona.roles.map((r) => ROLES[r].id)
      : [
          ROLES.employee.id,
          ROLES.communicate.id,
          ...(contactCenter ? [ROLES.agent.id] : []),
          ...(leader && contactCenter ? [ROLES.supervisor.id] : []),
          ...(rng.chance(0.15) ? [ROLES.reportingViewer.id] : []),
        ];

    const welcome = rng.date(SEED_NOW - 6 * 365 * DAY, SEED_NOW - 30 * DAY);
    const lastLogin =
      state === 'active' ? rng.date(SEED_NOW - 30 * DAY, SEED_NOW) : rng.date(Date.parse(welcome), SEED_NOW - 60 * DAY);
    const presence = rng.pick(cat.presenceDefinitions);
    const presenceTime = rng.date(SEED_NOW - DAY, SEED_NOW);
    const onQueue = presence.systemPresence === 'On Queue';
    const routingStatus = onQueue ? rng.pick(ROUTING_STATUSES.slice(1)) : 'OFF_QUEUE';
    const oooActive = state === 'active' && rng.chance(0.05);
    const oooStart = oooActive
      ? rng.date(SEED_NOW - 10 * DAY, SEED_NOW)
      : rng.date(SEED_NOW - 200 * DAY, SEED_NOW - 30 * DAY);
    const oooEnd = new Date(Date.parse(oooStart) + rng.int(1, 14) * DAY).toISOString();
    const media = () => ({
      contactCenter: { active: onQueue ? rng.int(0, 2) : 0, acw: onQueue ? rng.int(0, 1) : 0 },
      enterprise: { active: rng.int(0, 1), acw: 0 },
    });
    const station = rng.chance(0.7)
      ? {
          id: rng.uuid(),
          name: `${name} WebRTC`,
          type: 'inin_webrtc_softphone',
          associatedUser: { id, name, version: 1, selfUri: `/api/v2/users/${id}` },
          associatedDate: rng.date(SEED_NOW - 20 * DAY, SEED_NOW),
          webRtcCallAppearances: 2,
        }
      : null;
    const phoneDigits = String(rng.int(2000000, 9999999));
    const phone = `${office.phone} ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3)}`;
    const dateHire = rng.date(SEED_NOW - 12 * 365 * DAY, Date.parse(welcome));
    const certs = rng.sample(CERTIFICATIONS, rng.int(0, 3));
    const interests = rng.sample(INTERESTS, rng.int(1, 3));
    const team = cat.teams[teamIndex] as (typeof cat.teams)[number];

    const addresses: Array<Record<string, string>> = [
      {
        address: phone.replace(/\s/g, ''),
        display: phone,
        mediaType: 'PHONE',
        type: 'WORK',
        extension: String(rng.int(1000, 9999)),
        countryCode: office.country,
      },
      ...(rng.chance(0.4)
        ? [
            {
              address: `+1555${rng.int(1000000, 9999999)}`,
              display: `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
              mediaType: 'SMS',
              type: 'MOBILE',
              countryCode: office.country,
            },
          ]
        : []),
    ];
    const expand: Record<string, unknown> = {
      routingStatus: { userId: id, status: routingStatus, startTime: presenceTime },
      presence: {
        source: 'PURECLOUD',
        primary: true,
        presenceDefinition: {
          id: presence.id,
          systemPresence: presence.systemPresence,
          selfUri: `/api/v2/presencedefinitions/${presence.id}`,
        },
        ...(rng.chance(0.2)
          ? {
              message: rng.pick([
                'In a customer workshop',
                'Heads down until 3pm',
                'Back after lunch',
                'Working from home today',
                'Covering the escalations queue',
              ]),
            }
          : {}),
        modifiedDate: presenceTime,
      },
      integrationPresence: {
        source: 'MicrosoftTeams',
        primary: false,
        presenceDefinition: {
          id: presence.id,
          systemPresence: presence.systemPresence === 'On Queue' ? 'Busy' : presence.systemPresence,
          selfUri: `/api/v2/presencedefinitions/${presence.id}`,
        },
        modifiedDate: presenceTime,
      },
      conversationSummary: {
        userId: id,
        call: media(),
        callback: media(),
        email: media(),
        message: media(),
        chat: media(),
        socialExpression: media(),
        video: media(),
      },
      outOfOffice: {
        id,
        user: { id, name, version: 1, selfUri: `/api/v2/users/${id}` },
        startDate: oooStart,
        endDate: oooEnd,
        active: oooActive,
        indefinite: false,
        selfUri: `/api/v2/users/${id}/outofoffice`,
      },
      geolocation: {
        id,
        name: office.city,
        type: 'USER',
        primary: true,
        latitude: Math.round((office.lat + (rng.next() - 0.5) * 0.2) * 1e4) / 1e4,
        longitude: Math.round((office.lon + (rng.next() - 0.5) * 0.2) * 1e4) / 1e4,
        country: office.country,
        region: office.region,
        city: office.city,
        selfUri: `/api/v2/users/${id}/geolocations/PURECLOUD`,
      },
      station: station ? { associatedStation: station, effectiveStation: station } : {},
      lastTokenIssued: { dateIssued: lastLogin },
      team: {
        id: team.id,
        name: team.name,
        division: {
          id: divisionIds.get(divisionName),
          name: divisionName,
          selfUri: `/api/v2/authorization/divisions/${divisionIds.get(divisionName)}`,
        },
        selfUri: `/api/v2/teams/${team.id}`,
      },
      workPlanBidRanks: {
        id,
        workPlanBiddingPerformance: rng.int(50, 100),
        biddingTieBreaker: String(rng.int(1, count)),
        selfUri: `/api/v2/workforcemanagement/users/${id}/workplanbidranks`,
      },
      externalContactsSettings: {
        manuallyAssignDivisionsToInteractions: rng.chance(0.2),
        manuallyAssignDivisionsToContacts: rng.chance(0.2),
      },
      customAttributes: {
        id,
        userId: id,
        attributes: {
          costCenter: `CC-${String(100 + departmentIndex * 10 + rng.int(0, 9))}`,
          shift: rng.pick(['Day', 'Evening', 'Night', 'Flexible']),
          badgeNumber: String(rng.int(100000, 999999)),
        },
        selfUri: `/api/v2/users/${id}/customattributes`,
      },
      profileSkills: rng.sample(PROFILE_SKILLS, rng.int(1, 4)),
      certifications: certs,
      locations: [
        {
          id: office.id,
          floorplanId: office.floorplanId,
          notes: `Floor ${rng.int(1, 8)}, desk ${rng.int(1, 120)}`,
          locationDefinition: { id: office.id, name: office.name, selfUri: `/api/v2/locations/${office.id}` },
        },
      ],
      languagePreference: languagePreferenceOf(persona, rng.pick(LANGUAGE_PREFERENCES)),
      employerInfo: {
        officialName: name,
        employeeId: `E${String(10000 + i).padStart(6, '0')}`,
        employeeType: rng.chance(0.9) ? 'Full-time' : rng.pick(['Part-time', 'Contractor']),
        dateHire: dateHire.slice(0, 10),
      },
      biography: {
        biography: `${name.split(' ')[0]} works in ${department} as ${/^[AEIOU]/.test(title) ? 'an' : 'a'} ${title} at the ${office.name}.`,
        interests,
        hobbies: rng.sample(INTERESTS, 1),
        education: rng.chance(0.6)
          ? [
              {
                school: rng.pick([
                  'Purdue University',
                  'University of Toronto',
                  'Trinity College Dublin',
                  'University of Sydney',
                  'Keio University',
                  'Universidade de Sao Paulo',
                  'Indian Institute of Science',
                  'Ohio State University',
                ]),
                fieldOfStudy: rng.pick([
                  'Business',
                  'Computer Science',
                  'Communications',
                  'Psychology',
                  'Economics',
                  'Linguistics',
                ]),
                dateStart: '2008-09-01',
                dateEnd: '2012-06-01',
              },
            ]
          : [],
      },
    };

    users.push({
      id,
      name,
      email,
      title,
      department,
      departmentIndex,
      divisionId: divisionIds.get(divisionName) as string,
      officeIndex,
      teamIndex,
      managerId: null,
      state,
      passwordHash: persona ? personaPasswordHash(persona.key) : null,
      dateLastLogin: lastLogin,
      dateWelcomeSent: welcome,
      addresses,
      expand,
      skills,
      roleIds,
      persona: persona?.key,
      leader,
    });
  }

  // Managers: each department's first leader heads it; other leaders report to the head, everybody else to a leader.
  const leadersByDept = new Map<number, UserSeed[]>();
  for (const u of users)
    if (u.leader && !u.persona)
      leadersByDept.set(u.departmentIndex, [...(leadersByDept.get(u.departmentIndex) ?? []), u]);
  for (const u of users) {
    const leaders = leadersByDept.get(u.departmentIndex) ?? [];
    const head = leaders[0];
    if (!head || u === head) continue;
    u.managerId = u.leader ? head.id : (rng.pick(leaders) as UserSeed).id;
  }
  const byKey = new Map(users.filter((u) => u.persona).map((u) => [u.persona, u]));
  const editor = byKey.get('editor');
  if (editor) {
    for (const k of ['owner', 'supervisor'] as const) {
      const u = byKey.get(k);
      if (u) u.managerId = editor.id;
    }
  }
  for (const u of users) {
    const team = u.expand.team as Record<string, unknown>;
    team.memberCount = teamSizes.get(u.teamIndex) ?? 0;
  }
  return { users, divisions: cat.divisions };
}

const personaHashes = new Map<string, string>();
/** The personas' password hashes, with fixed salts so seeds stay reproducible (computed once per process). */
function personaPasswordHash(key: Persona['key']): string {
  let hash = personaHashes.get(key);
  if (!hash) {
    const salt = Buffer.from(`persona-${key}`.padEnd(16, '.')).subarray(0, 16).toString('hex');
    hash = hashPassword(PERSONA_PASSWORD, salt);
    personaHashes.set(key, hash);
  }
  return hash;
}

/**
 * Writes a generated org: divisions, roles, users (with skills and roles) and groups (with owners,
 * individuals and dynamic settings). group_members is left to rebuildGroupMembers.
 * Call inside a transaction.
 */
export function writeOrg(db: Database.Database, org: Org): void {
  const insDivision = db.prepare('INSERT INTO divisions (id, name, home) VALUES (?, ?, ?)');
  const home = org.divisions.find((d) => d.name === 'Home') ?? org.divisions[0];
  for (const d of org.divisions) insDivision.run(d.id, d.name, d === home ? 1 : 0);

  const insRole = db.prepare('INSERT INTO roles (id, name, description) VALUES (?, ?, ?)');
  const insRolePermission = db.prepare('INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)');
  for (const role of Object.values(ROLES)) {
    insRole.run(role.id, role.name, role.description);
    for (const p of role.permissions) insRolePermission.run(role.id, p);
  }

  const insUser = db.prepare(
    `INSERT INTO users (id, name, sort_name, email, username, title, department, division_id, manager_id, state, version,
       password_hash, date_last_login, date_welcome_sent, addresses_json, expand_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insSkill = db.prepare(
    'INSERT INTO user_skills (user_id, kind, skill_id, skill_name, proficiency) VALUES (?, ?, ?, ?, ?)',
  );
  // A user's roles are grants over the home division, made when the seed's org was set up.
  const insUserRole = db.prepare(
    `INSERT INTO authz_grants (subject_id, subject_type, role_id, division_id, granted_at) VALUES (?, 'PC_USER', ?, ?, ?)`,
  );
  const grantedAt = new Date(SEED_NOW - 400 * DAY).toISOString();
  // Managers before the people who report to them, so every foreign key holds when its row goes in.
  const byId = new Map(org.users.map((u) => [u.id, u]));
  const depth = new Map<string, number>();
  const depthOf = (u: UserSeed, seen = 0): number => {
    let d = depth.get(u.id);
    if (d === undefined) {
      const manager = u.managerId ? byId.get(u.managerId) : undefined;
      d = manager && seen < 50 ? depthOf(manager, seen + 1) + 1 : 0;
      depth.set(u.id, d);
    }
    return d;
  };
  const ordered = org.users.map((u, i) => ({ u, i, d: depthOf(u) })).sort((a, b) => a.d - b.d || a.i - b.i);
  for (const { u } of ordered) {
    insUser.run(
      u.id,
      u.name,
      u.name.toLowerCase(),
      u.email,
      u.email,
      u.title,
      u.department,
      u.divisionId,
      u.managerId,
      u.state,
      1,
      u.passwordHash,
      u.dateLastLogin,
      u.dateWelcomeSent,
      JSON.stringify(u.addresses),
      JSON.stringify(u.expand),
    );
    for (const s of u.skills) insSkill.run(u.id, s.kind, s.skillId, s.name, s.proficiency);
    for (const r of u.roleIds) if (home) insUserRole.run(u.id, r, home.id, grantedAt);
  }

  const insGroup = db.prepare(
    `INSERT INTO groups (id, name, sort_name, description, type, visibility, state, rules_visible, roles_enabled, include_owners,
       calls_enabled, email, addresses_json, images_json, version, date_modified, member_count)
     VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, '[]', ?, ?, 0)`,
  );
  const insOwner = db.prepare('INSERT OR IGNORE INTO group_owners (group_id, user_id) VALUES (?, ?)');
  const insIndividual = db.prepare('INSERT OR IGNORE INTO group_individuals (group_id, user_id) VALUES (?, ?)');
  const insDynamic = db.prepare(
    'INSERT INTO group_dynamic_settings (group_id, query_json, date_modified) VALUES (?, ?, ?)',
  );
  for (const g of org.groups) {
    insGroup.run(
      g.id,
      g.name,
      g.name.toLowerCase(),
      g.description,
      g.type,
      g.visibility,
      g.rulesVisible ? 1 : 0,
      g.rolesEnabled ? 1 : 0,
      g.includeOwners ? 1 : 0,
      g.callsEnabled ? 1 : 0,
      g.email,
      JSON.stringify(g.addresses),
      g.version,
      g.dateModified,
    );
    for (const o of g.owners) insOwner.run(g.id, o);
    for (const m of g.individuals) insIndividual.run(g.id, m);
    if (g.dynamic) insDynamic.run(g.id, JSON.stringify(g.dynamic), g.dateModified);
  }
}

/**
 * Tracks how many official and social groups each user is in, so no user goes past the
 * 100 + 100 limit. `admit` filters a candidate list to those still under the limit and counts them in.
 */
export class MembershipLimits {
  static readonly MAX = 100;
  private readonly counts = new Map<string, [number, number]>();

  admit(type: 'official' | 'social', userIds: Iterable<string>): string[] {
    const idx = type === 'official' ? 0 : 1;
    const out: string[] = [];
    for (const id of userIds) {
      let c = this.counts.get(id);
      if (!c) {
        c = [0, 0];
        this.counts.set(id, c);
      }
      if (c[idx] >= MembershipLimits.MAX) continue;
      c[idx]++;
      out.push(id);
    }
    return out;
  }
}
