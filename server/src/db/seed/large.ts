/**
 * The benchmark org: 100,000 users and 10,000 groups, among them one group of every active user
 * (≥ 50,000 members) and one of exactly 500 members (LARGE_GROUPS).
 */
import type Database from 'better-sqlite3';
import { GroupBuilder } from './groups-builder.js';
import { rebuildGroupMembers } from '../../domain/membership/upkeep.js';
import { generateUsers, writeOrg } from './people.js';
import { LARGE_GROUPS, PERSONAS } from './personas.js';
import { Rng } from './prng.js';
import { DEPARTMENTS, OFFICES, PROJECT_CODENAMES, SOCIAL_TOPICS, TEAM_NAMES } from './words.js';

export const LARGE_USER_COUNT = 100_000;
export const LARGE_GROUP_COUNT = 10_000;
const LARGE_SEED = 1_000_003;

export function seedLarge(db: Database.Database, userCount = LARGE_USER_COUNT, groupCount = LARGE_GROUP_COUNT): void {
  const rng = new Rng(LARGE_SEED);
  const { users, divisions } = generateUsers(rng, userCount);
  const b = new GroupBuilder(rng);
  const personaIds = new Set(Object.values(PERSONAS).map((p) => p.id));
  const active = users.filter((u) => u.state === 'active');
  const regular = active.filter((u) => !personaIds.has(u.id));
  const regularIds = regular.map((u) => u.id);
  const leaders = regular.filter((u) => u.leader).map((u) => u.id);

  b.add({
    ...LARGE_GROUPS.huge,
    type: 'official',
    description: 'Everyone in the company.',
    owners: [PERSONAS.admin.id],
    individuals: active.map((u) => u.id),
  });
  b.add({
    ...LARGE_GROUPS.fiveHundred,
    type: 'official',
    description: 'Exactly five hundred agents.',
    owners: [PERSONAS.owner.id],
    individuals: rng.sample(regularIds, 500),
  });

  const prefixes = [
    ...DEPARTMENTS.map((d) => d.name),
    ...PROJECT_CODENAMES.map((p) => `Project ${p}`),
    ...OFFICES.map((o) => o.city),
  ];
  const suffixes = [...TEAM_NAMES, ...SOCIAL_TOPICS];
  let n = 0;
  while (b.groups.length < groupCount) {
    const social = rng.chance(0.2);
    const name = `${rng.pick(prefixes)} ${rng.pick(suffixes)} ${++n}`;
    // Mostly small groups, some medium, a few large.
    const r = rng.next();
    const size = r < 0.7 ? rng.int(0, 25) : r < 0.95 ? rng.int(26, 150) : rng.int(151, 1500);
    const start = rng.int(0, Math.max(0, regularIds.length - size));
    const individuals = regularIds.slice(start, start + size);
    b.add({
      id: rng.uuid(),
      name,
      type: social ? 'social' : 'official',
      visibility: rng.chance(0.8) ? 'public' : rng.chance(0.5) ? 'members' : 'owners',
      rulesVisible: !rng.chance(0.15),
      includeOwners: rng.chance(0.3),
      description: `${name}.`,
      owners: [rng.pick(leaders)],
      individuals,
    });
  }
  writeOrg(db, { divisions, users, groups: b.groups });
  rebuildGroupMembers(db);
}
