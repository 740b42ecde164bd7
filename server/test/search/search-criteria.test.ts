/**
 * The search request as the domain compiles it: criteria to SQL, sort and paging, q64 and listings,
 * over a small in-memory database of groups.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSearchFunctions } from '../../src/db/functions.js';
import { compileCriteria, type FieldMap, type SearchCriteria } from '../../src/domain/search/criteria.js';
import { compileSort, searchPaging } from '../../src/domain/search/request.js';
import { decodeQ64, encodeQ64, searchPageUri } from '../../src/domain/search/q64.js';
import { entityListing, parsePaging, splitMulti } from '../../src/domain/search/paging.js';
import { gzipSync } from 'node:zlib';
import { apiError } from '../support/fixtures.js';

const fields: FieldMap = {
  id: { kind: 'id', sql: 'g.id' },
  name: { kind: 'text', sql: 'g.name', folded: 'g.sort_name' },
  description: { kind: 'text', sql: 'g.description' },
  type: { kind: 'enum', sql: 'g.type' },
  dateModified: { kind: 'date', sql: 'g.date_modified' },
  memberCount: { kind: 'number', sql: 'g.member_count' },
  'owners.id': {
    kind: 'list',
    from: 'group_owners go',
    where: 'go.group_id = g.id',
    value: 'go.user_id',
    elementKind: 'id',
  },
};

let db: Database.Database;
const rows: [string, string, string | null, string, string, number][] = [
  ['g1', 'Sales Team', 'The sales people', 'official', '2024-01-10T10:00:00.000Z', 5],
  ['g2', 'Support-Desk', 'Helps customers', 'official', '2024-02-10T10:00:00.000Z', 50],
  ['g3', 'Book Club', null, 'social', '2024-03-10T10:00:00.000Z', 0],
  ['g4', '100% Done_ok', 'percent \\ underscore', 'social', '2024-03-11T10:00:00.000Z', 7],
  ['g5', "Bobby'; DROP TABLE groups;--", 'sql', 'official', '2024-05-01T23:59:59.000Z', 12],
  ['g6', 'Zoë Fans', 'Ünïcode', 'social', '2024-05-02T00:00:00.000Z', 1],
];

beforeAll(() => {
  db = new Database(':memory:');
  registerSearchFunctions(db);
  db.exec(readFileSync(new URL('../../src/db/schema.sql', import.meta.url), 'utf8'));
  db.exec("INSERT INTO divisions (id, name) VALUES ('d1','Home')");
  for (const u of ['u1', 'u2'])
    db.prepare("INSERT INTO users (id,name,sort_name,email,username,division_id) VALUES (?,?,?,?,?, 'd1')").run(
      u,
      u,
      u,
      `${u}@x.com`,
      u,
    );
  const ins = db.prepare(
    "INSERT INTO groups (id,name,sort_name,description,type,visibility,date_modified,member_count) VALUES (?,?,?,?,?,'public',?,?)",
  );
  for (const r of rows) ins.run(r[0], r[1], r[1].toLowerCase(), r[2], r[3], r[4], r[5]);
  db.prepare("INSERT INTO group_owners VALUES ('g1','u1'),('g2','u2'),('g3','u1')").run();
});

const ids = (query: SearchCriteria[] | undefined): string[] => {
  const { where, params } = compileCriteria(query, fields);
  return db
    .prepare(`SELECT g.id FROM groups g WHERE ${where} ORDER BY g.id`)
    .pluck()
    .all(...params) as string[];
};

describe('compileCriteria', () => {
  it('matches everything without criteria and with MATCH_ALL', () => {
    expect(ids(undefined)).toHaveLength(6);
    expect(ids([{ type: 'MATCH_ALL' }])).toHaveLength(6);
  });
  it('EXACT ignores case, ids exact', () => {
    expect(ids([{ type: 'EXACT', fields: ['name'], value: 'sales team' }])).toEqual(['g1']);
    expect(ids([{ type: 'EXACT', fields: ['name'], value: 'sales' }])).toEqual([]);
    expect(ids([{ type: 'EXACT', fields: ['id'], value: 'G2' }])).toEqual(['g2']);
    expect(ids([{ type: 'EXACT', fields: ['type'], value: 'SOCIAL' }])).toEqual(['g3', 'g4', 'g6']);
    expect(ids([{ type: 'EXACT', fields: ['name'], value: 'ZOË FANS' }])).toEqual(['g6']);
  });
  it('STARTS_WITH and TERM match a prefix of the field or of a word', () => {
    expect(ids([{ type: 'STARTS_WITH', fields: ['name'], value: 'sal' }])).toEqual(['g1']);
    expect(ids([{ type: 'STARTS_WITH', fields: ['name'], value: 'tea' }])).toEqual(['g1']);
    expect(ids([{ type: 'TERM', fields: ['name'], value: 'desk' }])).toEqual(['g2']);
    expect(ids([{ type: 'TERM', fields: ['name'], value: 'eam' }])).toEqual([]);
    expect(ids([{ type: 'TERM', fields: ['name', 'description'], value: 'cust' }])).toEqual(['g2']);
  });
  it('CONTAINS is a case-insensitive substring with LIKE metacharacters literal', () => {
    expect(ids([{ type: 'CONTAINS', fields: ['name'], value: 'EAM' }])).toEqual(['g1']);
    expect(ids([{ type: 'CONTAINS', fields: ['name'], value: '%' }])).toEqual(['g4']);
    expect(ids([{ type: 'CONTAINS', fields: ['name'], value: '_' }])).toEqual(['g4']);
    expect(ids([{ type: 'CONTAINS', fields: ['description'], value: '\\' }])).toEqual(['g4']);
    expect(ids([{ type: 'CONTAINS', fields: ['name'], value: "'; DROP TABLE groups;--" }])).toEqual(['g5']);
    expect(ids([{ type: 'CONTAINS', fields: ['description'], value: 'ünï' }])).toEqual(['g6']);
    expect(db.prepare('SELECT COUNT(*) FROM groups').pluck().get()).toBe(6);
  });
  it('TERMS matches any of the values', () => {
    expect(ids([{ type: 'TERMS', fields: ['id'], values: ['g1', 'g3', 'nope'] }])).toEqual(['g1', 'g3']);
    expect(ids([{ type: 'TERMS', fields: ['memberCount'], values: ['0', '50'] }])).toEqual(['g2', 'g3']);
  });
  it('REGEX is anchored and refuses unsafe patterns', () => {
    expect(ids([{ type: 'REGEX', fields: ['name'], value: 'sales.*' }])).toEqual(['g1']);
    expect(ids([{ type: 'REGEX', fields: ['name'], value: 'ales.*' }])).toEqual([]);
    expect(ids([{ type: 'REGEX', fields: ['memberCount'], value: '[0-9]' }])).toEqual(['g3', 'g4', 'g6', 'g1'].sort());
    expect(apiError(() => ids([{ type: 'REGEX', fields: ['name'], value: '(a+)+$' }])).status).toBe(400);
    expect(apiError(() => ids([{ type: 'REGEX', fields: ['name'], value: '(x|xx)*' }])).status).toBe(400);
    expect(apiError(() => ids([{ type: 'REGEX', fields: ['name'], value: '([a' }])).code).toBe('bad.request');
    expect(apiError(() => ids([{ type: 'REGEX', fields: ['name'], value: 'a'.repeat(300) }])).status).toBe(400);
    expect(apiError(() => ids([{ type: 'REGEX', fields: ['name'], value: '(a)\\1' }])).status).toBe(400);
  });
  it('REQUIRED_FIELDS needs the fields set', () => {
    expect(ids([{ type: 'REQUIRED_FIELDS', fields: ['description'] }])).not.toContain('g3');
    expect(ids([{ type: 'REQUIRED_FIELDS', fields: ['owners.id'] }])).toEqual(['g1', 'g2', 'g3']);
  });
  it('ranges on numbers and dates', () => {
    expect(ids([{ type: 'EXACT', fields: ['memberCount'], startValue: '5', endValue: '12' }])).toEqual([
      'g1',
      'g4',
      'g5',
    ]);
    expect(ids([{ type: 'RANGE', fields: ['memberCount'], startValue: '13' }])).toEqual(['g2']);
    expect(
      ids([{ type: 'RANGE', fields: ['dateModified'], startValue: '2024-03-01', endValue: '2024-05-01' }]),
    ).toEqual(['g3', 'g4', 'g5']);
    expect(ids([{ type: 'RANGE', fields: ['dateModified'], startValue: '2024-05-02T00:00:00Z' }])).toEqual(['g6']);
    expect(ids([{ type: 'EXACT', fields: ['dateModified'], value: '2024-03-10' }])).toEqual(['g3']);
    expect(ids([{ type: 'EXACT', fields: ['dateModified'], value: '10/03/2024', dateFormat: 'dd/MM/yyyy' }])).toEqual([
      'g3',
    ]);
    expect(apiError(() => ids([{ type: 'RANGE', fields: ['dateModified'], startValue: 'yesterday' }])).code).toBe(
      'invalid.date',
    );
    expect(apiError(() => ids([{ type: 'RANGE', fields: ['memberCount'], startValue: 'ten' }])).status).toBe(400);
  });
  it('list fields (owners.id)', () => {
    expect(ids([{ type: 'EXACT', fields: ['owners.id'], value: 'u1' }])).toEqual(['g1', 'g3']);
    expect(ids([{ type: 'TERMS', fields: ['owners.id'], values: ['u2'] }])).toEqual(['g2']);
  });
  it('operators AND / OR / NOT and nested groups', () => {
    expect(
      ids([
        { type: 'EXACT', fields: ['type'], value: 'official' },
        { type: 'CONTAINS', fields: ['name'], value: 'ea', operator: 'AND' },
      ]),
    ).toEqual(['g1']);
    expect(
      ids([
        { type: 'EXACT', fields: ['id'], value: 'g1', operator: 'OR' },
        { type: 'EXACT', fields: ['id'], value: 'g3', operator: 'OR' },
      ]),
    ).toEqual(['g1', 'g3']);
    expect(ids([{ type: 'EXACT', fields: ['type'], value: 'social', operator: 'NOT' }])).toEqual(['g1', 'g2', 'g5']);
    expect(
      ids([
        { type: 'EXACT', fields: ['type'], value: 'social' },
        {
          type: 'MATCH_ALL',
          operator: 'AND',
          group: [
            { type: 'STARTS_WITH', fields: ['name'], value: 'book', operator: 'OR' },
            { type: 'STARTS_WITH', fields: ['name'], value: 'zo', operator: 'OR' },
          ],
        },
      ]),
    ).toEqual(['g3', 'g6']);
    expect(
      ids([{ type: 'MATCH_ALL', operator: 'NOT', group: [{ type: 'EXACT', fields: ['owners.id'], value: 'u1' }] }]),
    ).toEqual(['g2', 'g4', 'g5', 'g6']);
  });
  it('rejects unknown fields, types, operators and missing values', () => {
    const e = apiError(() => ids([{ type: 'EXACT', fields: ['name', 'colour'], value: 'x' }]));
    expect(e.status).toBe(400);
    expect(e.options.details?.[0]?.fieldName).toBe('query[0].fields[1]');
    expect(e.message).toContain('colour');
    expect(apiError(() => ids([{ type: 'FUZZY', fields: ['name'], value: 'x' }])).code).toBe('invalid.value');
    expect(apiError(() => ids([{ type: 'EXACT', fields: ['name'], value: 'x', operator: 'XOR' }])).code).toBe(
      'invalid.value',
    );
    expect(apiError(() => ids([{ type: 'EXACT', fields: ['name'] }])).options.details?.[0]?.fieldName).toBe(
      'query[0].value',
    );
    expect(apiError(() => ids([{ type: 'EXACT', value: 'x' }])).status).toBe(400);
    expect(apiError(() => ids([{ type: 'CONTAINS', fields: ['memberCount'], value: '1' }])).status).toBe(400);
    expect(apiError(() => ids([{ type: 'EXACT', fields: ['toString'], value: 'x' }])).status).toBe(400);
  });
});

describe('compileSort and searchPaging', () => {
  const sortMap = {
    name: 'g.sort_name',
    dateModified: 'g.date_modified',
    memberCount: 'g.member_count',
    type: 'g.type',
  };
  it('sorts', () => {
    expect(compileSort({}, sortMap, 'g.id')).toBe('ORDER BY g.sort_name ASC, g.id ASC');
    expect(compileSort({ sortOrder: 'SCORE' }, sortMap, 'g.id')).toBe('ORDER BY g.sort_name ASC, g.id ASC');
    expect(compileSort({ sortBy: 'memberCount', sortOrder: 'desc' }, sortMap, 'g.id')).toBe(
      'ORDER BY g.member_count DESC, g.id ASC',
    );
    expect(
      compileSort({ sort: [{ sortBy: 'type' }, { sortBy: 'dateModified', sortOrder: 'DESC' }] }, sortMap, 'g.id'),
    ).toBe('ORDER BY g.type ASC, g.date_modified DESC, g.id ASC');
    expect(apiError(() => compileSort({ sortBy: 'colour' }, sortMap, 'g.id')).status).toBe(400);
    expect(apiError(() => compileSort({ sortOrder: 'UP' }, sortMap, 'g.id')).code).toBe('invalid.value');
  });
  it('pages', () => {
    expect(searchPaging({})).toEqual({ pageSize: 25, pageNumber: 1, offset: 0 });
    expect(searchPaging({ pageSize: 100, pageNumber: 100 })).toEqual({ pageSize: 100, pageNumber: 100, offset: 9900 });
    expect(apiError(() => searchPaging({ pageSize: 100, pageNumber: 101 })).status).toBe(400);
    expect(apiError(() => searchPaging({ pageSize: 101 })).status).toBe(400);
    expect(apiError(() => searchPaging({ pageSize: 0 })).status).toBe(400);
    expect(apiError(() => searchPaging({ pageNumber: 0 })).status).toBe(400);
  });
});

describe('q64', () => {
  it('round-trips and accepts un-gzipped and standard base64', () => {
    const req = { query: [{ type: 'EXACT', fields: ['name'], value: 'Sales Team ü/+?' }], pageSize: 25, pageNumber: 2 };
    const q = encodeQ64(req);
    expect(q).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQ64(q)).toEqual(req);
    expect(decodeQ64(Buffer.from(JSON.stringify(req)).toString('base64url'))).toEqual(req);
    expect(decodeQ64(gzipSync(JSON.stringify(req)).toString('base64'))).toEqual(req);
    const uri = searchPageUri('/api/v2/groups/search', req);
    expect(uri.startsWith('/api/v2/groups/search?q64=')).toBe(true);
    expect(decodeQ64(decodeURIComponent(uri.split('q64=')[1]!))).toEqual(req);
  });
  it('gives each request one encoding, also after more requests than it remembers', () => {
    const req = (n: number) => ({ query: [{ type: 'CONTAINS', fields: ['name'], value: `term ${n}` }], pageNumber: n });
    const first = encodeQ64(req(0));
    const many = Array.from({ length: 600 }, (_, n) => encodeQ64(req(n)));
    expect(new Set(many).size).toBe(600);
    many.forEach((q, n) => expect(decodeQ64(q)).toEqual(req(n)));
    expect(encodeQ64(req(0))).toBe(first);
    expect(encodeQ64(JSON.parse(JSON.stringify(req(599))))).toBe(many[599]);
  });
  it('rejects garbage', () => {
    for (const bad of [
      '',
      '!!!',
      'aGVsbG8',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64url'),
    ]) {
      const e = apiError(() => decodeQ64(bad));
      expect(e.status).toBe(400);
      expect(e.options.details?.[0]?.fieldName).toBe('q64');
    }
  });
});

describe('listing', () => {
  it('parses paging', () => {
    expect(parsePaging({})).toEqual({ pageSize: 25, pageNumber: 1, sortOrder: 'ASC', offset: 0 });
    expect(parsePaging({ pageSize: '500', pageNumber: '3', sortOrder: 'Descending' })).toEqual({
      pageSize: 500,
      pageNumber: 3,
      sortOrder: 'DESC',
      offset: 1000,
    });
    expect(apiError(() => parsePaging({ pageSize: 501 })).code).toBe('bad.request');
    expect(apiError(() => parsePaging({ pageNumber: 0 })).status).toBe(400);
    expect(apiError(() => parsePaging({ sortOrder: 'sideways' })).code).toBe('invalid.value');
    expect(apiError(() => parsePaging({ pageNumber: 1e15 })).code).toBe('bad.request');
    expect(parsePaging({ pageNumber: 2_147_483_647, pageSize: 500 }).offset).toBeLessThanOrEqual(
      Number.MAX_SAFE_INTEGER,
    );
  });
  it('splits multi params', () => {
    expect(splitMulti(['a,b', 'c', ' ', 'd ,'])).toEqual(['a', 'b', 'c', 'd']);
    expect(splitMulti(undefined)).toBeUndefined();
  });
  it('builds URIs only for pages that exist', () => {
    const l = entityListing([1, 2], {
      path: '/api/v2/groups/x/members',
      query: { expand: ['presence', 'station'] },
      paging: parsePaging({ pageNumber: 2, pageSize: 2 }),
      total: 5,
    });
    expect(l.pageCount).toBe(3);
    expect(l.selfUri).toBe('/api/v2/groups/x/members?pageSize=2&pageNumber=2&sortOrder=ASC&expand=presence,station');
    expect(l.firstUri).toContain('pageNumber=1');
    expect(l.lastUri).toContain('pageNumber=3');
    expect(l.nextUri).toContain('pageNumber=3');
    expect(l.previousUri).toContain('pageNumber=1');
    const first = entityListing([], { path: '/p', paging: parsePaging({}), total: 0 });
    expect(first.nextUri).toBeUndefined();
    expect(first.previousUri).toBeUndefined();
    expect(first.pageCount).toBe(0);
  });
});
