import type { User } from '@/api/generated/model/user';
import { presenceOf, routingStatusOf } from './member-fields';
import { compareNames } from '@/lib/locale';

export type StatusKind = 'presence' | 'routingStatus';

export interface StatusCount {
  kind: StatusKind;
  value: string;
  count: number;
}

/** The status filter in the URL: `presence:Available` or `routingStatus:IDLE`. */
export interface StatusFilter {
  kind: StatusKind;
  value: string;
}

export const valueOfStatus = (user: User, kind: StatusKind): string =>
  kind === 'presence' ? presenceOf(user) : routingStatusOf(user);

/** How many members of the page have each presence / routing status, largest first (ties by name). */
export const countStatuses = (users: readonly User[], kind: StatusKind): StatusCount[] => {
  const counts = new Map<string, number>();
  for (const user of users) {
    const value = valueOfStatus(user, kind);
    if (!value) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ kind, value, count }))
    .sort((a, b) => b.count - a.count || compareNames(a.value, b.value));
};

export const parseStatusFilter = (raw: string | null): StatusFilter | null => {
  if (!raw) return null;
  const at = raw.indexOf(':');
  if (at < 0) return null;
  const kind = raw.slice(0, at);
  const value = raw.slice(at + 1);
  if ((kind !== 'presence' && kind !== 'routingStatus') || !value) return null;
  return { kind, value };
};

export const formatStatusFilter = (filter: StatusFilter): string => `${filter.kind}:${filter.value}`;

/** The users with the filter's status (all of them without a filter). */
export const filterByStatus = (users: readonly User[], filter: StatusFilter | null): readonly User[] =>
  filter ? users.filter((user) => valueOfStatus(user, filter.kind) === filter.value) : users;

/** "ON_QUEUE" → "On queue", "Available" → "Available". */
export const statusLabel = (value: string): string => {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Badge colours (no yellow: its light variant is below AA contrast for small text). */
const PRESENCE_COLOURS: Record<string, string> = {
  available: 'green',
  'on queue': 'teal',
  busy: 'red',
  meeting: 'red',
  away: 'orange',
  break: 'orange',
  meal: 'orange',
  training: 'grape',
  idle: 'pink',
  offline: 'gray',
};

const ROUTING_COLOURS: Record<string, string> = {
  IDLE: 'green',
  INTERACTING: 'blue',
  COMMUNICATING: 'cyan',
  NOT_RESPONDING: 'red',
  OFF_QUEUE: 'gray',
};

export const statusColour = (kind: StatusKind, value: string): string =>
  (kind === 'presence' ? PRESENCE_COLOURS[value.toLowerCase()] : ROUTING_COLOURS[value.toUpperCase()]) ?? 'gray';

/** "12 available, 3 on queue, 5 offline". */
export const describeCounts = (counts: readonly StatusCount[]): string =>
  counts.map((c) => `${c.count} ${statusLabel(c.value).toLowerCase()}`).join(', ');
