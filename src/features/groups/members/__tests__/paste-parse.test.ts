import { describe, expect, it } from 'vitest';
import { buildMemberCsvRows, toMemberCsv } from '../../core/members-csv';
import { emailsInCell, parsePastedPeople, readPastedPeople } from '../paste-parse';

const emails = (...list: string[]) => list.map((text) => ({ text, kind: 'email' }));
/** What is looked up for each person (their text as pasted is tested on its own). */
const lookedUp = (pasted: string) => parsePastedPeople(pasted).map(({ text, kind }) => ({ text, kind }));

describe('parsePastedPeople', () => {
  it('reads a mail client address list as one person per address, not per word', () => {
    expect(lookedUp('Ann Smith <ann@example.com>, "Lee, Bob" <bob@example.com>')).toEqual(
      emails('ann@example.com', 'bob@example.com'),
    );
  });

  it('reads Outlook semicolon lists, with or without display names, and a trailing semicolon', () => {
    expect(lookedUp('Ann Smith <ann@example.com>; bob@example.com; Zoë Ünal <zoe@example.com>;')).toEqual(
      emails('ann@example.com', 'bob@example.com', 'zoe@example.com'),
    );
  });

  it('keeps an address list that wraps over lines and drops repeats ignoring case', () => {
    expect(lookedUp('Ann Smith <ann@example.com>,\nBOB <Bob@Example.com>,\nann@EXAMPLE.com')).toEqual(
      emails('ann@example.com', 'Bob@Example.com'),
    );
  });

  it('reads the members CSV this console exports by its Email column', () => {
    const csv = toMemberCsv(
      buildMemberCsvRows(
        [
          { id: '1', name: 'Smith, Ann', email: 'ann@example.com', title: 'Agent, Tier 2', version: 1 },
          { id: '2', name: 'Bob Lee', email: 'bob@example.com', version: 1 },
          { id: '3', name: 'No Mail', version: 1 },
        ],
        [],
      ),
    );
    expect(lookedUp(csv)).toEqual([
      { text: 'ann@example.com', kind: 'email' },
      { text: 'bob@example.com', kind: 'email' },
      { text: 'No Mail', kind: 'name' },
    ]);
  });

  it('reads cells copied from a spreadsheet: the email cell of each row, else its first cell', () => {
    const pasted = 'Ann Smith\tSales\tann@example.com\nBob Lee\tSupport\t\nCara Diaz\tcara@example.com\tLondon';
    expect(lookedUp(pasted)).toEqual([
      { text: 'ann@example.com', kind: 'email' },
      { text: 'Bob Lee', kind: 'name' },
      { text: 'cara@example.com', kind: 'email' },
    ]);
  });

  it('uses a spreadsheet header when there is one', () => {
    expect(lookedUp('Full name\tE-mail\nAnn Smith\tann@example.com\nBob Lee\t')).toEqual([
      { text: 'ann@example.com', kind: 'email' },
      { text: 'Bob Lee', kind: 'name' },
    ]);
  });

  it('reads plain lines of names and emails separated by spaces', () => {
    expect(lookedUp('Ann  Smith\nann@example.com bob@example.com\n\n  Cara Diaz ')).toEqual([
      { text: 'Ann Smith', kind: 'name' },
      { text: 'ann@example.com', kind: 'email' },
      { text: 'bob@example.com', kind: 'email' },
      { text: 'Cara Diaz', kind: 'name' },
    ]);
  });

  it('reads a list mixing addresses and bare names', () => {
    expect(lookedUp('Ann Smith <ann@example.com>; Bob Lee')).toEqual([
      { text: 'ann@example.com', kind: 'email' },
      { text: 'Bob Lee', kind: 'name' },
    ]);
  });

  it('stops at 1,000 people', () => {
    const text = Array.from({ length: 1200 }, (_, i) => `u${i}@example.com`).join('\n');
    expect(lookedUp(text)).toHaveLength(1000);
  });
});

describe('emailsInCell', () => {
  it('reads owners or members of an import cell and names what is not an address', () => {
    expect(emailsInCell('Ann <ANN@example.com>; bob@example.com; not an address')).toEqual({
      emails: ['ann@example.com', 'bob@example.com'],
      invalid: ['not an address'],
    });
    expect(emailsInCell('')).toEqual({ emails: [], invalid: [] });
  });
});

describe('parsePastedPeople with mixed pastes', () => {
  it('reads spreadsheet rows below an address list, and an address written without brackets', () => {
    expect(
      lookedUp('Ann <ann@example.com>; bob@example.com\nCara Diaz\tSales\tcara@example.com\nDan Wu dan@example.com'),
    ).toEqual(emails('ann@example.com', 'bob@example.com', 'cara@example.com', 'dan@example.com'));
  });
});

describe('readPastedPeople', () => {
  it('keeps each person as pasted: the display name and brackets, the spreadsheet row, the line', () => {
    const pasted =
      'Ann Smith <ann@example.com>, "Lee, Bob" <bob@example.com>\nCara Diaz\tSales\tcara@example.com\n  DAN wu ';
    expect(readPastedPeople(pasted).entries).toEqual([
      { text: 'ann@example.com', kind: 'email', source: 'Ann Smith <ann@example.com>' },
      { text: 'bob@example.com', kind: 'email', source: '"Lee, Bob" <bob@example.com>' },
      { text: 'cara@example.com', kind: 'email', source: 'Cara Diaz\tSales\tcara@example.com' },
      { text: 'DAN wu', kind: 'name', source: 'DAN wu' },
    ]);
  });

  it('names the repeats it merged and what they repeat', () => {
    const read = readPastedPeople(
      'ann@example.com\nBob Lee\nAnn <ANN@example.com>\nbob lee\nBob Lee\ncara@example.com',
    );
    expect(read.entries.map((e) => e.text)).toEqual(['ann@example.com', 'Bob Lee', 'cara@example.com']);
    expect(read.duplicates).toEqual([
      { source: 'Ann <ANN@example.com>', text: 'ANN@example.com', firstSource: 'ann@example.com' },
      { source: 'bob lee', text: 'bob lee', firstSource: 'Bob Lee' },
      { source: 'Bob Lee', text: 'Bob Lee', firstSource: 'Bob Lee' },
    ]);
    expect(read.overLimit).toBe(0);
  });

  it('counts the people past 1,000', () => {
    const text = Array.from({ length: 1200 }, (_, i) => `u${i}@example.com`).join('\n');
    expect(readPastedPeople(`${text}\nu0@example.com`)).toMatchObject({
      overLimit: 200,
      duplicates: [{ text: 'u0@example.com' }],
    });
  });
});
