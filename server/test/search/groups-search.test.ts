import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/contract/errors.js';
import { registerSearchFunctions } from '../../src/db/functions.js';
import {
  compileCriteria,
  type FieldMap,
  type SearchCriteria,
  type SearchRequestBase,
} from '../../src/domain/search/criteria.js';
import { compileSort, searchPaging } from '../../src/domain/search/request.js';
import { decodeQ64, encodeQ64, searchPageUri } from '../../src/domain/search/q64.js';
import { entityListing, parsePaging, splitMulti } from '../../src/domain/search/paging.js';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SCHEMA_VERSION } from '../../src/db/open.js';
import { listGroups } from '../../src/domain/groups/groups.js';
import { GROUP_SEARCH_FIELDS, GROUP_SORT_FIELDS, searchGroups } from '../../src/domain/groups/search.js';
import { readMemory } from '../../src/db/read-memory.js';
import { PRIVATE_GROUP_VIEW } from '../../src/contract/group-rules.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { clientCaller } from '../support/fixtures.js';
import { startServer, type TestServer } from '../support/server.js';

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

const apiError = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
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

describe('CONTAINS through the groups trigram index', () => {
  let server: TestServer;
  let token: string;
  const created: string[] = [];
  // The same fields without the index: CONTAINS scans.
  const scanFields: FieldMap = Object.fromEntries(
    Object.entries(GROUP_SEARCH_FIELDS).map(([k, spec]) => {
      if (spec.kind === 'list') return [k, spec];
      const { substringIndex: _unused, ...rest } = spec;
      return [k, rest];
    }),
  );
  const names = [
    '100% Done_ok fts',
    'Back\\slash \\ group',
    'Quote "double" group',
    "It's o'clock",
    'Zoë Ünïcode ΟΔΟΣ',
    'Cafe\u0301 crème decomposed',
    'İstanbul office',
    'Emoji 😀😀 team',
    'a_b%c\\d',
    'NEAR OR AND NOT * ^ {name} : x',
  ];
  const values = [
    '%',
    '_',
    '\\',
    '0%',
    '% d',
    'e_o',
    'k\\s',
    '\\ g',
    '"',
    '"do',
    'uble" g',
    "t's",
    "'clo",
    'zo',
    'zoë',
    'ZOË',
    'ünï',
    'ΟΔΟΣ',
    'οδος',
    'οδοσ',
    'café',
    'cafe\u0301',
    'afé cr',
    'İst',
    'i\u0307st',
    'ist',
    '😀',
    '😀😀',
    '😀 t',
    'a',
    'ab',
    'b%c',
    '_b%c\\',
    'near or',
    '* ^',
    '{name} :',
    'name',
    'description',
    'xyzzy-nothing',
    'o',
    'team',
    'group',
  ];
  const compiledIds = (fieldMap: FieldMap, fields: string[], value: string): string[] => {
    const { where, params } = compileCriteria([{ type: 'CONTAINS', fields, value }], fieldMap);
    return server.db
      .prepare(`SELECT g.id FROM groups g WHERE ${where} ORDER BY g.id`)
      .pluck()
      .all(...params) as string[];
  };
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const searchIds = async (fields: string[], value: string): Promise<string[]> => {
    const r = await api('POST', '/api/v2/groups/search', {
      pageSize: 100,
      query: [{ type: 'CONTAINS', fields, value }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.results as { id: string }[]).map((g) => g.id).sort();
  };
  const expectSameAsScan = () => {
    let hits = 0;
    for (const fields of [['name'], ['description'], ['name', 'description']])
      for (const value of values) {
        const indexed = compiledIds(GROUP_SEARCH_FIELDS, fields, value);
        expect(indexed, `${fields.join('+')} CONTAINS ${JSON.stringify(value)}`).toEqual(
          compiledIds(scanFields, fields, value),
        );
        hits += indexed.length;
      }
    expect(hits).toBeGreaterThan(0);
  };

  beforeAll(async () => {
    server = await startServer({ seed: 'demo' });
    token = server.tokenFor('admin');
    for (const [i, name] of names.entries()) {
      const r = await api('POST', '/api/v2/groups', {
        name,
        description: i % 2 ? names[names.length - 1 - i] : `About ${name}`,
        type: 'official',
        visibility: 'public',
        rulesVisible: true,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      created.push(r.body.id as string);
    }
  });
  afterAll(() => server?.close());

  it('uses the index only for values of 3 characters or more', () => {
    const sql = (value: string) =>
      compileCriteria([{ type: 'CONTAINS', fields: ['name'], value }], GROUP_SEARCH_FIELDS);
    expect(sql('abc').where).toContain('groups_fts MATCH');
    expect(sql('😀😀😀').where).toContain('groups_fts MATCH');
    expect(sql('ab').where).not.toContain('groups_fts');
    expect(sql('😀😀').where).not.toContain('groups_fts');
    expect(sql('a"b').params[0]).toBe('{name} : "a""b"');
  });

  it('finds exactly what a scan finds, on tricky values', async () => {
    expectSameAsScan();
    expect(compiledIds(GROUP_SEARCH_FIELDS, ['name'], '100% d')).toEqual([created[0]]);
    expect(compiledIds(GROUP_SEARCH_FIELDS, ['name'], 'b%c\\')).toEqual([created[8]]);
    expect(compiledIds(GROUP_SEARCH_FIELDS, ['name'], 'CAFÉ')).toEqual([created[5]]);
    expect(compiledIds(GROUP_SEARCH_FIELDS, ['name'], '"double"')).toEqual([created[2]]);
    expect(compiledIds(GROUP_SEARCH_FIELDS, ['name'], '{name} : x')).toEqual([created[9]]);
    expect(await searchIds(['name', 'description'], 'ünïcode')).toEqual(
      compiledIds(scanFields, ['name', 'description'], 'ünïcode'),
    );
    expect(await searchIds(['name'], 'ünïcode')).toEqual([created[4]]);
  });

  it('follows creates, updates and deletes made through the API', async () => {
    const id = created[3]!;
    const before = await api('GET', `/api/v2/groups/${id}`);
    const put = await api('PUT', `/api/v2/groups/${id}`, {
      version: before.body.version,
      name: 'Renamed Ωmega%_ group',
      description: 'Now about ΣΊΣΥΦΟΣ',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await searchIds(['name'], "o'clock")).toEqual([]);
    expect(await searchIds(['name'], 'ωmega%_')).toEqual([id]);
    expect(await searchIds(['description'], 'σίσυφος')).toEqual([id]);
    expect(await searchIds(['description'], 'ΣΊΣΥΦΟΣ')).toEqual([id]);
    const del = await api('DELETE', `/api/v2/groups/${created[7]}`);
    expect(del.status).toBeLessThan(300);
    expect(await searchIds(['name'], '😀😀 t')).toEqual([]);
    values.push('ωmega', '%_ g', 'σίσυ', 'ΣΥΦ', 'σίσυφος', 'σίσυφοσ', 'ΣΊΣΥΦΟΣ');
    expectSameAsScan();
    const inIndex = server.db
      .prepare('SELECT count(*) FROM groups_fts WHERE groups_fts MATCH \'"ωmega"\'')
      .pluck()
      .get() as number;
    expect(inIndex).toBe(1);
  });
});

/** A client-credentials caller that sees every group (the demo-admin client). */
const adminClient = clientCaller([PRIVATE_GROUP_VIEW], 'demo-admin');

/**
 * Writes a database as schema `version` left it (schema.sql up to the next version's marker), with
 * `rows` (SQL) in it, then opens it with the current server code and hands it to `check`.
 */
function upgradedFrom(version: number, rows: string, check: (db: Database.Database) => void): void {
  const dir = mkdtempSync(join(tmpdir(), `groups-v${version}-`));
  try {
    const file = join(dir, 'groups.db');
    const old = new Database(file);
    registerSearchFunctions(old);
    const schemaSql = readFileSync(new URL('../../src/db/schema.sql', import.meta.url), 'utf8');
    old.exec(schemaSql.slice(0, schemaSql.indexOf(`-- @schema version ${version + 1}`)));
    old.exec(rows);
    old.pragma(`user_version = ${version}`);
    old.close();
    const upgraded = openDatabase(file, { seed: 'none' });
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      check(upgraded);
    } finally {
      upgraded.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('schema version 1 databases', () => {
  it('are upgraded with the trigram index filled from their groups', () => {
    const rows = `INSERT INTO groups (id, name, sort_name, description, type, visibility, date_modified)
      VALUES ('g1', 'Old Timers', 'old timers', 'Since Ⅷ', 'social', 'public', '2024-01-01T00:00:00.000Z')`;
    upgradedFrom(1, rows, (db2) => {
      const find = (fields: string[], value: string) => {
        const { where, params } = compileCriteria([{ type: 'CONTAINS', fields, value }], GROUP_SEARCH_FIELDS);
        expect(where).toContain('groups_fts');
        return db2
          .prepare(`SELECT g.id FROM groups g WHERE ${where}`)
          .pluck()
          .all(...params);
      };
      expect(find(['name'], 'D TIM')).toEqual(['g1']);
      expect(find(['description'], 'ce ⅷ')).toEqual(['g1']);
      db2.prepare("UPDATE groups SET name = 'New', sort_name = 'new' WHERE id = 'g1'").run();
      expect(find(['name'], 'timers')).toEqual([]);
    });
  });
});

describe('schema version 2 databases', () => {
  it('are upgraded with the users-by-state index, which the users count then uses', () => {
    const rows = `INSERT INTO groups (id, name, sort_name, type, visibility, date_modified)
      VALUES ('g1', 'Kept', 'kept', 'social', 'public', '2024-01-01T00:00:00.000Z')`;
    upgradedFrom(2, rows, (db2) => {
      const plan = db2
        .prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM users u WHERE u.state = ?')
        .all('active') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX users_by_state');
      expect(db2.prepare('SELECT count(*) FROM groups_fts WHERE groups_fts MATCH \'"kept"\'').pluck().get()).toBe(1);
    });
  });
});

describe('schema version 3 databases', () => {
  it('are upgraded with the owner reference index, which reading a page of groups with owners then uses', () => {
    const rows = `INSERT INTO divisions (id, name) VALUES ('d1', 'Home');
      INSERT INTO users (id, name, sort_name, email, username, division_id, version)
        VALUES ('u1', 'Ada Owner', 'ada owner', 'ada@example.com', 'ada@example.com', 'd1', 3);
      INSERT INTO groups (id, name, sort_name, type, visibility, date_modified)
        VALUES ('g1', 'Owned', 'owned', 'social', 'public', '2024-01-01T00:00:00.000Z');
      INSERT INTO group_owners (group_id, user_id) VALUES ('g1', 'u1');`;
    upgradedFrom(3, rows, (db2) => {
      const indexes = db2
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'users'")
        .pluck()
        .all();
      expect(indexes).toContain('users_ref');
      const [group] = listGroups(db2, adminClient, {}).entities;
      expect(group?.owners).toEqual([expect.objectContaining({ id: 'u1', name: 'Ada Owner', version: 3 })]);
    });
  });
});

describe('searchGroups pages', () => {
  let sdb: Database.Database;
  beforeAll(() => {
    sdb = openDemoDatabase();
  });
  afterAll(() => sdb.close());

  // The order the API promises, straight from SQL: every visible match, sorted, then the page.
  const expected = (request: SearchRequestBase): { total: number; ids: string[] } => {
    const { where, params } = compileCriteria(request.query, GROUP_SEARCH_FIELDS);
    const orderBy = compileSort(request, GROUP_SORT_FIELDS, 'g.id');
    const all = sdb
      .prepare(`SELECT g.id FROM groups g WHERE g.state <> 'deleted' AND ${where} ${orderBy}`)
      .pluck()
      .all(...params) as string[];
    const { offset, pageSize } = searchPaging(request);
    return { total: all.length, ids: all.slice(offset, offset + pageSize) };
  };

  it('are the same for a new search, a new page of a known one, and a repeated one', () => {
    const queries: SearchCriteria[][] = [
      [{ type: 'CONTAINS', fields: ['name'], value: 'support' }],
      [{ type: 'CONTAINS', fields: ['name', 'description'], value: 'an' }],
      [{ type: 'EXACT', fields: ['type'], value: 'social' }],
      [{ type: 'MATCH_ALL' }],
      [{ type: 'CONTAINS', fields: ['name'], value: 'no group is called this' }],
    ];
    let compared = 0;
    for (const query of queries)
      for (const sortBy of ['name', 'memberCount', 'dateModified'])
        for (const sortOrder of ['ASC', 'DESC'])
          for (const pageNumber of [1, 2, 7]) {
            const request = { query, sortBy, sortOrder, pageSize: 10, pageNumber } as SearchRequestBase;
            const label = JSON.stringify(request);
            const want = expected(request);
            const fresh = searchGroups(sdb, adminClient, structuredClone(request));
            expect(fresh.total, label).toBe(want.total);
            expect(
              fresh.results.map((g) => g.id),
              label,
            ).toEqual(want.ids);
            const { where, params } = compileCriteria(query, GROUP_SEARCH_FIELDS);
            expect(
              readMemory(sdb).recall(
                'count',
                `SELECT COUNT(*) FROM groups g WHERE (g.state <> 'deleted') AND ${where}`,
                params,
              ),
              label,
            ).toBe(want.total);
            const again = searchGroups(sdb, adminClient, structuredClone(request));
            expect(again, label).toEqual(fresh);
            compared += want.ids.length;
          }
    expect(compared).toBeGreaterThan(100);
  });

  it('forget remembered pages and totals at the next write', () => {
    const request = {
      query: [{ type: 'CONTAINS', fields: ['name'], value: 'zz remembered' }],
      pageSize: 25,
      pageNumber: 1,
    } as SearchRequestBase;
    const search = () => searchGroups(sdb, adminClient, structuredClone(request));
    expect(search().total).toBe(0);
    const id = sdb
      .prepare("SELECT id FROM groups WHERE state <> 'deleted' ORDER BY id LIMIT 1")
      .pluck()
      .get() as string;
    sdb.prepare("UPDATE groups SET name = 'ZZ Remembered', sort_name = 'zz remembered' WHERE id = ?").run(id);
    const found = search();
    expect(found.total).toBe(1);
    expect(found.results.map((g) => g.id)).toEqual([id]);
    expect(search()).toEqual(found);
    sdb.prepare("UPDATE groups SET state = 'deleted' WHERE id = ?").run(id);
    expect(search().total).toBe(0);
    expect(search().results).toEqual([]);
  });
});

describe('searchGroups with more matches than it reads in one pass', () => {
  let bdb: Database.Database;
  const BULK = 640;
  beforeAll(() => {
    bdb = openDatabase(':memory:', { seed: 'none' });
    const insert = bdb.prepare(`INSERT INTO groups (id, name, sort_name, type, visibility, state, date_modified)
      VALUES (?, ?, lower(?), 'social', 'public', ?, '2024-01-01T00:00:00.000Z')`);
    bdb.transaction(() => {
      for (let i = 0; i < BULK; i++) {
        const name = `Bulk ${String(i).padStart(4, '0')}`;
        insert.run(`bulk-${i}`, name, name, i % 10 === 9 ? 'deleted' : 'active');
      }
    })();
  });
  afterAll(() => bdb.close());

  const visible = Array.from({ length: BULK }, (_, i) => i)
    .filter((i) => i % 10 !== 9)
    .map((i) => `bulk-${i}`);

  it('counts them all, and pages through them in order on both sides of the one pass', () => {
    expect(visible.length).toBeGreaterThan(500);
    const pages: Array<[pageSize: number, pageNumber: number]> = [
      [25, 1],
      [100, 5],
      [100, 6],
      [25, 20],
      [25, 21],
      [25, 23],
      [25, 24],
    ];
    for (const [pageSize, pageNumber] of pages) {
      const found = searchGroups(bdb, adminClient, {
        query: [{ type: 'CONTAINS', fields: ['name'], value: 'bulk' }],
        sortBy: 'name',
        pageSize,
        pageNumber,
      } as SearchRequestBase);
      const label = `pageSize ${pageSize}, pageNumber ${pageNumber}`;
      expect(found.total, label).toBe(visible.length);
      expect(
        found.results.map((g) => g.id),
        label,
      ).toEqual(visible.slice((pageNumber - 1) * pageSize, pageNumber * pageSize));
    }
  });
});
