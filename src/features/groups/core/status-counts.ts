import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { User } from '@/api/generated/model/user';
import { presenceOf, routingStatusOf } from './member-fields';
import { compareNames, formatNumber } from '@/lib/locale';

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

/** A status code as words: "ON_QUEUE" → "on queue", "Available" → "available". */
const codeWords = (value: string): string => value.replace(/_/g, ' ').toLowerCase();

/**
 * The presences and routing statuses Genesys Cloud defines (a system presence, a routing status), by
 * their code in words: the label a chip or badge shows, and how a sentence says it ("12 available",
 * "now off queue").
 */
const STATUS_WORDS: Record<string, { label: MessageDescriptor; inSentence: MessageDescriptor }> = {
  available: { label: msg`Available`, inSentence: msg({ message: 'available', comment: 'status in a sentence' }) },
  away: { label: msg`Away`, inSentence: msg({ message: 'away', comment: 'status in a sentence' }) },
  busy: { label: msg`Busy`, inSentence: msg({ message: 'busy', comment: 'status in a sentence' }) },
  offline: { label: msg`Offline`, inSentence: msg({ message: 'offline', comment: 'status in a sentence' }) },
  idle: { label: msg`Idle`, inSentence: msg({ message: 'idle', comment: 'status in a sentence' }) },
  'on queue': { label: msg`On queue`, inSentence: msg({ message: 'on queue', comment: 'status in a sentence' }) },
  meal: { label: msg`Meal`, inSentence: msg({ message: 'at a meal', comment: 'status in a sentence' }) },
  training: { label: msg`Training`, inSentence: msg({ message: 'in training', comment: 'status in a sentence' }) },
  meeting: { label: msg`Meeting`, inSentence: msg({ message: 'in a meeting', comment: 'status in a sentence' }) },
  break: { label: msg`Break`, inSentence: msg({ message: 'on a break', comment: 'status in a sentence' }) },
  'off queue': { label: msg`Off queue`, inSentence: msg({ message: 'off queue', comment: 'status in a sentence' }) },
  interacting: {
    label: msg`Interacting`,
    inSentence: msg({ message: 'interacting', comment: 'status in a sentence' }),
  },
  'not responding': {
    label: msg`Not responding`,
    inSentence: msg({ message: 'not responding', comment: 'status in a sentence' }),
  },
  communicating: {
    label: msg`Communicating`,
    inSentence: msg({ message: 'communicating', comment: 'status in a sentence' }),
  },
};

/**
 * A status's label in the page's language: "ON_QUEUE" → "On queue", "Available" → "Available". A status
 * an org defines beyond Genesys Cloud's own is shown as its code in words.
 */
export const statusLabel = (value: string): string => {
  const words = codeWords(value);
  const known = STATUS_WORDS[words];
  return known ? i18n._(known.label) : words.charAt(0).toUpperCase() + words.slice(1);
};

/** A status as a sentence says it: "off queue", "available". */
export const statusInSentence = (value: string): string => {
  const known = STATUS_WORDS[codeWords(value)];
  return known ? i18n._(known.inSentence) : codeWords(value);
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
  counts
    .map((c) => {
      const count = formatNumber(c.count);
      const status = statusInSentence(c.value);
      // eslint-disable-next-line lingui/no-single-variables-to-translate -- the order of a count and its status is the language's
      return t({ message: `${count} ${status}`, comment: 'how many members have a status: "12 available"' });
    })
    .join(', ');
