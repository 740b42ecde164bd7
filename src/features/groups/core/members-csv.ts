import { i18n } from '@lingui/core';
import Papa from 'papaparse';
import type { User } from '@/api/generated/model/user';
import { memberFieldFor } from './member-fields';

/**
 * The base columns of every export, before the chosen expand columns. Their headers stay the same in every
 * language: the members list's paste reads an export back by its Email and Name columns.
 */
/* eslint-disable lingui/no-unlocalized-strings -- the members CSV's base headers: a file format the paste list reads back */
const BASE_COLUMNS: ReadonlyArray<{ header: string; text: (user: User) => string }> = [
  { header: 'Name', text: (u) => u.name ?? '' },
  { header: 'Email', text: (u) => u.email ?? '' },
  { header: 'Title', text: (u) => u.title ?? '' },
  { header: 'Department', text: (u) => u.department ?? '' },
  { header: 'State', text: (u) => u.state ?? '' },
  { header: 'Id', text: (u) => u.id ?? '' },
];
/* eslint-enable lingui/no-unlocalized-strings */

/** Header + rows for the members export: base columns, then one per chosen expand, in that order. */
export const buildMemberCsvRows = (users: readonly User[], expand: readonly string[]): string[][] => {
  const fields = expand.map((e) => memberFieldFor(e)).filter((f) => f !== undefined);
  const header = [...BASE_COLUMNS.map((c) => c.header), ...fields.map((f) => i18n._(f.label))];
  const rows = users.map((user) => [...BASE_COLUMNS.map((c) => c.text(user)), ...fields.map((f) => f.text(user))]);
  return [header, ...rows];
};

/** Cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas. */
export const toMemberCsv = (rows: string[][]): string => Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });

/** `<group name>-members.csv`, with characters file systems refuse replaced. */
export const memberCsvFileName = (groupName: string): string => {
  const safe = [...groupName].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return `${safe.replace(/_+/g, '_').trim() || 'group'}-members.csv`;
};

/** A run's report file: `night-shift-leads-copy-report.csv` (letters and digits of the words, lower case, by hyphens). */
export const reportCsvFileName = (what: string): string => {
  const slug = what
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'change'}-report.csv`;
};
