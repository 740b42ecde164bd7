import { t } from '@lingui/core/macro';
import { propertyLabel, visibilityLabel } from '../core/group-vocabulary';
import type { GroupFormValues, PhoneRowValue } from './group-schema';

/**
 * Field-by-field comparison of group form values, for the version conflict dialog: what someone
 * else changed (the version loaded vs. the server's current one), what the user changed (the
 * version loaded vs. the form), and the user's changes put onto the current version.
 */

export type GroupField = Exclude<keyof GroupFormValues, 'type'>;

export const GROUP_FIELDS: readonly GroupField[] = [
  'name',
  'description',
  'visibility',
  'rulesVisible',
  'includeOwners',
  'rolesEnabled',
  'callsEnabled',
  'addresses',
  'owners',
];

/** A field's label, from the group vocabulary, in the page's language. */
export const groupFieldLabel = (field: GroupField): string => propertyLabel(field);

/**
 * Each field's label, from the group vocabulary. Each is read when it is shown (a getter), so it is in the
 * page's language: prefer `groupFieldLabel(field)`.
 */
export const GROUP_FIELD_LABELS: Readonly<Record<GroupField, string>> = Object.defineProperties(
  {} as Record<GroupField, string>,
  Object.fromEntries(GROUP_FIELDS.map((field) => [field, { enumerable: true, get: () => groupFieldLabel(field) }])),
);

const phoneText = (row: PhoneRowValue): string => {
  const address = row.address.trim();
  const extension = row.extension.trim();
  if (row.type === 'GROUPPHONE') {
    return extension
      ? t({ message: `Phone ${address} ext. ${extension}`, comment: 'a group phone number, with its extension' })
      : t({ message: `Phone ${address}`, comment: 'a group phone number' });
  }
  return extension
    ? t({ message: `Ring ${address} ext. ${extension}`, comment: 'a group ring number, with its extension' })
    : t({ message: `Ring ${address}`, comment: 'a group ring number' });
};

/** A canonical value for comparison (row keys, whitespace and owner order do not count). */
const comparable = (values: GroupFormValues, field: GroupField): string => {
  switch (field) {
    case 'name':
    case 'description':
      return values[field].trim();
    case 'addresses':
      return JSON.stringify(values.addresses.map((r) => [r.type, r.address.trim(), r.extension.trim()]));
    case 'owners':
      return JSON.stringify(values.owners.map((o) => o.id).sort());
    default:
      return String(values[field]);
  }
};

const noValue = () => t({ message: '(none)', comment: 'a field of the group without a value, in the conflict dialog' });

/** A field's value as a person reads it, in the page's language. */
export const formatFieldValue = (values: GroupFormValues, field: GroupField): string => {
  switch (field) {
    case 'name':
      return values.name.trim();
    case 'description':
      return values.description.trim() || noValue();
    case 'visibility':
      return visibilityLabel(values.visibility);
    case 'addresses':
      return values.addresses.length ? values.addresses.map(phoneText).join(', ') : noValue();
    case 'owners':
      return values.owners.length
        ? values.owners.map((o) => o.name || t`an owner not named by the API`).join(', ')
        : noValue();
    default:
      return values[field]
        ? t({ message: 'Yes', comment: 'a setting of the group that is on' })
        : t({ message: 'No', comment: 'a setting of the group that is off' });
  }
};

/** The fields whose values differ between `a` and `b`, in form order. */
export const changedFields = (a: GroupFormValues, b: GroupFormValues): GroupField[] =>
  GROUP_FIELDS.filter((field) => comparable(a, field) !== comparable(b, field));

export interface ConflictRow {
  field: GroupField;
  label: string;
  /** The value when the edit started. */
  loaded: string;
  /** The value saved by someone else (the server's current one). */
  theirs: string;
  /** The value in the user's form. */
  mine: string;
  theyChanged: boolean;
  iChanged: boolean;
}

export interface GroupConflict {
  rows: ConflictRow[];
  /** Fields both sides changed to different values (the user's value wins on re-apply). */
  overlapping: GroupField[];
}

/** Rows for every field that someone else or the user changed since `loaded`. */
export const describeConflict = (
  loaded: GroupFormValues,
  current: GroupFormValues,
  mine: GroupFormValues,
): GroupConflict => {
  const theirs = new Set(changedFields(loaded, current));
  const ours = new Set(changedFields(loaded, mine));
  const rows = GROUP_FIELDS.filter((f) => theirs.has(f) || ours.has(f)).map((field) => ({
    field,
    label: groupFieldLabel(field),
    loaded: formatFieldValue(loaded, field),
    theirs: formatFieldValue(current, field),
    mine: formatFieldValue(mine, field),
    theyChanged: theirs.has(field),
    iChanged: ours.has(field),
  }));
  const overlapping = rows
    .filter((r) => r.theyChanged && r.iChanged && comparable(current, r.field) !== comparable(mine, r.field))
    .map((r) => r.field);
  return { rows, overlapping };
};

/** The current version with the user's changed fields (relative to `loaded`) put on top. */
export const reapplyChanges = (
  loaded: GroupFormValues,
  current: GroupFormValues,
  mine: GroupFormValues,
): GroupFormValues => {
  const merged: GroupFormValues = { ...current };
  for (const field of changedFields(loaded, mine)) {
    (merged as Record<string, unknown>)[field] = mine[field];
  }
  return merged;
};
