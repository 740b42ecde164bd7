/**
 * The group vocabulary: one label (and, where a form explains it, one help text) per property of a
 * group, per type, visibility and state. The form, the conflict dialog, the header, the list's columns
 * and filters, the CSV export/import and History all read their words from here.
 *
 * The words are messages (`msg`), translated where they are shown: `i18n._(GROUP_PROPERTIES.name.label)`,
 * or the functions below (propertyLabel, propertyHelp, typeLabel, visibilityLabel, stateLabel,
 * valueInWords), which return the words in the page's language. The CSV's headers and value words are not
 * translated (csvHeaderOf, CSV_WORDS): import reads them back.
 */
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { formatDateTime } from '@/lib/locale';

/** What a field shows when it has no value, the same on every screen (a table cell, a fact, History). */
export const NO_VALUE = '–';

/** A stored time ("2026-12-04T14:05:00Z") as a Date; undefined when absent or unreadable. */
export const storedTime = (iso: string | undefined): Date | undefined => {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/** A stored time as the console writes times; NO_VALUE when absent or unreadable. */
export const timeInWords = (iso: string | undefined): string => {
  const date = storedTime(iso);
  return date ? formatDateTime(date) : NO_VALUE;
};

export interface PropertyWording {
  /** How the property is named on screen (form, conflict dialog, History): `i18n._(label)` or propertyLabel. */
  label: MessageDescriptor;
  /** One line explaining it, where the form shows one: `i18n._(help)` or propertyHelp. */
  help?: MessageDescriptor;
  /** Its column in the groups CSV (export and import), when it has one: the same in every language. */
  csvHeader?: string;
}

/* eslint-disable lingui/no-unlocalized-strings -- the groups CSV's words: a file format that import reads back, the same in every language */
/** The groups CSV's column headers (export and import), by property. */
const CSV_HEADERS = {
  name: 'Name',
  description: 'Description',
  type: 'Type',
  visibility: 'Visibility',
  state: 'State',
  rulesVisible: 'Rules visible',
  owners: 'Owners',
  members: 'Members',
  memberCount: 'Member count',
  dateModified: 'Modified',
  id: 'Id',
} as const;

/**
 * The values' words as the groups CSV writes (the import template) and the import reads them, besides the
 * API's own values; and the label the import also takes as the rules-visible header. Not translated: a
 * file made in one language imports in any other.
 */
export const CSV_WORDS = {
  type: { official: 'Official', social: 'Social' },
  visibility: { public: 'Public', members: 'Members only', owners: 'Owners only' },
  rulesVisibleLabel: 'Membership rules visible',
} as const;
/* eslint-enable lingui/no-unlocalized-strings */

export const GROUP_PROPERTIES = {
  name: { label: msg({ message: 'Name', comment: "group property: the group's name" }), csvHeader: CSV_HEADERS.name },
  description: { label: msg`Description`, csvHeader: CSV_HEADERS.description },
  type: {
    label: msg({ message: 'Type', comment: 'group property: official or social' }),
    csvHeader: CSV_HEADERS.type,
  },
  visibility: { label: msg`Visibility`, csvHeader: CSV_HEADERS.visibility },
  state: {
    label: msg({ message: 'State', comment: 'group property: active or inactive' }),
    csvHeader: CSV_HEADERS.state,
  },
  rulesVisible: {
    label: msg`Membership rules visible`,
    help: msg`People who are not owners can see the rules that add members.`,
    csvHeader: CSV_HEADERS.rulesVisible,
  },
  includeOwners: { label: msg`Include owners as members`, help: msg`Owners count as members of the group.` },
  rolesEnabled: { label: msg`Roles enabled`, help: msg`Roles can be assigned to the group.` },
  callsEnabled: { label: msg`Calls enabled`, help: msg`People can call the group.` },
  email: { label: msg({ message: 'Email', comment: "group property: the group's email address" }) },
  addresses: { label: msg`Phone numbers` },
  images: { label: msg`Images` },
  owners: {
    label: msg({ message: 'Owners', comment: "group property: the group's owners" }),
    csvHeader: CSV_HEADERS.owners,
  },
  dynamicSettings: { label: msg`Dynamic rules` },
  /** The import's column of member emails (an export has the count instead). */
  members: {
    label: msg({ message: 'Members', comment: "group property: the group's members" }),
    csvHeader: CSV_HEADERS.members,
  },
  memberCount: {
    label: msg({ message: 'Members', comment: "group property: the group's members" }),
    csvHeader: CSV_HEADERS.memberCount,
  },
  dateModified: {
    label: msg({ message: 'Modified', comment: 'group property: when the group was last changed' }),
    csvHeader: CSV_HEADERS.dateModified,
  },
  id: { label: msg({ message: 'Id', comment: "group property: the group's identifier" }), csvHeader: CSV_HEADERS.id },
} as const satisfies Record<string, PropertyWording>;

export type GroupProperty = keyof typeof GROUP_PROPERTIES;

/** The API's names for a property where they differ from the model's (the audit records' `ownerIds`). */
const PROPERTY_ALIASES: Record<string, GroupProperty> = { ownerIds: 'owners' };

const isGroupProperty = (key: string): key is GroupProperty => key in GROUP_PROPERTIES;

/** The label of a property by its model or API name; the name itself when the vocabulary has none. */
export const propertyLabel = (property: string | undefined): string => {
  const key = PROPERTY_ALIASES[property ?? ''] ?? property ?? '';
  return isGroupProperty(key) ? i18n._(GROUP_PROPERTIES[key].label) : (property ?? t`Unknown property`);
};

/** The help text of a property, where the form shows one. */
export const propertyHelp = (property: GroupProperty): string | undefined => {
  const wording: PropertyWording = GROUP_PROPERTIES[property];
  return wording.help ? i18n._(wording.help) : undefined;
};

/**
 * The CSV column of a property (export and import): the same in every language. (A property without a
 * CSV column, which no file has, falls back to its label.)
 */
export const csvHeaderOf = (property: GroupProperty): string => {
  const wording: PropertyWording = GROUP_PROPERTIES[property];
  return wording.csvHeader ?? i18n._(wording.label);
};

export interface ValueWording {
  label: MessageDescriptor;
  help: MessageDescriptor;
}

export const TYPE_WORDING = {
  official: {
    label: msg({ message: 'Official', comment: 'group type' }),
    help: msg`Work-related: teams, departments, projects.`,
  },
  social: {
    label: msg({ message: 'Social', comment: 'group type' }),
    help: msg`Not work-related: clubs, interests, events.`,
  },
} as const satisfies Record<string, ValueWording>;

export const VISIBILITY_WORDING = {
  public: {
    label: msg({ message: 'Public', comment: 'group visibility' }),
    help: msg`Anyone in the organization can find and view the group.`,
  },
  members: {
    label: msg({ message: 'Members only', comment: 'group visibility' }),
    help: msg`Only members (and owners) can find and view the group.`,
  },
  owners: {
    label: msg({ message: 'Owners only', comment: 'group visibility' }),
    help: msg`Only the owners can find and view the group.`,
  },
} as const satisfies Record<string, ValueWording>;

export const STATE_WORDING = {
  active: { label: msg({ message: 'Active', comment: 'group state' }), help: msg`The group is in use.` },
  inactive: {
    label: msg({ message: 'Inactive', comment: 'group state' }),
    help: msg`The group is kept but not in use.`,
  },
} as const satisfies Record<string, ValueWording>;

export type GroupTypeValue = keyof typeof TYPE_WORDING;
export type GroupVisibilityValue = keyof typeof VISIBILITY_WORDING;
export type GroupStateValue = keyof typeof STATE_WORDING;

const labelsOf = <K extends string>(wording: Record<K, ValueWording>): Record<K, MessageDescriptor> =>
  Object.fromEntries(Object.entries<ValueWording>(wording).map(([k, w]) => [k, w.label])) as Record<
    K,
    MessageDescriptor
  >;

/** The values' labels as messages: shown with `i18n._(TYPE_LABELS.social)`, or typeLabel('social'). */
export const TYPE_LABELS: Record<GroupTypeValue, MessageDescriptor> = labelsOf(TYPE_WORDING);
export const VISIBILITY_LABELS: Record<GroupVisibilityValue, MessageDescriptor> = labelsOf(VISIBILITY_WORDING);
export const STATE_LABELS: Record<GroupStateValue, MessageDescriptor> = labelsOf(STATE_WORDING);

const valueLabel = (labels: Record<string, MessageDescriptor>, value: string | undefined): string => {
  if (value === undefined) return '';
  const label = labels[value];
  return label ? i18n._(label) : value;
};

export const typeLabel = (value: string | undefined): string => valueLabel(TYPE_LABELS, value);
export const visibilityLabel = (value: string | undefined): string => valueLabel(VISIBILITY_LABELS, value);
/** A deleted group's state: never chosen nor filtered by, but History's Delete records name it. */
const ANY_STATE_LABELS: Record<string, MessageDescriptor> = {
  ...STATE_LABELS,
  deleted: msg({ message: 'Deleted', comment: 'group state' }),
};

export const stateLabel = (value: string | undefined): string => valueLabel(ANY_STATE_LABELS, value);

/** One stored value of a property in words (type, visibility and state by their labels), else the value. */
export const valueInWords = (property: string | undefined, value: string): string => {
  if (property === 'type') return typeLabel(value);
  if (property === 'visibility') return visibilityLabel(value);
  if (property === 'state') return stateLabel(value);
  return value;
};
