/**
 * CONTAINS on group names and descriptions through the trigram index: the same matches as a scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCriteria, type FieldMap } from '../../src/domain/search/criteria.js';
import { GROUP_SEARCH_FIELDS } from '../../src/domain/groups/search.js';
import { startServer, type TestServer } from '../support/server.js';

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
