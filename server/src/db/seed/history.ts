/**
 * Seeded change history (docs/audit.md): the records the demo and large orgs would have collected, written
 * through recordAudit (domain/audit/record.ts) in the shapes the live server writes them.
 *
 * Demo: four weeks of believable history that ends in the seeded state: groups created, members added
 * by hand and by rules, people who joined and left again, renames, description edits, owner changes,
 * and two deleted groups with full snapshots (for "Recently deleted"); one group was created half a year
 * earlier (DEMO_CREATED_LONG_AGO), so the history reaches past 90 days. Each group's `version` and
 * `date_modified` are set to those of its last recorded change.
 *
 * The large org's history is in history-large.ts.
 *
 * Both are dated back from the seeding (the demo from the start of that day, UTC), so the history is
 * recent when the database is new.
 */
import type Database from 'better-sqlite3';
import { groupState } from '../../domain/audit/group-changes.js';
import type { AuditActor } from '../../domain/audit/record.js';
import type { GroupRow } from '../../domain/groups/groups.js';
import { dynamicQueryUsersSql, type DynamicGroupQuery } from '../../domain/membership/dynamic-query.js';
import {
  ACTORS,
  byName,
  type Change,
  DAY,
  idsOf,
  Membership,
  memberRecords,
  ownerEntries,
  setProperties,
  userNames,
  workTime,
  writeChanges,
} from './history-records.js';
import { DEMO_GROUPS, PERSONAS } from './personas.js';
import { Rng } from './prng.js';

export const DEMO_HISTORY_DAYS = 28;
/**
 * One group of the demo was created long before the rest of the history (26 weeks before its later changes,
 * so on the same weekday): its Create record lies past the realtime window and past 90 days, within the year
 * the asynchronous query reaches.
 */
export const DEMO_CREATED_LONG_AGO = { group: DEMO_GROUPS.rolesDisabled, weeksEarlier: 26 } as const;
/** The oldest record of the demo history lies at most this many days back. */
export const DEMO_OLDEST_DAYS = DEMO_HISTORY_DAYS + DEMO_CREATED_LONG_AGO.weeksEarlier * 7;

/** The two deleted groups of the demo org (gone from `groups`; only their history remains). */
export const DEMO_DELETED_GROUPS = {
  holidayCoverage: { id: '9c3d4e5f-00d1-4b00-9a00-0000000000d1', name: 'Holiday Coverage 2025' },
  pilotTesters: { id: '9c3d4e5f-00d2-4b00-9a00-0000000000d2', name: 'Spanish Chat Pilot' },
} as const;

// ---------------------------------------------------------------------------------------------
// Demo

/** Earlier names and descriptions of some named groups (the story renames or rewords them). */
const DEMO_EDITS: Record<string, { name?: string; description?: string }> = {
  [DEMO_GROUPS.ownedByOwner.id]: { name: 'Care Escalations', description: 'Senior agents for escalated cases.' },
  [DEMO_GROUPS.small.id]: { description: 'New joiners, for the onboarding sessions.' },
  [DEMO_GROUPS.social.id]: { name: 'Lunchtime Runners', description: 'Easy runs at noon.' },
  [DEMO_GROUPS.dynamic.id]: { name: 'Spanish Agents' },
  [DEMO_GROUPS.ownersOnly.id]: { description: 'Approves refunds above the agent limit.' },
  [DEMO_GROUPS.socialMembersOnly.id]: { name: 'Supervisors Reading Circle' },
};

/** How a group's story goes: an earlier name, description and owners, and who joined only to leave. */
interface Story {
  row: GroupRow;
  created: boolean;
  actor: AuditActor;
  earlierName?: string;
  earlierDescription?: string | null;
  earlierOwners?: string[];
  /** Rules one proficiency lower at first, tightened later: who matched only those left by rule. */
  earlierRule?: { query: string; only: string[] };
  leavers: string[];
}

/** The demo history ends at the start of the day of seeding (UTC): two seeds of one day are identical. */
export function seedDemoHistory(db: Database.Database, now = Math.floor(Date.now() / DAY) * DAY): void {
  const rng = new Rng(20261101);
  const names = userNames(db);
  const rows = db.prepare('SELECT * FROM groups ORDER BY sort_name, id').all() as GroupRow[];
  const activeRegular = (
    db.prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id").pluck().all() as string[]
  ).filter((id) => !Object.values(PERSONAS).some((p) => p.id === id));
  const leaders = db
    .prepare("SELECT DISTINCT user_id FROM group_owners WHERE user_id IN (SELECT id FROM users WHERE state = 'active')")
    .pluck()
    .all() as string[];
  const named = new Set<string>(Object.values(DEMO_GROUPS).map((g) => g.id));
  const chosen = [
    ...rows.filter((r) => named.has(r.id)),
    ...rng.sample(
      rows.filter((r) => !named.has(r.id)),
      40,
    ),
  ];
  const changes: Change[] = [];
  const firstVersions = new Map<string, number>();

  for (const row of chosen) {
    const owners = idsOf(db, 'group_owners', row.id);
    const individuals = idsOf(db, 'group_individuals', row.id);
    const personaOwned = owners.includes(PERSONAS.owner.id);
    const edits = DEMO_EDITS[row.id] ?? {};
    const random = !named.has(row.id);
    const story: Story = {
      row,
      // Large groups predate the history: only their later edits are in it.
      created: individuals.length <= 200,
      actor: personaOwned ? ACTORS.owner : rng.chance(0.7) ? ACTORS.admin : ACTORS.editor,
      earlierName: edits.name ?? (random && rng.chance(0.2) ? `${row.name} (pilot)` : undefined),
      earlierDescription: edits.description ?? (random && row.description && rng.chance(0.3) ? null : undefined),
      earlierOwners:
        !row.include_owners && owners.length && !personaOwned && rng.chance(0.25)
          ? [rng.pick(leaders.filter((id) => !owners.includes(id)))]
          : undefined,
      earlierRule: row.id === DEMO_GROUPS.dynamic.id ? looserRule(db, row.id) : undefined,
      leavers: rng.chance(0.5)
        ? rng.sample(
            activeRegular.filter((id) => !individuals.includes(id)),
            rng.int(1, 3),
          )
        : [],
    };
    changes.push(...demoGroupStory(db, rng, now, story, owners, individuals, names));
    if (!story.created) firstVersions.set(row.id, rng.int(3, 9));
  }
  changes.push(...deletedGroupStories(db, rng, now, activeRegular, names));

  const last = writeChanges(db, changes, (id) => firstVersions.get(id) ?? 1);
  const update = db.prepare('UPDATE groups SET version = ?, date_modified = ? WHERE id = ?');
  for (const [id, { version, time }] of last) update.run(version, new Date(time).toISOString(), id);
}

function demoGroupStory(
  db: Database.Database,
  rng: Rng,
  now: number,
  story: Story,
  owners: string[],
  individuals: string[],
  names: (id: string) => string,
): Change[] {
  const { row, actor } = story;
  const out: Change[] = [];
  const state = groupState(db, row).properties;
  const dynamic = db.prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?').pluck().get(row.id) as
    string | undefined;
  const ruleIds = db
    .prepare('SELECT user_id FROM group_members WHERE group_id = ? AND is_rule = 1 ORDER BY user_id')
    .pluck()
    .all(row.id) as string[];
  const members = new Membership(names);
  let name = story.earlierName ?? row.name;
  let day = rng.int(DEMO_HISTORY_DAYS - 8, DEMO_HISTORY_DAYS - 1);
  let lastTime = workTime(rng, now, day);
  // Each change after the one before, a few working days apart.
  const next = () => {
    day = Math.max(0, day - rng.int(1, 4));
    lastTime = Math.min(now - 60_000, Math.max(workTime(rng, now, day), lastTime + rng.int(5, 90) * 60_000));
    return lastTime;
  };
  const change = (operation: string, records: Change['records'], by: AuditActor = actor): void => {
    out.push({ time: next(), groupId: row.id, actor: by, operation, records, name });
  };
  const includeOwners = row.include_owners === 1;

  if (story.created) {
    const initialOwners = story.earlierOwners ?? owners;
    const properties = new Map(state);
    properties.set('name', [name]);
    if (story.earlierDescription !== undefined)
      properties.set('description', story.earlierDescription ? [story.earlierDescription] : []);
    properties.set('ownerIds', [...initialOwners].sort());
    const longAgo = row.id === DEMO_CREATED_LONG_AGO.group.id ? DEMO_CREATED_LONG_AGO.weeksEarlier * 7 * DAY : 0;
    out.push({
      time: lastTime - longAgo,
      groupId: row.id,
      actor: story.actor === ACTORS.owner ? ACTORS.admin : actor,
      operation: 'createGroup',
      name,
      records: [
        {
          action: 'Create',
          propertyChanges: setProperties(properties, 'new'),
          entityChanges: ownerEntries(names, [], initialOwners),
        },
        ...memberRecords(members.apply(includeOwners ? initialOwners : [], 'owner', true)),
      ],
    });
    // Individuals in one to three batches, the leavers among them.
    const joining = rng.sample([...individuals, ...story.leavers], individuals.length + story.leavers.length);
    const batches = Math.min(joining.length, rng.int(1, 3));
    for (let b = 0; b < batches; b++) {
      const batch = joining.filter((_, i) => i % batches === b);
      change('addGroupMembers', memberRecords(members.apply(batch, 'individual', true)));
    }
    if (dynamic) {
      const first = story.earlierRule;
      change('updateGroupDynamicSettings', [
        {
          action: 'Update',
          propertyChanges: [{ property: 'dynamicSettings', oldValues: [], newValues: [first?.query ?? dynamic] }],
        },
        ...memberRecords(members.apply([...ruleIds, ...(first?.only ?? [])], 'rule', true)),
      ]);
    }
  } else if (story.leavers.length) {
    change('addGroupMembers', memberRecords(members.apply(story.leavers, 'individual', true)));
  }

  const edits: Array<() => void> = [];
  if (story.earlierName !== undefined)
    edits.push(() => {
      const old = name;
      name = row.name;
      change('updateGroup', [
        { action: 'Update', propertyChanges: [{ property: 'name', oldValues: [old], newValues: [name] }] },
      ]);
    });
  if (story.earlierDescription !== undefined)
    edits.push(() =>
      change('updateGroup', [
        {
          action: 'Update',
          propertyChanges: [
            {
              property: 'description',
              oldValues: story.earlierDescription ? [story.earlierDescription] : [],
              newValues: state.get('description') ?? [],
            },
          ],
        },
      ]),
    );
  if (story.earlierOwners)
    edits.push(() =>
      change('updateGroup', [
        {
          action: 'Update',
          propertyChanges: [
            { property: 'ownerIds', oldValues: [...story.earlierOwners!].sort(), newValues: [...owners].sort() },
          ],
          entityChanges: ownerEntries(names, story.earlierOwners!, owners),
        },
      ]),
    );
  const looser = story.earlierRule;
  if (looser && dynamic)
    edits.push(() =>
      change('updateGroupDynamicSettings', [
        {
          action: 'Update',
          propertyChanges: [{ property: 'dynamicSettings', oldValues: [looser.query], newValues: [dynamic] }],
        },
        ...memberRecords(members.apply(looser.only, 'rule', false)),
      ]),
    );
  if (story.leavers.length)
    edits.push(() =>
      change(
        'removeGroupMembers',
        memberRecords(members.apply(story.leavers, 'individual', false)),
        rng.chance(0.3) ? ACTORS.sync : actor,
      ),
    );
  for (const edit of rng.sample(edits, edits.length)) edit();
  return out;
}

/**
 * The group's rules with every proficiency one lower, as stored, and the users only they match (active
 * users, as the rules count them); undefined when that matches no one more.
 */
function looserRule(db: Database.Database, groupId: string): { query: string; only: string[] } | undefined {
  const json = db.prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?').pluck().get(groupId) as
    string | undefined;
  if (json === undefined) return undefined;
  const lower = <T extends { proficiency: number }>(conditions: T[]): T[] =>
    conditions.map((c) => ({ ...c, proficiency: Math.max(0, c.proficiency - 1) }));
  const current = JSON.parse(json) as DynamicGroupQuery;
  const looser: DynamicGroupQuery = {
    ...current,
    skillConditions: current.skillConditions.map((c) => ({
      ...c,
      routingSkillConditions: lower(c.routingSkillConditions),
      languageSkillConditions: lower(c.languageSkillConditions),
    })),
  };
  const matching = (query: DynamicGroupQuery) => {
    const { sql, params } = dynamicQueryUsersSql(query);
    return new Set(
      db
        .prepare(sql)
        .pluck()
        .all(...params) as string[],
    );
  };
  const now = matching(current);
  const only = [...matching(looser)].filter((id) => !now.has(id)).sort();
  return only.length ? { query: JSON.stringify(looser), only } : undefined;
}

/** Two groups created, filled and deleted within the demo history: a Delete record with the full snapshot each. */
function deletedGroupStories(
  db: Database.Database,
  rng: Rng,
  now: number,
  activeRegular: string[],
  names: (id: string) => string,
): Change[] {
  const dynamic = db
    .prepare('SELECT query_json FROM group_dynamic_settings WHERE group_id = ?')
    .pluck()
    .get(DEMO_GROUPS.dynamic.id) as string;
  const spanish = db
    .prepare('SELECT user_id FROM group_members WHERE group_id = ? AND is_rule = 1 ORDER BY user_id')
    .pluck()
    .all(DEMO_GROUPS.dynamic.id) as string[];
  const stories = [
    {
      group: DEMO_DELETED_GROUPS.holidayCoverage,
      description: 'Agents who volunteered for the December holiday shifts.',
      email: 'holiday-coverage@example.com',
      owners: [PERSONAS.owner.id],
      individuals: rng.sample(activeRegular, 14),
      dynamic: undefined as string | undefined,
      ruleIds: [] as string[],
      days: [24, 20, 9],
    },
    {
      group: DEMO_DELETED_GROUPS.pilotTesters,
      description: 'Agents in the Spanish web chat pilot (ended).',
      email: undefined,
      owners: [PERSONAS.admin.id, PERSONAS.editor.id],
      individuals: rng.sample(activeRegular, 6),
      dynamic,
      ruleIds: spanish,
      days: [19, 17, 3],
    },
  ];
  const out: Change[] = [];
  for (const s of stories) {
    const members = new Membership(names);
    const properties = new Map<string, string[]>([
      ['name', [s.group.name]],
      ['description', [s.description]],
      ['type', ['official']],
      ['visibility', ['public']],
      ['state', ['active']],
      ['rulesVisible', ['true']],
      ['rolesEnabled', ['false']],
      ['includeOwners', ['false']],
      ['callsEnabled', ['false']],
      ['email', s.email ? [s.email] : []],
      ['addresses', []],
      ['images', []],
      ['ownerIds', [...s.owners].sort()],
    ]);
    const base = { groupId: s.group.id, name: s.group.name, actor: ACTORS.admin };
    const [created, filled, deleted] = s.days.map((d) => workTime(rng, now, d)) as [number, number, number];
    out.push({
      ...base,
      time: created,
      operation: 'createGroup',
      records: [
        {
          action: 'Create',
          propertyChanges: setProperties(properties, 'new'),
          entityChanges: ownerEntries(names, [], s.owners),
        },
      ],
    });
    out.push({
      ...base,
      time: filled,
      operation: 'addGroupMembers',
      records: memberRecords(members.apply(s.individuals, 'individual', true)),
    });
    if (s.dynamic)
      out.push({
        ...base,
        time: filled + 5 * 60_000,
        operation: 'updateGroupDynamicSettings',
        records: [
          {
            action: 'Update',
            propertyChanges: [{ property: 'dynamicSettings', oldValues: [], newValues: [s.dynamic] }],
          },
          ...memberRecords(members.apply(s.ruleIds, 'rule', true)),
        ],
      });
    const everyone = [...members.reasons.keys()];
    const leaving = byName(
      everyone.map((id) => ({
        entityId: id,
        entityName: names(id),
        entityType: 'User',
        oldValues: [...members.reasons.get(id)!].sort(),
        newValues: [],
      })),
    );
    out.push({
      ...base,
      time: deleted,
      operation: 'deleteGroup',
      records: [
        { action: 'MemberRemove', entityChanges: leaving },
        {
          action: 'Delete',
          propertyChanges: [
            ...setProperties(properties, 'old'),
            ...(s.dynamic ? [{ property: 'dynamicSettings', oldValues: [s.dynamic], newValues: [] }] : []),
          ],
          entityChanges: [
            ...ownerEntries(names, s.owners, []),
            ...[...s.individuals].sort().map((id) => ({
              entityId: id,
              entityName: names(id),
              entityType: 'User',
              oldValues: ['individual'],
              newValues: [],
            })),
          ],
        },
      ],
    });
  }
  return out;
}
