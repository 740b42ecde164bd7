/**
 * Contract tests of reading group membership over HTTP (members, individuals, includeOwners), every
 * answer checked against openapi/groups.yaml.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import type { UserBody } from '../support/fixtures.js';
import { byName } from '../support/groups.js';
import { membersSuite } from '../support/members-suite.js';

const suite = membersSuite();

describe('listGroupMembers (GET /api/v2/groups/{groupId}/members)', () => {
  it('pages the large group sorted by name, with memberCount members', async () => {
    const group = await suite.getGroup(DEMO_GROUPS.allStaff.id);
    expect(group.memberCount).toBeGreaterThanOrEqual(1500);
    const res = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(group.memberCount);
    expect(res.body.pageSize).toBe(25);
    expect(res.body.entities).toHaveLength(25);
    const names = res.body.entities.map((u: UserBody) => u.name);
    expect([...names].sort(byName)).toEqual(names);
    expect(res.body.nextUri).toMatch(new RegExp(`^/api/v2/groups/${DEMO_GROUPS.allStaff.id}/members\\?`));
    expect(res.body.previousUri).toBeUndefined();
    const desc = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: { pageSize: 40, sortOrder: 'descending' },
    });
    const descNames = desc.body.entities.map((u: UserBody) => u.name);
    expect([...descNames].sort(byName).reverse()).toEqual(descNames);
    const ids = await suite.allMembers(DEMO_GROUPS.allStaff.id);
    expect(ids).toHaveLength(group.memberCount);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds the expanded fields, comma-joined or repeated, and rejects unknown expand values', async () => {
    const groupId = DEMO_GROUPS.allStaff.id;
    const res = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId },
      query: { pageSize: 10, expand: ['presence', 'routingStatus', 'station', 'skills'] },
    });
    expect(res.status, res.text).toBe(200);
    for (const user of res.body.entities as UserBody[]) {
      expect(user.presence, user.id).toBeDefined();
      expect(user.routingStatus, user.id).toBeDefined();
    }
    const plain = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId },
      query: { pageSize: 10 },
    });
    for (const user of plain.body.entities as UserBody[]) expect(user.presence).toBeUndefined();
    const repeated = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId },
      query: 'pageSize=5&expand=presence&expand=outOfOffice',
    });
    expect(repeated.status, repeated.text).toBe(200);
    for (const user of repeated.body.entities as UserBody[]) {
      expect(user.presence).toBeDefined();
      expect(user.outOfOffice).toBeDefined();
    }
    const bad = await suite.call('listGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId },
      query: { expand: 'presence,telepathy' },
    });
    expectErrorBody(bad, 400);
    expect(['bad.request', 'invalid.value']).toContain(bad.body.code);
  });

  it('rejects bad paging with 400 and answers 404 for an unknown group', async () => {
    for (const query of [{ pageSize: 501 }, { pageSize: 0 }, { pageNumber: 0 }, { pageNumber: 'two' }]) {
      expectErrorBody(
        await suite.call('listGroupMembers', {
          token: suite.tokens.admin,
          params: { groupId: DEMO_GROUPS.small.id },
          query,
        }),
        400,
        'bad.request',
      );
    }
    expectErrorBody(
      await suite.call('listGroupMembers', { token: suite.tokens.admin, params: { groupId: 'unknown-group' } }),
      404,
      'not.found',
    );
  });

  it('shows the members of a members-only group to a member', async () => {
    const members = await suite.allMembers(DEMO_GROUPS.membersOnlyWithSupervisor.id, suite.tokens.supervisor);
    expect(members).toContain(PERSONAS.supervisor.id);
  });
});

describe('includeOwners', () => {
  it('counts owners as members when on, and not when off; individuals never include them', async () => {
    const group = await suite.createGroup({ includeOwners: true, ownerIds: [PERSONAS.owner.id] });
    expect(group.memberCount).toBe(1);
    expect(await suite.allMembers(group.id)).toEqual([PERSONAS.owner.id]);
    expect(await suite.individuals(group.id)).toEqual([]);

    const add = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [suite.user(0)] },
    });
    expect(add.status).toBe(202);
    expect((await suite.allMembers(group.id)).sort()).toEqual([PERSONAS.owner.id, suite.user(0)].sort());
    expect((await suite.getGroup(group.id)).memberCount).toBe(2);

    const current = await suite.getGroup(group.id);
    const off = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: current.version, includeOwners: false },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body.memberCount).toBe(1);
    expect(await suite.allMembers(group.id)).toEqual([suite.user(0)]);

    // Changing the owners of an includeOwners group changes its members.
    const on = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: off.body.version, includeOwners: true, ownerIds: [PERSONAS.editor.id] },
    });
    expect(on.status, on.text).toBe(200);
    expect((await suite.allMembers(group.id)).sort()).toEqual([PERSONAS.editor.id, suite.user(0)].sort());
    expect(on.body.memberCount).toBe(2);
  });

  it('lists the demo includeOwners group with its owners among the members', async () => {
    const group = await suite.getGroup(DEMO_GROUPS.ownedByOwner.id);
    expect(group.includeOwners).toBe(true);
    const members = await suite.allMembers(group.id);
    for (const owner of group.owners ?? []) expect(members).toContain(owner.id);
    expect(members).toHaveLength(group.memberCount);
  });
});

describe('listGroupIndividuals (GET /api/v2/groups/{groupId}/individuals)', () => {
  it('lists the ten individuals of the small demo group', async () => {
    const ids = await suite.individuals(DEMO_GROUPS.small.id);
    expect(ids).toHaveLength(10);
    const members = await suite.allMembers(DEMO_GROUPS.small.id);
    for (const id of ids) expect(members).toContain(id);
    expectErrorBody(
      await suite.call('listGroupIndividuals', { token: suite.tokens.admin, params: { groupId: 'unknown' } }),
      404,
      'not.found',
    );
  });
});
