import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { User } from '@/api/generated/model/user';
import { buildMemberCsvRows, memberCsvFileName, toMemberCsv } from '../members-csv';

const users = [
  {
    id: 'u1',
    name: 'Ann Smith',
    email: 'ann@example.com',
    title: 'Agent',
    department: 'Care',
    state: 'active',
    version: 1,
    presence: { presenceDefinition: { systemPresence: 'Available' } },
    languages: [
      { name: 'English', proficiency: 5 },
      { name: 'Spanish', proficiency: 3 },
    ],
  },
  { id: 'u2', name: '=cmd()', version: 1 },
] as User[];

describe('buildMemberCsvRows', () => {
  it('writes the base columns then the chosen expand columns in order', () => {
    const rows = buildMemberCsvRows(users, ['languages', 'presence', 'nonsense']);
    expect(rows[0]).toEqual(['Name', 'Email', 'Title', 'Department', 'State', 'Id', 'Languages', 'Presence']);
    expect(rows[1]).toEqual([
      'Ann Smith',
      'ann@example.com',
      'Agent',
      'Care',
      'active',
      'u1',
      'English (5); Spanish (3)',
      'Available',
    ]);
    expect(rows[2]).toEqual(['=cmd()', '', '', '', '', 'u2', '', '']);
    expect(rows).toHaveLength(3);
  });
});

describe('toMemberCsv', () => {
  it('produces CSV that parses back, with formulas neutralised', () => {
    const csv = toMemberCsv(buildMemberCsvRows(users, ['presence']));
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed).toHaveLength(3);
    expect(parsed[1]?.[6]).toBe('Available');
    expect(parsed[2]?.[0]).toBe("'=cmd()");
  });
});

describe('memberCsvFileName', () => {
  it('names the file after the group, without path characters', () => {
    expect(memberCsvFileName('Care / Escalations')).toBe('Care _ Escalations-members.csv');
    expect(memberCsvFileName('  ')).toBe('group-members.csv');
  });
});
