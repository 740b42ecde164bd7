import emailAddresses from 'email-addresses';
import Papa from 'papaparse';

/**
 * Reads a pasted list of people the way mail clients and spreadsheets produce it:
 *   - address lists: `Ann Smith <ann@example.com>, "Lee, Bob" <bob@example.com>` (RFC 5322, through
 *     the `email-addresses` parser, so display names with spaces or commas stay one person);
 *   - semicolon lists (Outlook): `ann@example.com; Bob Lee <bob@example.com>`;
 *   - CSV with a header, such as this console's members export (the Email column, else the Name column);
 *   - tab-separated cells copied from a spreadsheet (per row: its email cells, else its first cell as a name);
 *   - plain lines: one email or one name a line.
 * Emails win over names: `Ann Smith <ann@example.com>` is the email, never three lines.
 */

export type PastedKind = 'email' | 'name';

export interface PastedEntry {
  /** The email or name looked up (trimmed, spaces squashed, an address without its display name). */
  text: string;
  kind: PastedKind;
  /** The person as pasted: `Ann Smith <ann@example.com>`, a spreadsheet row, a line. */
  source: string;
}

/** A pasted person already on the list (the same email or name, ignoring case), merged into the first. */
export interface PastedDuplicate {
  source: string;
  text: string;
  /** The earlier entry it was merged into, as pasted. */
  firstSource: string;
}

export interface PastedPeople {
  entries: PastedEntry[];
  duplicates: PastedDuplicate[];
  /** People past the first MAX_PASTED_ENTRIES, not read. */
  overLimit: number;
}

export const MAX_PASTED_ENTRIES = 1000;

const fold = (s: string) => s.trim().toLowerCase();
const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const EMAIL_COLUMN = /^(e-?mail|email address|e-mail address|username|user name|address)$/i;
const NAME_COLUMN = /^(name|full name|display name|person|member)$/i;
const BARE_EMAIL = /^<?([^\s<>@,;]+@[^\s<>@,;]+)>?$/;

/** The addresses of one piece of text that holds emails; null when it is not an address list. */
const addressesOf = (text: string): string[] | null => {
  const input = text.trim();
  if (!input) return [];
  const separator = input.includes(';') && !input.includes('"') ? ';' : ',';
  const parsed = emailAddresses.parseAddressList({
    input: separator === ';' ? input.replace(/;\s*$/, '') : input.replace(/,\s*$/, ''),
    rfc6532: true,
    atInDisplayName: true,
    commaInDisplayName: separator === ',',
    addressListSeparator: separator,
  });
  if (parsed) {
    return parsed.flatMap((a) => (a.type === 'group' ? a.addresses.map((m) => m.address) : [a.address]));
  }
  // Addresses separated by spaces only (no list separator): each token must be an address.
  const tokens = input.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length > 0 && tokens.every((t) => BARE_EMAIL.test(t))) {
    return tokens.map((t) => (BARE_EMAIL.exec(t) as RegExpExecArray)[1] as string);
  }
  return null;
};

/**
 * The addresses found in `text`, each with the stretch of `text` it was written as (its display name and
 * brackets included): `Ann Smith <ann@example.com>` rather than `ann@example.com`.
 */
const emailEntries = (text: string, emails: readonly string[]): PastedEntry[] => {
  const folded = text.toLowerCase();
  let cursor = 0;
  return emails.map((email) => {
    const wanted = email.toLowerCase();
    const bracketed = folded.indexOf(`<${wanted}`, cursor);
    const at = bracketed >= 0 ? bracketed + 1 : folded.indexOf(wanted, cursor);
    if (at < 0) return { text: email, kind: 'email', source: email };
    let end = at + wanted.length;
    const close = /^\s*>/.exec(text.slice(end));
    if (close) end += close[0].length;
    const source = text
      .slice(cursor, end)
      .replace(/^[\s,;]+/, '')
      .trim();
    cursor = end;
    return { text: email, kind: 'email', source: source || email };
  });
};

/** One line of free text: its addresses, or (for pieces with no `@`) names separated by `;`. */
const entriesOfLine = (line: string): PastedEntry[] => {
  const text = line.trim();
  if (!text) return [];
  if (text.includes('\t')) return cellEntries(text.split('\t'));
  if (!text.includes('@')) {
    return text
      .split(';')
      .filter((piece) => piece.trim())
      .map((piece) => ({ text: squash(piece), kind: 'name' as const, source: piece.trim() }));
  }
  const whole = addressesOf(text);
  if (whole) return emailEntries(text, whole);
  // A list mixing addresses and bare names (`Ann <ann@x.com>; Bob Lee`): piece by piece.
  return text.split(/[;,]/).flatMap((piece): PastedEntry[] => {
    if (!piece.trim()) return [];
    if (!piece.includes('@')) return [{ text: squash(piece), kind: 'name', source: piece.trim() }];
    const found = addressesOf(piece);
    if (found) return emailEntries(piece.trim(), found);
    // Not an address by the grammar (`Ann Smith ann@example.com`): the address-like words in it.
    const words = piece.match(/[^\s<>,;"']+@[^\s<>,;"']+/g) ?? [squash(piece)];
    return words.map((email) => ({ text: email, kind: 'email' as const, source: piece.trim() }));
  });
};

/** A spreadsheet row: its email cells, else its first cell as a name; each person shows the row as pasted. */
function cellEntries(row: readonly string[], source = row.join('\t').trim()): PastedEntry[] {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  const withEmail = cells.filter((c) => c.includes('@'));
  if (withEmail.length) return withEmail.flatMap(entriesOfLine).map((entry) => ({ ...entry, source }));
  const first = cells[0];
  return first ? [{ text: squash(first), kind: 'name', source }] : [];
}

/** A header row naming an email or a name column, as CSV exports (this console's included) have. */
const headerColumns = (row: readonly string[]) => {
  const email = row.findIndex((c) => EMAIL_COLUMN.test(c.trim()));
  const name = row.findIndex((c) => NAME_COLUMN.test(c.trim()));
  return email >= 0 || name >= 0 ? { email, name } : null;
};

const tableEntries = (text: string, delimiter: string): PastedEntry[] | null => {
  const parsed = Papa.parse<string[]>(text.trim(), { delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const first = rows[0];
  if (!first || first.length < 2) return null;
  const header = headerColumns(first);
  if (!header) return delimiter === '\t' ? rows.map((row) => cellEntries(row)).flat() : null;
  return rows.slice(1).flatMap((row): PastedEntry[] => {
    const source = row.join(delimiter === '\t' ? '\t' : ',').trim();
    const email = header.email >= 0 ? (row[header.email] ?? '').trim() : '';
    if (email) return entriesOfLine(email).map((entry) => ({ ...entry, source }));
    const name = header.name >= 0 ? squash(row[header.name] ?? '') : '';
    return name ? [{ text: name, kind: 'name', source }] : [];
  });
};

const looksLikeCsvHeader = (line: string) => {
  const parsed = Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? [];
  return parsed.length >= 2 && headerColumns(parsed) !== null && !line.includes('@');
};

/**
 * Every person in the pasted text, in order, each email or name once (ignoring case), at most 1,000;
 * with the repeats that were merged into an earlier entry and how many people were past the limit.
 */
export const readPastedPeople = (text: string): PastedPeople => {
  const firstLine = text.trim().split(/\r?\n/, 1)[0] ?? '';
  let entries: PastedEntry[] | null = null;
  if (firstLine.includes('\t')) entries = tableEntries(text, '\t');
  else if (looksLikeCsvHeader(firstLine)) entries = tableEntries(text, ',');
  entries ??= text.split(/\r?\n/).flatMap(entriesOfLine);

  const seen = new Map<string, PastedEntry>();
  const out: PastedEntry[] = [];
  const duplicates: PastedDuplicate[] = [];
  let overLimit = 0;
  for (const entry of entries) {
    const key = fold(entry.text);
    if (!key) continue;
    const first = seen.get(key);
    if (first) duplicates.push({ source: entry.source, text: entry.text, firstSource: first.source });
    else if (out.length >= MAX_PASTED_ENTRIES) overLimit += 1;
    else {
      seen.set(key, entry);
      out.push(entry);
    }
  }
  return { entries: out, duplicates, overLimit };
};

/** Every person in the pasted text, in order, each email or name once (ignoring case), at most 1,000. */
export const parsePastedPeople = (text: string): PastedEntry[] => readPastedPeople(text).entries;

/** The emails of one cell (an import's owners or members): an address list, semicolons or commas. */
export const emailsInCell = (cell: string): { emails: string[]; invalid: string[] } => {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const entry of entriesOfLine(cell)) {
    if (entry.kind === 'email' && BARE_EMAIL.test(entry.text)) emails.push(entry.text);
    else invalid.push(entry.text);
  }
  return { emails: [...new Set(emails.map((e) => e.toLowerCase()))], invalid };
};
