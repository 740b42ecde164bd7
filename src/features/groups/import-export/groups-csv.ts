import Papa from 'papaparse';
import type { Group } from '@/api/generated/model/group';
import { csvHeaderOf, GROUP_PROPERTIES, VISIBILITY_LABELS } from '../core/group-vocabulary';
import { emailsInCell } from '../members/paste-parse';

/** The columns a group export can have, in order; the first six are the import's columns too. */
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
    text: (g: Group) => (g.owners ?? []).map((o) => o.email ?? o.name ?? o.id ?? '').join('; '),
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
  /** A problem with the file as a whole (no header, no Name column). */
  fileError?: string;
}

const HEADER_ALIASES: Record<string, keyof Omit<ImportRow, 'line'>> = {
  name: 'name',
  'group name': 'name',
  description: 'description',
  type: 'type',
  visibility: 'visibility',
  [csvHeaderOf('rulesVisible').toLowerCase()]: 'rulesVisible',
  [GROUP_PROPERTIES.rulesVisible.label.toLowerCase()]: 'rulesVisible',
  rulesvisible: 'rulesVisible',
  owners: 'ownerEmails',
  'owner emails': 'ownerEmails',
  members: 'memberEmails',
  'member emails': 'memberEmails',
};

const VISIBILITY: Record<string, ImportRow['visibility']> = {
  public: 'public',
  owners: 'owners',
  [VISIBILITY_LABELS.owners.toLowerCase()]: 'owners',
  members: 'members',
  [VISIBILITY_LABELS.members.toLowerCase()]: 'members',
};
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const MAX_NAME = 255;

/**
 * Reads an import CSV (comma, semicolon or tab separated; headers in any order and case): name,
 * description, type (official|social, default official), visibility (public|owners|members, default
 * public), rules visible (default true), owners and members (emails, separated by ; or ,). Each line
 * is checked on its own; a name repeated in the file is invalid after its first line.
 */
export const parseImportCsv = (text: string): ParsedImport => {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, '').trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? h.trim(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name'))
    return { rows: [], invalid: [], fileError: 'The file needs a header row with a Name column.' };
  const rows: ImportRow[] = [];
  const invalid: ImportLineProblem[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const cell = (key: string) => (record[key] ?? '').trim();
    const problems: string[] = [];
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) problems.push('Name is empty.');
    else if (name.length > MAX_NAME) problems.push(`Name is longer than ${MAX_NAME} characters.`);
    const typeText = cell('type').toLowerCase() || 'official';
    if (typeText !== 'official' && typeText !== 'social')
      problems.push(`Type "${cell('type')}" is not official or social.`);
    const visibilityText = cell('visibility').toLowerCase() || 'public';
    const visibility = VISIBILITY[visibilityText];
    if (!visibility) problems.push(`Visibility "${cell('visibility')}" is not public, owners or members.`);
    const rulesText = cell('rulesVisible').toLowerCase();
    if (rulesText && !TRUE.has(rulesText) && !FALSE.has(rulesText)) {
      problems.push(`${csvHeaderOf('rulesVisible')} "${cell('rulesVisible')}" is not true or false.`);
    }
    const owners = emailsInCell(cell('ownerEmails'));
    const members = emailsInCell(cell('memberEmails'));
    for (const bad of owners.invalid) problems.push(`Owner "${bad}" is not an email address.`);
    for (const bad of members.invalid) problems.push(`Member "${bad}" is not an email address.`);
    const key = name.toLowerCase();
    if (name && seen.has(key)) problems.push(`The same name is on line ${seen.get(key)}.`);
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
      memberEmails: members.emails,
    });
  });
  return { rows, invalid };
};
