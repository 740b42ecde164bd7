/**
 * The group vocabulary: one label (and, where a form explains it, one help text) per property of a
 * group, per type, visibility and state. The form, the conflict dialog, the header, the list's columns
 * and filters, the CSV export/import and History all read their words from here.
 */
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
  /** How the property is named on screen (form, conflict dialog, History). */
  label: string;
  /** One line explaining it, where the form shows one. */
  help?: string;
  /** Its column in the groups CSV (export and import), when it has one. */
  csvHeader?: string;
}

export const GROUP_PROPERTIES = {
  name: { label: 'Name', csvHeader: 'Name' },
  description: { label: 'Description', csvHeader: 'Description' },
  type: { label: 'Type', csvHeader: 'Type' },
  visibility: { label: 'Visibility', csvHeader: 'Visibility' },
  state: { label: 'State', csvHeader: 'State' },
  rulesVisible: {
    label: 'Membership rules visible',
    help: 'People who are not owners can see the rules that add members.',
    csvHeader: 'Rules visible',
  },
  includeOwners: { label: 'Include owners as members', help: 'Owners count as members of the group.' },
  rolesEnabled: { label: 'Roles enabled', help: 'Roles can be assigned to the group.' },
  callsEnabled: { label: 'Calls enabled', help: 'People can call the group.' },
  email: { label: 'Email' },
  addresses: { label: 'Phone numbers' },
  images: { label: 'Images' },
  owners: { label: 'Owners', csvHeader: 'Owners' },
  dynamicSettings: { label: 'Dynamic rules' },
  /** The import's column of member emails (an export has the count instead). */
  members: { label: 'Members', csvHeader: 'Members' },
  memberCount: { label: 'Members', csvHeader: 'Member count' },
  dateModified: { label: 'Modified', csvHeader: 'Modified' },
  id: { label: 'Id', csvHeader: 'Id' },
} as const satisfies Record<string, PropertyWording>;

export type GroupProperty = keyof typeof GROUP_PROPERTIES;

/** The API's names for a property where they differ from the model's (the audit records' `ownerIds`). */
const PROPERTY_ALIASES: Record<string, GroupProperty> = { ownerIds: 'owners' };

const isGroupProperty = (key: string): key is GroupProperty => key in GROUP_PROPERTIES;

/** The label of a property by its model or API name; the name itself when the vocabulary has none. */
export const propertyLabel = (property: string | undefined): string => {
  const key = PROPERTY_ALIASES[property ?? ''] ?? property ?? '';
  return isGroupProperty(key) ? GROUP_PROPERTIES[key].label : (property ?? 'Unknown property');
};

/** The CSV column of a property (export and import). */
export const csvHeaderOf = (property: GroupProperty): string => {
  const wording: PropertyWording = GROUP_PROPERTIES[property];
  return wording.csvHeader ?? wording.label;
};

export interface ValueWording {
  label: string;
  help: string;
}

export const TYPE_WORDING = {
  official: { label: 'Official', help: 'Work-related: teams, departments, projects.' },
  social: { label: 'Social', help: 'Not work-related: clubs, interests, events.' },
} as const satisfies Record<string, ValueWording>;

export const VISIBILITY_WORDING = {
  public: { label: 'Public', help: 'Anyone in the organization can find and view the group.' },
  members: { label: 'Members only', help: 'Only members (and owners) can find and view the group.' },
  owners: { label: 'Owners only', help: 'Only the owners can find and view the group.' },
} as const satisfies Record<string, ValueWording>;

export const STATE_WORDING = {
  active: { label: 'Active', help: 'The group is in use.' },
  inactive: { label: 'Inactive', help: 'The group is kept but not in use.' },
} as const satisfies Record<string, ValueWording>;

export type GroupTypeValue = keyof typeof TYPE_WORDING;
export type GroupVisibilityValue = keyof typeof VISIBILITY_WORDING;
export type GroupStateValue = keyof typeof STATE_WORDING;

const labelsOf = <K extends string>(wording: Record<K, ValueWording>): Record<K, string> =>
  Object.fromEntries(Object.entries<ValueWording>(wording).map(([k, w]) => [k, w.label])) as Record<K, string>;

export const TYPE_LABELS: Record<GroupTypeValue, string> = labelsOf(TYPE_WORDING);
export const VISIBILITY_LABELS: Record<GroupVisibilityValue, string> = labelsOf(VISIBILITY_WORDING);
export const STATE_LABELS: Record<GroupStateValue, string> = labelsOf(STATE_WORDING);

const valueLabel = (labels: Record<string, string>, value: string | undefined): string =>
  value === undefined ? '' : (labels[value] ?? value);

export const typeLabel = (value: string | undefined): string => valueLabel(TYPE_LABELS, value);
export const visibilityLabel = (value: string | undefined): string => valueLabel(VISIBILITY_LABELS, value);
/** A deleted group's state: never chosen nor filtered by, but History's Delete records name it. */
const ANY_STATE_LABELS: Record<string, string> = { ...STATE_LABELS, deleted: 'Deleted' };

export const stateLabel = (value: string | undefined): string => valueLabel(ANY_STATE_LABELS, value);

/** One stored value of a property in words (type, visibility and state by their labels), else the value. */
export const valueInWords = (property: string | undefined, value: string): string => {
  if (property === 'type') return typeLabel(value);
  if (property === 'visibility') return visibilityLabel(value);
  if (property === 'state') return stateLabel(value);
  return value;
};
