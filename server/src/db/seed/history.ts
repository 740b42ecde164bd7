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
 * Large: at least LARGE_HISTORY_RECORDS records over LARGE_HISTORY_DAYS days, membership churn and
 * description edits on every group, many on the 500-member group (the bench's history query). It is
 * volume for the queries, not a story: its member records are not replayed against the seeded members.
 *
 * Both are dated back from the seeding (the demo from the start of that day, UTC), so the history is
 * recent when the database is new.
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { CONSOLE_CLIENT_ID } from '../../auth/clients.js';
import { groupState, INITIATING_ACTIONS, type GroupOperation } from '../../domain/audit/group-changes.js';
import { recordAudit, type AuditActor } from '../../domain/audit/record.js';
import type { AuditAction, EntityChange, PropertyChange } from '../../domain/audit/types.js';
import type { GroupRow } from '../../domain/groups/groups.js';
import { dynamicQueryUsersSql, type DynamicGroupQuery } from '../../domain/membership/dynamic-query.js';
import { DEMO_GROUPS, LARGE_GROUPS, PERSONAS } from './personas.js';
import { Rng } from './prng.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

export const DEMO_HISTORY_DAYS = 28;
/**
 * One group of the demo was created long before the rest of the history (26 weeks before its later changes,
 * so on the same weekday): its Create record lies past the realtime window and past 90 days, within the year
 * the asynchronous query reaches.
 */
export const DEMO_CREATED_LONG_AGO = { group: DEMO_GROUPS.rolesDisabled, weeksEarlier: 26 } as const;
/** The oldest record of the demo history lies at most this many days back. */
export const DEMO_OLDEST_DAYS = DEMO_HISTORY_DAYS + DEMO_CREATED_LONG_AGO.weeksEarlier * 7;
export const LARGE_HISTORY_RECORDS = 1_000_000;
export const LARGE_HISTORY_DAYS = 120;
/** Records of the 500-member group in the large org (the bench's "one group over 90 days"). */
export const LARGE_BENCH_GROUP_RECORDS = 20_000;

/** The two deleted groups of the demo org (gone from `groups`; only their history remains). */
export const DEMO_DELETED_GROUPS = {
  holidayCoverage: { id: '9c3d4e5f-00d1-4b00-9a00-0000000000d1', name: 'Holiday Coverage 2025' },
  pilotTesters: { id: '9c3d4e5f-00d2-4b00-9a00-0000000000d2', name: 'Spanish Chat Pilot' },
} as const;

type Reason = 'individual' | 'owner' | 'rule';

/** One request's records: written together, at one time, under one version of the group. */
interface Change {
  time: number;
  groupId: string;
  actor: AuditActor;
  operation: string;
  records: Array<{
    action: AuditAction;
    propertyChanges?: PropertyChange[];
    entityChanges?: EntityChange[];
    context?: Record<string, string>;
  }>;
  /** The group's name after the change (for a delete: before it). */
  name: string;
}

const ACTORS = {
  admin: { userId: PERSONAS.admin.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.2.15'] },
  editor: { userId: PERSONAS.editor.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.7.33'] },
  owner: { userId: PERSONAS.owner.id, clientId: CONSOLE_CLIENT_ID, remoteIp: ['10.40.3.21'] },
  /** The HR sync: a client-credentials client, no user. */
  sync: { userId: null, clientId: 'demo-admin', remoteIp: ['10.40.9.4'] },
} as const satisfies Record<string, AuditActor>;

/** A time on a working day (08:00–17:59 UTC), `daysAgo` days before `now`, never later than an hour ago. */
function workTime(rng: Rng, now: number, daysAgo: number): number {
  const day = Math.floor((now - daysAgo * DAY) / DAY) * DAY;
  let t = day + 8 * HOUR + rng.int(0, 10 * HOUR - 1);
  const weekday = new Date(t).getUTCDay();
  if (weekday === 0) t -= 2 * DAY;
  if (weekday === 6) t -= DAY;
  return Math.min(t, now - HOUR - rng.int(0, HOUR));
}

const OPTIONAL = new Set(['description', 'email', 'addresses', 'images', 'ownerIds']);

/** The properties a Create (newValues) or Delete (oldValues) record lists, as group-changes.ts writes them. */
function setProperties(properties: Map<string, string[]>, side: 'old' | 'new'): PropertyChange[] {
  return [...properties]
    .filter(([property, values]) => !(OPTIONAL.has(property) && values.length === 0))
    .map(([property, values]) =>
      side === 'new' ? { property, oldValues: [], newValues: values } : { property, oldValues: values, newValues: [] },
    );
}

/** The members of a group and why, as the story goes along; it words each membership change. */
class Membership {
  readonly reasons = new Map<string, Set<Reason>>();

  constructor(private readonly names: (id: string) => string) {}

  /** Gives (or takes) `reason` to each user; the MemberAdd and MemberRemove entries, as docs/audit.md lists them. */
  apply(ids: readonly string[], reason: Reason, give: boolean): { added: EntityChange[]; removed: EntityChange[] } {
    const added: EntityChange[] = [];
    const removed: EntityChange[] = [];
    for (const id of ids) {
      const set = this.reasons.get(id) ?? new Set<Reason>();
      const before = [...set].sort();
      if (give === set.has(reason)) continue;
      if (give) set.add(reason);
      else set.delete(reason);
      const after = [...set].sort();
      if (after.length) this.reasons.set(id, set);
      else this.reasons.delete(id);
      const entry = {
        entityId: id,
        entityName: this.names(id),
        entityType: 'User',
        oldValues: before,
        newValues: after,
      };
      const joined = before.length === 0 || (give && reason === 'individual');
      const left = after.length === 0 || (!give && reason === 'individual');
      if (give && joined) added.push(entry);
      if (!give && left) removed.push(entry);
    }
    return { added: byName(added), removed: byName(removed) };
  }
}

/** Membership entries in the order the live server lists them (docs/audit.md): by name, then id. */
const byName = (changes: EntityChange[]) =>
  changes.sort(
    (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? '') || a.entityId.localeCompare(b.entityId),
  );

const memberRecords = (m: { added: EntityChange[]; removed: EntityChange[] }) => [
  ...(m.added.length ? [{ action: 'MemberAdd' as const, entityChanges: m.added }] : []),
  ...(m.removed.length ? [{ action: 'MemberRemove' as const, entityChanges: m.removed }] : []),
];

/** Owner entries as the live server lists them: those added, then those removed, each by id. */
const ownerEntries = (names: (id: string) => string, before: readonly string[], after: readonly string[]) => [
  ...[...after]
    .sort()
    .filter((id) => !before.includes(id))
    .map((id) => ({ entityId: id, entityName: names(id), entityType: 'User', oldValues: [], newValues: ['owner'] })),
  ...[...before]
    .sort()
    .filter((id) => !after.includes(id))
    .map((id) => ({ entityId: id, entityName: names(id), entityType: 'User', oldValues: ['owner'], newValues: [] })),
];

/**
 * Writes the changes oldest first (seq follows time, as on the live server), numbering each group's
 * versions from `firstVersion`; returns each group's last version and change time.
 */
function writeChanges(
  db: Database.Database,
  changes: Change[],
  firstVersion: (groupId: string) => number,
): Map<string, { version: number; time: number }> {
  changes.sort((a, b) => a.time - b.time);
  const last = new Map<string, { version: number; time: number }>();
  for (const change of changes) {
    const previous = last.get(change.groupId);
    const isDelete = change.records.some((r) => r.action === 'Delete');
    const version = previous ? previous.version + (isDelete ? 0 : 1) : firstVersion(change.groupId);
    last.set(change.groupId, { version, time: change.time });
    const transactionId = randomUUID();
    const initiating = INITIATING_ACTIONS[change.operation as GroupOperation] as AuditAction | undefined;
    for (const record of change.records)
      recordAudit(db, {
        transactionId,
        transactionInitiator: initiating === undefined || initiating === record.action,
        action: record.action,
        entityType: 'Group',
        entity: { id: change.groupId, name: change.name },
        propertyChanges: record.propertyChanges,
        entityChanges: record.entityChanges,
        context: { operation: change.operation, version: String(version), ...record.context },
        actor: change.actor,
        time: new Date(change.time),
      });
  }
  return last;
}

function userNames(db: Database.Database): (id: string) => string {
  const rows = db.prepare('SELECT id, name FROM users').raw().all() as Array<[string, string]>;
  const map = new Map(rows);
  return (id) => map.get(id) ?? id;
}

const idsOf = (db: Database.Database, table: 'group_owners' | 'group_individuals', groupId: string) =>
  db.prepare(`SELECT user_id FROM ${table} WHERE group_id = ? ORDER BY user_id`).pluck().all(groupId) as string[];

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

// ---------------------------------------------------------------------------------------------
// Large

/**
 * At least `total` records over LARGE_HISTORY_DAYS days: on each group, people added and (mostly) removed
 * again, and now and then a description edit; LARGE_BENCH_GROUP_RECORDS of them on the 500-member group.
 */
export function seedLargeHistory(db: Database.Database, total = LARGE_HISTORY_RECORDS, now = Date.now()): void {
  const rng = new Rng(20261102);
  const names = userNames(db);
  const groups = db.prepare('SELECT id, name, description FROM groups ORDER BY id').raw().all() as Array<
    [string, string, string | null]
  >;
  const users = db.prepare("SELECT id FROM users WHERE state = 'active' ORDER BY id").pluck().all() as string[];
  const actors: AuditActor[] = [ACTORS.admin, ACTORS.editor, ACTORS.owner, ACTORS.sync];
  const benchGroup = LARGE_GROUPS.fiveHundred.id;
  const perGroup = Math.ceil((total - LARGE_BENCH_GROUP_RECORDS) / Math.max(1, groups.length - 1));
  // Compact plans (time, group, kind, user) first, then written oldest first.
  const times: number[] = [];
  const plans: Array<[number, number, number]> = []; // group index, kind (0 add, 1 remove, 2 description), user index
  for (const [g, [id]] of groups.entries()) {
    const count = id === benchGroup ? LARGE_BENCH_GROUP_RECORDS : perGroup;
    for (let i = 0; i < count;) {
      const user = rng.int(0, users.length - 1);
      const added = now - rng.int(HOUR, LARGE_HISTORY_DAYS * DAY);
      times.push(added);
      plans.push([g, 0, user]);
      i++;
      if (i < count && rng.chance(0.9)) {
        times.push(Math.min(now - 60_000, added + rng.int(HOUR, 30 * DAY)));
        plans.push([g, 1, user]);
        i++;
      }
      if (i < count && rng.chance(0.05)) {
        times.push(now - rng.int(HOUR, LARGE_HISTORY_DAYS * DAY));
        plans.push([g, 2, 0]);
        i++;
      }
    }
  }
  const order = Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!);
  // A million rows go in faster with the indexes built once afterwards (sorted) than kept up row by row.
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audits' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  const versions = new Int32Array(groups.length).fill(1);
  for (const i of order) {
    const [g, kind, u] = plans[i]!;
    const [groupId, name, description] = groups[g]!;
    const version = ++versions[g]!;
    const userId = users[u]!;
    const entry = (from: string[], to: string[]): EntityChange => ({
      entityId: userId,
      entityName: names(userId),
      entityType: 'User',
      oldValues: from,
      newValues: to,
    });
    const byVersion = (action: AuditAction, operation: string, extra: object) =>
      recordAudit(db, {
        action,
        entityType: 'Group',
        entity: { id: groupId, name },
        ...extra,
        context: { operation, version: String(version) },
        actor: actors[(g + version) % actors.length]!,
        time: new Date(times[i]!),
      });
    if (kind === 0) byVersion('MemberAdd', 'addGroupMembers', { entityChanges: [entry([], ['individual'])] });
    else if (kind === 1)
      byVersion('MemberRemove', 'removeGroupMembers', { entityChanges: [entry(['individual'], [])] });
    else
      byVersion('Update', 'updateGroup', {
        propertyChanges: [
          { property: 'description', oldValues: [`${name} (draft).`], newValues: description ? [description] : [] },
        ],
      });
  }
  for (const { sql } of indexes) db.exec(sql);
  const update = db.prepare('UPDATE groups SET version = ? WHERE id = ?');
  for (const [g, [id]] of groups.entries()) update.run(versions[g], id);
}
