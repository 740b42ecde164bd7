/**
 * searchUsers and searchUsersByQ64 on an in-memory demo database.
 */
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { decodeQ64, encodeQ64 } from '../../src/domain/search/q64.js';
import { searchUsers, searchUsersByQ64 } from '../../src/domain/users/search.js';
import { counter, demoDatabaseForFile } from '../support/demo-template.js';
import { apiError, personaCaller } from '../support/fixtures.js';

const db = demoDatabaseForFile();

const persona = personaCaller;
const count = counter(db);

describe('searchUsers', () => {
  const viewer = () => persona('supervisor');

  it('needs directory:user:view', () => {
    const err = apiError(() => searchUsers(db, { ...persona('supervisor'), permissions: new Set() }, { query: [] }));
    expect(err.status).toBe(403);
    expect(err.code).toBe('missing.any.permissions');
    expect(err.options.messageParams?.permissions).toBe('directory:user:view');
  });

  it('finds by name prefix of any word, email, title and department (the member picker)', () => {
    const byName = searchUsers(db, viewer(), {
      query: [{ type: 'STARTS_WITH', fields: ['name', 'email', 'username', 'title', 'department'], value: 'sand' }],
    });
    expect(byName.results.map((u) => u.id)).toContain(PERSONAS.supervisor.id);
    expect(
      byName.results.every((u) =>
        [u.name, u.email, u.username, u.title, u.department].some(
          (v) =>
            typeof v === 'string' &&
            v
              .toLowerCase()
              .split(/[^a-z0-9]+/)
              .some((w) => w.startsWith('sand')),
        ),
      ),
    ).toBe(true);
    const exact = searchUsers(db, viewer(), {
      query: [{ type: 'EXACT', fields: ['email'], value: 'OWNER@example.com' }],
    });
    expect(exact.results.map((u) => u.id)).toEqual([PERSONAS.owner.id]);
    const contains = searchUsers(db, viewer(), {
      pageSize: 100,
      query: [{ type: 'CONTAINS', fields: ['title'], value: 'care team' }],
    });
    expect(contains.total).toBe(
      count("SELECT COUNT(*) FROM users WHERE state = 'active' AND lower(title) LIKE '%care team%'"),
    );
  });

  it('combines criteria with AND, OR, NOT and nested groups', () => {
    const careManagers = searchUsers(db, viewer(), {
      pageSize: 100,
      query: [
        { type: 'EXACT', fields: ['department'], value: 'Customer Care' },
        {
          type: 'MATCH_ALL',
          group: [
            { type: 'CONTAINS', fields: ['title'], value: 'Manager', operator: 'OR' },
            { type: 'CONTAINS', fields: ['title'], value: 'Supervisor', operator: 'OR' },
          ],
        },
        { type: 'EXACT', fields: ['email'], value: PERSONAS.editor.email, operator: 'NOT' },
      ],
    });
    const expected = count(
      "SELECT COUNT(*) FROM users WHERE state = 'active' AND department = 'Customer Care' AND (title LIKE '%Manager%' OR title LIKE '%Supervisor%') AND email <> ?",
      PERSONAS.editor.email,
    );
    expect(careManagers.total).toBe(expected);
    expect(careManagers.results.some((u) => u.id === PERSONAS.editor.id)).toBe(false);
    expect(careManagers.results.some((u) => u.id === PERSONAS.supervisor.id)).toBe(true);
    const terms = searchUsers(db, viewer(), {
      query: [{ type: 'TERMS', fields: ['email'], values: [PERSONAS.admin.email, PERSONAS.owner.email] }],
    });
    expect(terms.total).toBe(2);
    const regex = searchUsers(db, viewer(), {
      query: [{ type: 'REGEX', fields: ['email'], value: '(admin|editor)@example\\.com' }],
    });
    expect(regex.results.map((u) => u.email).sort()).toEqual(['admin@example.com', 'editor@example.com']);
    const all = searchUsers(db, viewer(), { query: [{ type: 'MATCH_ALL' }] });
    expect(all.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'active'"));
    const required = searchUsers(db, viewer(), { query: [{ type: 'REQUIRED_FIELDS', fields: ['manager.id'] }] });
    expect(required.total).toBe(count("SELECT COUNT(*) FROM users WHERE state = 'active' AND manager_id IS NOT NULL"));
  });

  it('understands QUERY_STRING: all terms, field:term, -term, "phrase", OR', () => {
    expect(
      searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: 'sofia sand*' }] }).results.map((u) => u.id),
    ).toEqual([PERSONAS.supervisor.id]);
    const ccNotSofia = searchUsers(db, viewer(), {
      query: [{ type: 'QUERY_STRING', value: 'department:"customer care" title:supervisor -sofia' }],
    });
    expect(ccNotSofia.total).toBe(
      count(
        "SELECT COUNT(*) FROM users WHERE state = 'active' AND department = 'Customer Care' AND title LIKE '%Supervisor%' AND name NOT LIKE '%Sofia%'",
      ),
    );
    const either = searchUsers(db, viewer(), {
      query: [{ type: 'QUERY_STRING', value: 'admin@example.com OR editor@example.com', fields: ['email'] }],
    });
    expect(either.results.map((u) => u.email).sort()).toEqual(['admin@example.com', 'editor@example.com']);
    expect(apiError(() => searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: '  ' }] })).status).toBe(
      400,
    );
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'QUERY_STRING', value: 'nope:x' }] })).status,
    ).toBe(400);
  });

  it('leaves out inactive users unless the query names state', () => {
    const inactive = db.prepare("SELECT name FROM users WHERE state = 'inactive' LIMIT 1").pluck().get() as string;
    const q = [{ type: 'EXACT', fields: ['name'], value: inactive }];
    expect(searchUsers(db, viewer(), { query: q }).results.every((u) => u.state === 'active')).toBe(true);
    const withState = searchUsers(db, viewer(), {
      query: [...q, { type: 'EXACT', fields: ['state'], value: 'inactive' }],
    });
    expect(withState.total).toBeGreaterThan(0);
    expect(withState.results.every((u) => u.state === 'inactive')).toBe(true);
  });

  it('pages with q64 URIs that repeat the search', () => {
    const request = {
      pageSize: 10,
      pageNumber: 1,
      sortBy: 'name',
      sortOrder: 'ASC',
      expand: ['presence'],
      query: [{ type: 'STARTS_WITH', fields: ['department'], value: 'sales' }],
    };
    const page1 = searchUsers(db, viewer(), request);
    expect(page1.types).toEqual(['users']);
    expect(page1.previousPage).toBeUndefined();
    expect(page1.currentPage).toMatch(/^\/api\/v2\/users\/search\?q64=/);
    expect(page1.results[0]).toHaveProperty('presence');
    const q64 = decodeURIComponent((page1.nextPage as string).split('q64=')[1] as string);
    expect(decodeQ64(q64)).toMatchObject({ pageNumber: 2, pageSize: 10, types: ['users'], expand: ['presence'] });
    const page2 = searchUsersByQ64(db, viewer(), q64);
    expect(page2.pageNumber).toBe(2);
    expect(page2.previousPage).toBe(page1.currentPage);
    expect(page2.results[0]).toHaveProperty('presence');
    const ids1 = new Set(page1.results.map((u) => u.id));
    expect(page2.results.some((u) => ids1.has(u.id))).toBe(false);
    // The expand parameter of the GET replaces the request's.
    expect(searchUsersByQ64(db, viewer(), q64, 'routingStatus').results[0]).not.toHaveProperty('presence');
    // An un-gzipped q64 is accepted too.
    const plain = Buffer.from(JSON.stringify({ ...request, pageNumber: 2 })).toString('base64url');
    expect(searchUsersByQ64(db, viewer(), plain).results.map((u) => u.id)).toEqual(page2.results.map((u) => u.id));
    const last = searchUsersByQ64(db, viewer(), encodeQ64({ ...request, pageNumber: page1.pageCount }));
    expect(last.nextPage).toBeUndefined();
  });

  it('refuses bad paging, fields, types and q64 with 400', () => {
    for (const request of [
      { pageSize: 101 },
      { pageSize: 0 },
      { pageSize: 100, pageNumber: 101 },
      { pageNumber: 1.5 },
    ]) {
      expect(apiError(() => searchUsers(db, viewer(), request)).status).toBe(400);
    }
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'EXACT', fields: ['password_hash'], value: 'x' }] }))
        .status,
    ).toBe(400);
    expect(
      apiError(() => searchUsers(db, viewer(), { query: [{ type: 'FUZZY', fields: ['name'], value: 'x' }] })).status,
    ).toBe(400);
    expect(apiError(() => searchUsers(db, viewer(), { query: 'name' })).status).toBe(400);
    expect(apiError(() => searchUsers(db, viewer(), { expand: ['bogus'] })).status).toBe(400);
    expect(apiError(() => searchUsersByQ64(db, viewer(), 'not base64!')).status).toBe(400);
    expect(apiError(() => searchUsersByQ64(db, viewer(), encodeQ64({ types: ['groups'] }))).status).toBe(400);
    expect(searchUsers(db, viewer(), { pageSize: 100, pageNumber: 100 }).results).toHaveLength(0);
  });
});
