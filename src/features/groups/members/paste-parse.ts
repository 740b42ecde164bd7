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
  text: string;
  kind: PastedKind;
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

/** One line of free text: its addresses, or (for pieces with no `@`) names separated by `;`. */
const entriesOfLine = (line: string): PastedEntry[] => {
  const text = line.trim();
  if (!text) return [];
  if (text.includes('\t')) return cellEntries(text.split('\t'));
  if (!text.includes('@')) {
    return text
      .split(';')
      .map(squash)
      .filter(Boolean)
      .map((name) => ({ text: name, kind: 'name' as const }));
  }
  const whole = addressesOf(text);
  if (whole) return whole.map((email) => ({ text: email, kind: 'email' as const }));
  // A list mixing addresses and bare names (`Ann <ann@x.com>; Bob Lee`): piece by piece.
  return text.split(/[;,]/).flatMap((piece): PastedEntry[] => {
    if (!piece.trim()) return [];
    if (!piece.includes('@')) return [{ text: squash(piece), kind: 'name' }];
    const found = addressesOf(piece);
    if (found) return found.map((email) => ({ text: email, kind: 'email' as const }));
    // Not an address by the grammar (`Ann Smith ann@example.com`): the address-like words in it.
    const words = piece.match(/[^\s<>,;"']+@[^\s<>,;"']+/g) ?? [squash(piece)];
    return words.map((email) => ({ text: email, kind: 'email' as const }));
  });
};

function cellEntries(row: readonly string[]): PastedEntry[] {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  const withEmail = cells.filter((c) => c.includes('@'));
  if (withEmail.length) return withEmail.flatMap(entriesOfLine);
  const first = cells[0];
  return first ? [{ text: squash(first), kind: 'name' }] : [];
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
  if (!header) return delimiter === '\t' ? rows.flatMap(cellEntries) : null;
  return rows.slice(1).flatMap((row): PastedEntry[] => {
    const email = header.email >= 0 ? (row[header.email] ?? '').trim() : '';
    if (email) return entriesOfLine(email);
    const name = header.name >= 0 ? squash(row[header.name] ?? '') : '';
    return name ? [{ text: name, kind: 'name' }] : [];
  });
};

const looksLikeCsvHeader = (line: string) => {
  const parsed = Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? [];
  return parsed.length >= 2 && headerColumns(parsed) !== null && !line.includes('@');
};

/** Every person in the pasted text, in order, each email or name once (ignoring case), at most 1,000. */
export const parsePastedPeople = (text: string): PastedEntry[] => {
  const firstLine = text.trim().split(/\r?\n/, 1)[0] ?? '';
  let entries: PastedEntry[] | null = null;
  if (firstLine.includes('\t')) entries = tableEntries(text, '\t');
  else if (looksLikeCsvHeader(firstLine)) entries = tableEntries(text, ',');
  entries ??= text.split(/\r?\n/).flatMap(entriesOfLine);

  const seen = new Set<string>();
  const out: PastedEntry[] = [];
  for (const entry of entries) {
    const key = fold(entry.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
    if (out.length >= MAX_PASTED_ENTRIES) break;
  }
  return out;
};

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
