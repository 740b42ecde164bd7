/**
 * LEAN_REFERENCES=1: every reference in an answer is `id` and `selfUri` only (http/lean-references.ts), as the
 * leanest real shape; off (the default), references carry their names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { leanReferences } from '../../src/http/lean-references.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { startServer, type TestServer } from '../support/server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field below
type Body = Record<string, any>;

const get = async (server: TestServer, path: string, gzip = false): Promise<Body> => {
  const response = await fetch(`${server.url}${path}`, {
    headers: {
      authorization: `Bearer ${server.tokenFor('admin')}`,
      'accept-encoding': gzip ? 'br, gzip' : 'identity',
    },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
};

/** A reference in its leanest shape: id and selfUri, nothing else. */
const expectLean = (reference: unknown) => {
  expect(Object.keys(reference as object).sort()).toEqual(['id', 'selfUri']);
};

describe('lean references', () => {
  let lean: TestServer;
  let full: TestServer;
  beforeAll(async () => {
    [lean, full] = await Promise.all([startServer({ leanReferences: true }), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([lean?.close(), full?.close()]);
  });

  it("answers a user's groups, division and manager as id + selfUri", async () => {
    const path = `/api/v2/users/${PERSONAS.supervisor.id}?expand=groups`;
    const user = await get(lean, path);
    expect(user.name).toBe(PERSONAS.supervisor.name);
    expect(user.groups.length).toBeGreaterThan(0);
    for (const g of user.groups) expectLean(g);
    expectLean(user.division);
    // Without the setting the same answer names them.
    const named = await get(full, path);
    expect(named.groups.map((g: Body) => g.id)).toEqual(user.groups.map((g: Body) => g.id));
    expect(named.groups.every((g: Body) => typeof g.name === 'string')).toBe(true);
    expect(typeof named.division.name).toBe('string');
  });

  it("answers a group's owners as id + selfUri, in lists and in single groups, compressed or not", async () => {
    const group = await get(lean, `/api/v2/groups/${DEMO_GROUPS.allStaff.id}`, true);
    expect(group.name).toBe(DEMO_GROUPS.allStaff.name);
    expect(group.owners.length).toBeGreaterThan(0);
    for (const o of group.owners) expectLean(o);
    const page = await get(lean, `/api/v2/groups?pageSize=25`, true);
    const owners = page.entities.flatMap((g: Body) => g.owners ?? []);
    expect(owners.length).toBeGreaterThan(0);
    for (const o of owners) expectLean(o);
  });

  it("answers users/me's organization and division, and users' groups in a search, as id + selfUri", async () => {
    const me = await get(lean, '/api/v2/users/me?expand=organization,groups');
    expectLean(me.organization);
    expectLean(me.division);
    const search = await fetch(`${lean.url}/api/v2/users/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lean.tokenFor('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: [{ type: 'EXACT', fields: ['email'], value: PERSONAS.supervisor.email }],
        expand: ['groups'],
      }),
    });
    const results = ((await search.json()) as Body).results as Body[];
    expect(results).toHaveLength(1);
    for (const g of results[0]!.groups) expectLean(g);
  });

  it("answers the token's organization by id, and organizations/me with its name", async () => {
    const token = await get(lean, '/api/v2/tokens/me');
    expect(Object.keys(token.organization)).toEqual(['id']);
    const org = await get(lean, '/api/v2/organizations/me');
    expect(org.id).toBe(token.organization.id);
    expect(org.name).toBe((await get(full, '/api/v2/tokens/me')).organization.name);
    expect(org.name).toBeTruthy();
  });

  it('leaves everything that is not a reference as it is', () => {
    const body = { id: 'g', name: 'G', owners: [{ id: 'u', name: 'U', selfUri: '/u' }], group: { id: 'x', name: 'X' } };
    expect(leanReferences(body)).toEqual({
      id: 'g',
      name: 'G',
      owners: [{ id: 'u', selfUri: '/u' }],
      group: { id: 'x', name: 'X' },
    });
  });

  it('is a setting, off unless LEAN_REFERENCES is 1', () => {
    expect(loadConfig({}).leanReferences).toBe(false);
    expect(loadConfig({ LEAN_REFERENCES: '1' }).leanReferences).toBe(true);
    expect(() => loadConfig({ LEAN_REFERENCES: 'yes' })).toThrow(/LEAN_REFERENCES must be 1 or 0/);
  });
});
