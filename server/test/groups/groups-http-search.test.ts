/**
 * The groups endpoints over HTTP on the demo org: search and q64, and visibility in every read.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { decodeQ64, encodeQ64 } from '../../src/domain/search/q64.js';
import { uniqueName } from '../support/fixtures.js';
import { httpSuite, type Json } from '../support/http-suite.js';

const suite = httpSuite();
const { api, createGroup } = suite;

describe('search', () => {
  it('finds by name and pages with q64 URIs that repeat the search', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 2,
      query: [{ type: 'MATCH_ALL' }],
      sortBy: 'name',
    });
    expect(r.status).toBe(200);
    expect(r.body.types).toEqual(['groups']);
    expect(r.body.results).toHaveLength(2);
    expect(r.body.previousPage).toBeUndefined();
    expect(r.body.nextPage).toMatch(/^\/api\/v2\/groups\/search\?q64=/);
    const next = await api('GET', r.body.nextPage);
    expect(next.status).toBe(200);
    expect(next.body.pageNumber).toBe(2);
    expect(next.body.previousPage).toBeDefined();
    expect(next.body.results[0].name.toLowerCase() >= r.body.results[1].name.toLowerCase()).toBe(true);
    expect(next.body.total).toBe(r.body.total);
    const q64 = decodeURIComponent(r.body.currentPage.split('q64=')[1]);
    expect(decodeQ64(q64)).toMatchObject({ pageSize: 2, pageNumber: 1 });
  });

  it('EXACT finds a demo group by name ignoring case, like Terraform does', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['name'], value: DEMO_GROUPS.social.name.toUpperCase() }],
    });
    expect(r.body.total).toBe(1);
    expect(r.body.results[0].id).toBe(DEMO_GROUPS.social.id);
    expect(r.body.nextPage).toBeUndefined();
  });

  it('never leaks invisible groups: totals and results differ by caller', async () => {
    const body = {
      pageSize: 100,
      query: [
        {
          type: 'TERMS',
          fields: ['id'],
          values: [DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.membersOnlyWithoutSupervisor.id, DEMO_GROUPS.social.id],
        },
      ],
    };
    const admin = await api('POST', '/api/v2/groups/search', 'admin', body);
    const sup = await api('POST', '/api/v2/groups/search', 'supervisor', body);
    const viewer = await api('POST', '/api/v2/groups/search', 'viewer', body);
    expect(admin.body.total).toBe(3);
    expect(sup.body.total).toBe(1);
    expect(sup.body.results.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.social.id]);
    expect(viewer.body.total).toBe(1);
    const owner = await api('POST', '/api/v2/groups/search', 'owner', body);
    expect(owner.body.results.map((g: Json) => g.id).sort()).toEqual(
      [DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.social.id].sort(),
    );
  });

  it('ranges on memberCount, NOT, nesting and owners.id', async () => {
    const big = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['memberCount'], startValue: '1500' }],
    });
    expect(big.body.results.map((g: Json) => g.id)).toContain(DEMO_GROUPS.allStaff.id);
    expect(big.body.results.every((g: Json) => g.memberCount >= 1500)).toBe(true);
    const owned = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 100,
      query: [{ type: 'EXACT', fields: ['owners.id'], value: PERSONAS.owner.id }],
    });
    expect(owned.body.total).toBeGreaterThan(0);
    expect(owned.body.results.every((g: Json) => g.owners.some((o: Json) => o.id === PERSONAS.owner.id))).toBe(true);
    const all = await api('POST', '/api/v2/groups/search', 'admin', { pageSize: 1 });
    const social = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 1,
      query: [{ type: 'EXACT', fields: ['type'], value: 'social' }],
    });
    const notSocial = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 1,
      query: [{ type: 'EXACT', fields: ['type'], value: 'social', operator: 'NOT' }],
    });
    expect(social.body.total + notSocial.body.total).toBe(all.body.total);
    const nested = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [
        {
          type: 'MATCH_ALL',
          group: [
            { type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.social.id, operator: 'OR' },
            { type: 'EXACT', fields: ['id'], value: DEMO_GROUPS.small.id, operator: 'OR' },
          ],
        },
      ],
    });
    expect(nested.body.total).toBe(2);
  });

  it('treats LIKE and SQL metacharacters literally', async () => {
    const g = await createGroup({ name: uniqueName("50%_off \\ o'brien") });
    const hit = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'CONTAINS', fields: ['name'], value: "50%_off \\ o'brien" }],
    });
    expect(hit.body.results.map((x: Json) => x.id)).toEqual([g.id]);
    const pct = await api('POST', '/api/v2/groups/search', 'admin', {
      pageSize: 100,
      query: [{ type: 'CONTAINS', fields: ['name'], value: '%' }],
    });
    expect(pct.body.results.every((x: Json) => x.name.includes('%'))).toBe(true);
  });

  it('answers 400 for bad requests', async () => {
    const unknown = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'EXACT', fields: ['colour'], value: 'x' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].fieldName).toBe('query[0].fields[0]');
    expect((await api('POST', '/api/v2/groups/search', 'admin', { pageSize: 100, pageNumber: 101 })).status).toBe(400);
    expect(
      (
        await api('POST', '/api/v2/groups/search', 'admin', {
          query: [{ type: 'REGEX', fields: ['name'], value: '(a+)+' }],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api('POST', '/api/v2/groups/search', 'admin', {
          query: [{ type: 'REGEX', fields: ['name'], value: '[' }],
        })
      ).status,
    ).toBe(400);
    expect((await api('POST', '/api/v2/groups/search', 'admin', { sortBy: 'colour' })).status).toBe(400);
    const badQ64 = await api('GET', '/api/v2/groups/search?q64=not-base64!!');
    expect(badQ64.status).toBe(400);
    expect(badQ64.body.code).toBe('bad.request');
    const wrongShape = await api(
      'GET',
      `/api/v2/groups/search?q64=${encodeQ64({ query: [{ type: 'EXACT', fields: 'name', value: 1 }] })}`,
    );
    expect(wrongShape.status).toBe(400);
  });

  it('REGEX matches the whole value', async () => {
    const r = await api('POST', '/api/v2/groups/search', 'admin', {
      query: [{ type: 'REGEX', fields: ['name'], value: 'lunchtime running .*' }],
    });
    expect(r.body.results.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.social.id]);
  });
});

describe('visibility of reads', () => {
  it('answers 404 for an invisible group on get, members, profile and writes; lists omit it', async () => {
    const id = DEMO_GROUPS.membersOnlyWithoutSupervisor.id;
    for (const path of [
      `/api/v2/groups/${id}`,
      `/api/v2/groups/${id}/members`,
      `/api/v2/groups/${id}/individuals`,
      `/api/v2/groups/${id}/profile`,
    ]) {
      expect((await api('GET', path, 'supervisor')).status, path).toBe(404);
    }
    expect((await api('PUT', `/api/v2/groups/${id}`, 'supervisor', { version: 1, name: 'x' })).status).toBe(404);
    expect(
      (await api('POST', `/api/v2/groups/${id}/members`, 'supervisor', { memberIds: [PERSONAS.supervisor.id] })).status,
    ).toBe(404);
    const list = await api('GET', `/api/v2/groups?id=${id},${DEMO_GROUPS.membersOnlyWithSupervisor.id}`, 'supervisor');
    expect(list.body.entities.map((g: Json) => g.id)).toEqual([DEMO_GROUPS.membersOnlyWithSupervisor.id]);
    expect(list.body.total).toBe(1);
    expect((await api('GET', `/api/v2/groups/${id}`, 'admin')).status).toBe(200);
  });
});
