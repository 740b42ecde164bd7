/**
 * searchGroups over the demo org: pages, and searches with more matches than it reads in one pass.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCriteria, type SearchCriteria, type SearchRequestBase } from '../../src/domain/search/criteria.js';
import { compileSort, searchPaging } from '../../src/domain/search/request.js';
import { openDatabase } from '../../src/db/open.js';
import { GROUP_SEARCH_FIELDS, GROUP_SORT_FIELDS, searchGroups } from '../../src/domain/groups/search.js';
import { readMemory } from '../../src/db/read-memory.js';
import { PRIVATE_GROUP_VIEW } from '../../src/contract/group-rules.js';
import { openDemoDatabase } from '../support/demo-template.js';
import { clientCaller } from '../support/fixtures.js';

/** A client-credentials caller that sees every group (the demo-admin client). */
const adminClient = clientCaller([PRIVATE_GROUP_VIEW], 'demo-admin');

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
