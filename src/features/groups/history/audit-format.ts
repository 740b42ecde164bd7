import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, plural, t } from '@lingui/core/macro';
import type { AuditLogMessage } from '@/api/generated/model/auditLogMessage';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { EntityChange } from '@/api/generated/model/entityChange';
import type { GroupContact } from '@/api/generated/model/groupContact';
import type { GroupCreate } from '@/api/generated/model/groupCreate';
import type { GroupUpdate } from '@/api/generated/model/groupUpdate';
import type { Image } from '@/api/generated/model/image';
import type { PropertyChange } from '@/api/generated/model/propertyChange';
import type { RestorePlan } from '../core/group-mutations';
import { divisionsInWords } from '../core/group-grants';
import { NO_VALUE, valueInWords } from '../core/group-vocabulary';
import { describeBlock, toBlocks } from '../rules/rule-model';
import { formatLongDay, formatRelative } from '@/lib/locale';

/**
 * Reading audit records (`AuditLogMessage`, docs/audit.md): what each says, in words, and what a
 * revert or a restore sends back. Pure functions: the History tab, Recently deleted and the person
 * drawer render what these return.
 */

/** Each action's label (a filter chip, an entry's badge), as a message: show it with actionLabelOf. */
export const ACTION_LABELS = {
  Create: msg({ message: 'Created', comment: 'history action: the group was created' }),
  Update: msg({ message: 'Changed', comment: 'history action: the group was changed' }),
  Delete: msg({ message: 'Deleted', comment: 'history action: the group was deleted' }),
  MemberAdd: msg({ message: 'Members added', comment: 'history action' }),
  MemberRemove: msg({ message: 'Members removed', comment: 'history action' }),
  GrantAdd: msg({ message: 'Roles granted', comment: 'history action' }),
  GrantRemove: msg({ message: 'Roles removed', comment: 'history action' }),
} as const satisfies Record<string, MessageDescriptor>;
export type HistoryAction = keyof typeof ACTION_LABELS;
export const HISTORY_ACTIONS = Object.keys(ACTION_LABELS) as HistoryAction[];
export const isHistoryAction = (value: unknown): value is HistoryAction =>
  typeof value === 'string' && value in ACTION_LABELS;

/** An action's label in the page's language: "Created", "Members added". */
export const actionLabelOf = (action: HistoryAction): string => i18n._(ACTION_LABELS[action]);

/** A property's label in History: the group vocabulary's (core/group-vocabulary.ts). */
export { propertyLabel } from '../core/group-vocabulary';

const BOOLEAN_PROPERTIES = new Set(['rulesVisible', 'rolesEnabled', 'includeOwners', 'callsEnabled']);

const parseJson = <T>(text: string): T | undefined => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
};

const describeContact = (text: string): string => {
  const c = parseJson<GroupContact>(text);
  if (!c) return text;
  const extension = c.extension;
  return [
    c.address,
    extension ? t({ message: `ext. ${extension}`, comment: "a phone number's extension, after the number" }) : '',
    c.type ? `(${c.type})` : '',
  ]
    .filter(Boolean)
    .join(' ');
};

/**
 * One side of a property change in words; `names` turns owner ids into names (from the record's
 * entity changes). NO_VALUE when there is no value.
 */
export const formatValues = (
  property: string | undefined,
  values: readonly string[] | undefined,
  names: ReadonlyMap<string, string> = new Map(),
): string => {
  const list = values ?? [];
  if (list.length === 0) return NO_VALUE;
  if (property && BOOLEAN_PROPERTIES.has(property))
    return list[0] === 'true'
      ? t({ message: 'Yes', comment: "a yes/no setting's value in History" })
      : t({ message: 'No', comment: "a yes/no setting's value in History" });
  if (property === 'addresses') return list.map(describeContact).join(', ');
  if (property === 'images') return plural(list.length, { one: '# image', other: '# images' });
  if (property === 'ownerIds') return list.map((id) => names.get(id) ?? id).join(', ');
  if (property === 'dynamicSettings') return rulesLines(list[0]).join('; ') || NO_VALUE;
  return list.map((value) => valueInWords(property, value)).join(', ');
};

/** The rule blocks of a stored dynamic query, one readable line each ("All of: Routing skill …"). */
export const rulesLines = (text: string | undefined): string[] => {
  if (!text) return [];
  const query = parseJson<DynamicGroupQuery>(text);
  if (!query || !Array.isArray(query.skillConditions)) return [text];
  return toBlocks(query).map((block) => blockLine(block.operation, describeBlock(block)));
};

/** One rule block as a line: "All of: Routing skill Billing at least 3". */
const blockLine = (operation: string, conditions: string): string => {
  switch (operation) {
    case 'And':
      return t({ message: `All of: ${conditions}`, comment: 'a block of membership rules: every condition must hold' });
    case 'Or':
      return t({ message: `Any of: ${conditions}`, comment: 'a block of membership rules: one condition must hold' });
    case 'Not':
      return t({ message: `None of: ${conditions}`, comment: 'a block of membership rules: no condition may hold' });
    default:
      return `${operation}: ${conditions}`;
  }
};

export interface RulesDiffLine {
  kind: 'added' | 'removed' | 'kept';
  text: string;
}

/** A dynamicSettings change as a line diff of its condition blocks: removed first, then kept, then added. */
export const rulesDiff = (change: PropertyChange): RulesDiffLine[] => {
  const before = rulesLines(change.oldValues?.[0]);
  const after = rulesLines(change.newValues?.[0]);
  const afterSet = new Set(after);
  const beforeSet = new Set(before);
  return [
    ...before.filter((l) => !afterSet.has(l)).map((text) => ({ kind: 'removed' as const, text })),
    ...after.filter((l) => beforeSet.has(l)).map((text) => ({ kind: 'kept' as const, text })),
    ...after.filter((l) => !beforeSet.has(l)).map((text) => ({ kind: 'added' as const, text })),
  ];
};

/** Owner names by id, from the record's entity changes (records name owners there, not in ownerIds). */
export const entityNames = (record: AuditLogMessage): Map<string, string> =>
  new Map(
    (record.entityChanges ?? [])
      .filter((c): c is EntityChange & { entityId: string } => !!c.entityId)
      .map((c) => [c.entityId, c.entityName ?? c.entityId]),
  );

/** The people a MemberAdd/MemberRemove record lists (membership entries only; not ownership). */
export const memberChanges = (record: AuditLogMessage): EntityChange[] =>
  record.action === 'MemberAdd' || record.action === 'MemberRemove' ? (record.entityChanges ?? []) : [];

/**
 * The roles a GrantAdd/GrantRemove record changed, one line each: "Role Group Editor granted in Home",
 * "Role Directory Auditor removed in all divisions". Each entity change is a role with the division ids
 * held before and after (`*` = every division); `divisionNames` names them (an unknown id stands as is).
 */
export const grantChanges = (
  record: AuditLogMessage,
  divisionNames: ReadonlyMap<string, string> = new Map(),
): string[] => {
  if (record.action !== 'GrantAdd' && record.action !== 'GrantRemove') return [];
  const granting = record.action === 'GrantAdd';
  return (record.entityChanges ?? []).flatMap((change) => {
    const before = change.oldValues ?? [];
    const after = change.newValues ?? [];
    const changed = granting ? after.filter((d) => !before.includes(d)) : before.filter((d) => !after.includes(d));
    if (changed.length === 0) return [];
    const divisions = divisionsInWords(changed.map((id) => ({ id, name: divisionNames.get(id) ?? id })));
    const role =
      change.entityName ??
      change.entityId ??
      t({ message: 'unknown', comment: 'stands for a role the record does not name, in "Role unknown granted in …"' });
    return [granting ? t`Role ${role} granted in ${divisions}` : t`Role ${role} removed in ${divisions}`];
  });
};

const REASON_WORDS: Record<string, MessageDescriptor> = {
  individual: msg({ message: 'by hand', comment: 'why someone is a member: "now a member by hand"' }),
  owner: msg({ message: 'as owner', comment: 'why someone is a member: "now a member as owner"' }),
  rule: msg({ message: 'by rule', comment: 'why someone is a member: "now a member by rule"' }),
};

/** "by hand", "by rule", "as owner and by rule": why someone joined (newValues) or was a member (oldValues). */
export const describeReasons = (reasons: readonly string[] | undefined): string => {
  const phrases = (reasons ?? []).map((r) => {
    const words = REASON_WORDS[r];
    return words ? i18n._(words) : r;
  });
  if (phrases.length === 0) return '';
  return phrases.reduce((earlier, reason) =>
    t({
      message: `${earlier} and ${reason}`,
      comment: 'joins the reasons someone is a member: "as owner and by rule"',
    }),
  );
};

/** Who made the change: the user's name, else the OAuth client (client-credentials tokens). */
export const actorName = (record: AuditLogMessage): string => {
  const clientId = record.client?.id;
  return (
    record.user?.name ??
    (record.user?.id
      ? record.user.id
      : clientId
        ? t`API client ${clientId}`
        : t({ message: 'Unknown', comment: 'who made a change, when the record names no one' }))
  );
};

// ─── Time ──────────────────────────────────────────────────────────────────────────────────────

/** The local calendar day of an instant, `YYYY-MM-DD` (the timeline's grouping key). */
export const localDayKey = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

export interface DayGroup<T> {
  day: string;
  items: T[];
}

/** Records grouped by local day, in the order given (the query's order: newest first). */
export const groupByDay = <T extends { eventDate?: string }>(records: readonly T[]): DayGroup<T>[] => {
  const groups: DayGroup<T>[] = [];
  for (const record of records) {
    const day = record.eventDate ? localDayKey(new Date(record.eventDate)) : 'unknown';
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(record);
    else groups.push({ day, items: [record] });
  }
  return groups;
};

/** "Today", "Yesterday", or the date in words ("Monday, 16 November 2026"). */
export const dayHeading = (day: string, now: Date = new Date()): string => {
  if (day === 'unknown') return t({ message: 'Unknown date', comment: "heading of the history's undated changes" });
  if (day === localDayKey(now)) return t({ message: 'Today', comment: 'heading of a day in the history' });
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === localDayKey(yesterday)) return t({ message: 'Yesterday', comment: 'heading of a day in the history' });
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return formatLongDay(new Date(y, m - 1, d));
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export const relativeTime = (date: Date, now: Date = new Date()): string => {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatRelative(Math.round(seconds / size), unit);
  }
  return t({ message: 'just now', comment: 'when a change was made: less than a minute ago' });
};

// ─── Revert and restore ───────────────────────────────────────────────────────────────────────

/** Properties a revert can put back with PUT /groups/{id} (type is fixed; rules have their own endpoint). */
const REVERTIBLE = new Set([
  'name',
  'description',
  'visibility',
  'rulesVisible',
  'rolesEnabled',
  'includeOwners',
  'callsEnabled',
  'email',
  'addresses',
  'images',
  'ownerIds',
]);

/** The fields of an update body, from values as records encode them (docs/audit.md, "Value encodings"). */
const decodeProperty = (property: string, values: readonly string[]): Partial<GroupUpdate> | null => {
  switch (property) {
    case 'name':
      return values.length ? { name: values[0] } : null;
    case 'description':
      return { description: values[0] ?? '' };
    case 'email':
      return { email: values[0] ?? '' };
    case 'visibility':
      return values[0] === 'public' || values[0] === 'owners' || values[0] === 'members'
        ? { visibility: values[0] }
        : null;
    case 'rulesVisible':
    case 'rolesEnabled':
    case 'includeOwners':
    case 'callsEnabled':
      return values.length ? { [property]: values[0] === 'true' } : null;
    case 'addresses': {
      const parsed = values.map((v) => parseJson<GroupContact>(v));
      return parsed.every(Boolean) ? { addresses: parsed as GroupContact[] } : null;
    }
    case 'images': {
      const parsed = values.map((v) => parseJson<Image>(v));
      return parsed.every(Boolean) ? { images: parsed as Image[] } : null;
    }
    case 'ownerIds':
      return { ownerIds: [...values] };
    default:
      return null;
  }
};

/** The changes of an Update record a revert can put back (empty when none). */
export const revertibleChanges = (record: AuditLogMessage): PropertyChange[] =>
  record.action === 'Update'
    ? (record.propertyChanges ?? []).filter(
        (c) => !!c.property && REVERTIBLE.has(c.property) && decodeProperty(c.property, c.oldValues ?? []) !== null,
      )
    : [];

/** The PUT body of a revert: every revertible property's old values, on `version` (the group's current). */
export const revertBody = (record: AuditLogMessage, version: number): GroupUpdate => {
  const body: GroupUpdate = { version };
  for (const change of revertibleChanges(record)) {
    Object.assign(body, decodeProperty(change.property ?? '', change.oldValues ?? []));
  }
  return body;
};

/** What restoring a deleted group sends, from its Delete record's snapshot; null when the record has none. */
export const restorePlan = (record: AuditLogMessage): RestorePlan | null => {
  if (record.action !== 'Delete') return null;
  const old = new Map((record.propertyChanges ?? []).map((c) => [c.property ?? '', c.oldValues ?? []]));
  const name = old.get('name')?.[0] ?? record.entity?.name;
  if (!name) return null;
  const create: GroupCreate = {
    name,
    type: old.get('type')?.[0] === 'social' ? 'social' : 'official',
    visibility: 'public',
    rulesVisible: true,
  };
  for (const [property, values] of old) {
    if (property === 'name' || property === 'type' || property === 'dynamicSettings' || property === 'state') continue;
    Object.assign(create, decodeProperty(property, values));
  }
  const rulesText = old.get('dynamicSettings')?.[0];
  const rules = rulesText ? (parseJson<DynamicGroupQuery>(rulesText) ?? null) : null;
  const individuals = (record.entityChanges ?? [])
    .filter((c) => c.oldValues?.includes('individual') && c.entityId)
    .map((c) => ({ id: c.entityId ?? '', name: c.entityName ?? c.entityId ?? '' }));
  return { create, rules, individuals };
};
