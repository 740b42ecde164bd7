import { t } from '@lingui/core/macro';
import Papa from 'papaparse';
import type { Group } from '@/api/generated/model/group';
import type { User } from '@/api/generated/model/user';
import { csvHeaderOf, CSV_WORDS } from '../core/group-vocabulary';
import { emailsInCell } from '../members/paste-parse';

/**
 * The columns a group export can have, in order. The first six are the import's columns, so an export
 * imports back: owners are written by email (by id when their email is unknown), which the import reads.
 * The member count, state, modified date and id describe the group and are skipped by the import.
 */
export const GROUP_EXPORT_COLUMNS = [
  { key: 'name', header: csvHeaderOf('name'), text: (g: Group) => g.name ?? '' },
  { key: 'description', header: csvHeaderOf('description'), text: (g: Group) => g.description ?? '' },
  { key: 'type', header: csvHeaderOf('type'), text: (g: Group) => g.type ?? '' },
  { key: 'visibility', header: csvHeaderOf('visibility'), text: (g: Group) => g.visibility ?? '' },
  {
    key: 'rulesVisible',
    header: csvHeaderOf('rulesVisible'),
    text: (g: Group) => (g.rulesVisible === false ? 'false' : 'true'),
  },
  {
    key: 'owners',
    header: csvHeaderOf('owners'),
    text: (g: Group) =>
      (g.owners ?? [])
        .map((o) => o.email || o.id || '')
        .filter(Boolean)
        .join('; '),
  },
  { key: 'memberCount', header: csvHeaderOf('memberCount'), text: (g: Group) => String(g.memberCount ?? 0) },
  { key: 'state', header: csvHeaderOf('state'), text: (g: Group) => g.state ?? '' },
  { key: 'dateModified', header: csvHeaderOf('dateModified'), text: (g: Group) => g.dateModified ?? '' },
  { key: 'id', header: csvHeaderOf('id'), text: (g: Group) => g.id ?? '' },
] as const;

export type GroupExportColumn = (typeof GROUP_EXPORT_COLUMNS)[number]['key'];
export const DEFAULT_EXPORT_COLUMNS: GroupExportColumn[] = GROUP_EXPORT_COLUMNS.map((c) => c.key);

/** The CSV of groups with the chosen columns (formula-looking cells escaped for spreadsheets). */
export const groupsCsv = (groups: readonly Group[], columns: readonly GroupExportColumn[]): string => {
  const chosen = GROUP_EXPORT_COLUMNS.filter((c) => columns.includes(c.key));
  return Papa.unparse([chosen.map((c) => c.header), ...groups.map((g) => chosen.map((c) => c.text(g)))], {
    escapeFormulae: true,
    newline: '\r\n',
  });
};

/**
 * The groups with each owner's email filled in: the API names a group's owners by id and name only, so
 * every owner without an email is read once (`readUser`); an owner it cannot read keeps their id.
 */
export const withOwnerEmails = async (
  groups: readonly Group[],
  readUser: (id: string) => Promise<User | null>,
): Promise<Group[]> => {
  const ids = [...new Set(groups.flatMap((g) => (g.owners ?? []).filter((o) => o.id && !o.email).map((o) => o.id!)))];
  if (!ids.length) return [...groups];
  const users = await Promise.all(ids.map(readUser));
  const emails = new Map(ids.map((id, i) => [id, users[i]?.email]));
  return groups.map((g) =>
    g.owners?.some((o) => !o.email)
      ? { ...g, owners: g.owners.map((o) => (o.email || !o.id ? o : { ...o, email: emails.get(o.id) ?? undefined })) }
      : g,
  );
};

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  name: string;
  description: string;
  type: 'official' | 'social';
  visibility: 'public' | 'owners' | 'members';
  rulesVisible: boolean;
  ownerEmails: string[];
  /** Owners given by user id (as an export writes an owner whose email it could not read). */
  ownerUserIds: string[];
  memberEmails: string[];
}

export interface ImportLineProblem {
  line: number;
  name: string;
  problems: string[];
}

export interface ParsedImport {
  rows: ImportRow[];
  invalid: ImportLineProblem[];
  /** A problem with the file as a whole (no header, no Name column), in the page's language. */
  fileError?: string;
  /** Columns of the file that are read but not imported, and why, in the page's language. */
  notes: string[];
}

const HEADER_ALIASES: Record<string, keyof Omit<ImportRow, 'line'>> = {
  name: 'name',
  'group name': 'name',
  description: 'description',
  type: 'type',
  visibility: 'visibility',
  [csvHeaderOf('rulesVisible').toLowerCase()]: 'rulesVisible',
  [CSV_WORDS.rulesVisibleLabel.toLowerCase()]: 'rulesVisible',
  rulesvisible: 'rulesVisible',
  owners: 'ownerEmails',
  'owner emails': 'ownerEmails',
  [csvHeaderOf('members').toLowerCase()]: 'memberEmails',
  'member emails': 'memberEmails',
};

/** Columns an export writes that describe a group rather than set it: read, named in a note, not imported. */
const DESCRIPTIVE_COLUMNS = new Map(
  (['memberCount', 'state', 'dateModified', 'id'] as const).map((key) => [csvHeaderOf(key).toLowerCase(), key]),
);

/** Spreadsheets would run a cell starting with these; the export puts a `'` before them, which the import takes off. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE_NUMBER = /^\d+$/;

/** The owners of a cell: emails (an address list, semicolons or commas) and user ids. */
const ownersInCell = (cell: string) => {
  const { emails, invalid } = emailsInCell(cell);
  const ids = invalid.filter((token) => USER_ID.test(token));
  return {
    emails,
    ids: [...new Set(ids.map((id) => id.toLowerCase()))],
    invalid: invalid.filter((t) => !USER_ID.test(t)),
  };
};

const VISIBILITY: Record<string, ImportRow['visibility']> = {
  public: 'public',
  owners: 'owners',
  [CSV_WORDS.visibility.owners.toLowerCase()]: 'owners',
  members: 'members',
  [CSV_WORDS.visibility.members.toLowerCase()]: 'members',
};
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const MAX_NAME = 255;

/**
 * The notes on the columns that are not imported, and whether a Members column holds counts (a file
 * exported before the count had its own column) rather than emails.
 */
const columnNotes = (fields: readonly string[], records: ReadonlyArray<Record<string, string>>) => {
  const notes: string[] = [];
  const cells = (key: string) => records.map((r) => (r[key] ?? '').trim()).filter(Boolean);
  const membersAreCounts =
    fields.includes('memberEmails') &&
    cells('memberEmails').length > 0 &&
    cells('memberEmails').every((c) => WHOLE_NUMBER.test(c));
  const described = fields.filter((f) => DESCRIPTIVE_COLUMNS.has(f.toLowerCase()));
  if (membersAreCounts || described.some((f) => DESCRIPTIVE_COLUMNS.get(f.toLowerCase()) === 'memberCount')) {
    const column = membersAreCounts ? csvHeaderOf('members') : csvHeaderOf('memberCount');
    const membersColumn = csvHeaderOf('members');
    notes.push(
      t`The ${column} column holds member counts: it is not imported, and groups are created without members (a ${membersColumn} column of emails adds them).`,
    );
  }
  const others = described.filter((f) => DESCRIPTIVE_COLUMNS.get(f.toLowerCase()) !== 'memberCount');
  if (others.length) {
    const columns = others.join(', ');
    notes.push(t`Not imported, as they describe a group rather than set it: ${columns}.`);
  }
  return { notes, membersAreCounts };
};

/**
 * Reads an import CSV (comma, semicolon or tab separated; headers in any order and case): name,
 * description, type (official|social, default official), visibility (public|owners|members, default
 * public), rules visible (default true), owners (emails or user ids) and members (emails), separated
 * by ; or ,. A file exported by this console imports as it is: its member count, state, modified date
 * and id columns are skipped with a note. Each line is checked on its own; a name repeated in the file
 * is invalid after its first line.
 */
export const parseImportCsv = (text: string): ParsedImport => {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, '').trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name')) {
    const nameColumn = csvHeaderOf('name');
    return { rows: [], invalid: [], notes: [], fileError: t`The file needs a header row with a ${nameColumn} column.` };
  }
  const { notes, membersAreCounts } = columnNotes(fields, parsed.data);
  const rows: ImportRow[] = [];
  const invalid: ImportLineProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const cell = (key: string) =>
      key === 'memberEmails' && membersAreCounts ? '' : (record[key] ?? '').trim().replace(ESCAPED_FORMULA, '');
    const problems: string[] = [];
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) problems.push(t`Name is empty.`);
    else if (name.length > MAX_NAME) {
      const maxLength = MAX_NAME;
      problems.push(t`Name is longer than ${maxLength} characters.`);
    }
    const typeText = cell('type').toLowerCase() || 'official';
    if (typeText !== 'official' && typeText !== 'social') {
      const value = cell('type');
      problems.push(
        t({
          message: `Type "${value}" is not official or social.`,
          comment: 'import check of a CSV line; official and social are values the file takes, value is what it has',
        }),
      );
    }
    const visibilityText = cell('visibility').toLowerCase() || 'public';
    const visibility = VISIBILITY[visibilityText];
    if (!visibility) {
      const value = cell('visibility');
      problems.push(
        t({
          message: `Visibility "${value}" is not public, owners or members.`,
          comment: 'import check of a CSV line; public, owners and members are values the file takes',
        }),
      );
    }
    const rulesText = cell('rulesVisible').toLowerCase();
    if (rulesText && !TRUE.has(rulesText) && !FALSE.has(rulesText)) {
      const column = csvHeaderOf('rulesVisible');
      const value = cell('rulesVisible');
      problems.push(
        t({
          message: `${column} "${value}" is not true or false.`,
          comment: 'import check of a CSV line; column is a CSV header, true and false are values the file takes',
        }),
      );
    }
    const owners = ownersInCell(cell('ownerEmails'));
    const members = emailsInCell(cell('memberEmails'));
    for (const value of owners.invalid) problems.push(t`Owner "${value}" is not an email address or a user id.`);
    for (const value of members.invalid) problems.push(t`Member "${value}" is not an email address.`);
    const key = name.toLowerCase();
    const firstLine = seen.get(key);
    if (name && firstLine !== undefined) problems.push(t`The same name is on line ${firstLine}.`);
    if (name && !seen.has(key)) seen.set(key, line);
    if (problems.length) {
      invalid.push({ line, name, problems });
      return;
    }
    rows.push({
      line,
      name,
      description: cell('description'),
      type: typeText as ImportRow['type'],
      visibility: visibility as ImportRow['visibility'],
      rulesVisible: !FALSE.has(rulesText),
      ownerEmails: owners.emails,
      ownerUserIds: owners.ids,
      memberEmails: members.emails,
    });
  });
  return { rows, invalid, notes };
};
