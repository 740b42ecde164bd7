/**
 * Contract tests of adding and removing group members over HTTP, every answer checked against
 * openapi/groups.yaml.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import { membersSuite, type MembersGroup } from '../support/members-suite.js';

const suite = membersSuite();

describe('addGroupMembers and removeGroupMembers (POST and DELETE /api/v2/groups/{groupId}/members)', () => {
  it('adds with 202 {}, raising version and memberCount, and removes the same way', async () => {
    const group = await suite.createGroup();
    const three = suite.userIds.slice(0, 3);
    const add = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: three, version: 1 },
    });
    expect(add.status, add.text).toBe(202);
    expect(add.body).toEqual({});
    let after = await suite.getGroup(group.id);
    expect(after.version).toBe(2);
    expect(after.memberCount).toBe(3);
    expect((await suite.allMembers(group.id)).sort()).toEqual([...three].sort());
    expect((await suite.individuals(group.id)).sort()).toEqual([...three].sort());

    // Without a version it is not checked.
    const more = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [suite.user(3)] },
    });
    expect(more.status, more.text).toBe(202);
    after = await suite.getGroup(group.id);
    expect(after.version).toBe(3);
    expect(after.memberCount).toBe(4);

    // Adding an existing member changes nothing and is not an error.
    const again = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [suite.user(0)] },
    });
    expect(again.status, again.text).toBe(202);
    expect((await suite.getGroup(group.id)).memberCount).toBe(4);

    const remove = await suite.call('removeGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      query: { ids: [suite.user(0), suite.user(1)] },
    });
    expect(remove.status, remove.text).toBe(202);
    expect(remove.body).toEqual({});
    after = await suite.getGroup(group.id);
    expect(after.memberCount).toBe(2);
    expect(after.version).toBeGreaterThanOrEqual(4);
    expect((await suite.allMembers(group.id)).sort()).toEqual([suite.user(2), suite.user(3)].sort());

    // Removing a non-member changes nothing and is not an error.
    const none = await suite.call('removeGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      query: { ids: suite.user(10) },
    });
    expect(none.status, none.text).toBe(202);
    expect((await suite.getGroup(group.id)).memberCount).toBe(2);

    // The user's groups list the membership.
    const userRes = await suite.call('getUser', {
      token: suite.tokens.admin,
      params: { userId: suite.user(2) },
      query: { expand: 'groups' },
    });
    expect(userRes.status).toBe(200);
    expect((userRes.body.groups ?? []).map((g: { id: string }) => g.id)).toContain(group.id);
  });

  it('answers 409 conflict for a stale version and changes nothing', async () => {
    const group = await suite.createGroup();
    const stale = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [suite.user(0)], version: 5 },
    });
    expectErrorBody(stale, 409, 'conflict');
    expect(stale.body.message).toContain('5');
    expect(stale.body.message).toContain('1');
    const after = await suite.getGroup(group.id);
    expect(after).toMatchObject({ version: 1, memberCount: 0 });
  });

  it('accepts 50 ids and rejects 51 with 400 bad.request, for add and remove', async () => {
    const group = await suite.createGroup();
    const fifty = suite.userIds.slice(0, 50);
    const ok = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: fifty },
    });
    expect(ok.status, ok.text).toBe(202);
    expect((await suite.getGroup(group.id)).memberCount).toBe(50);
    const fiftyOne = suite.userIds.slice(50, 101);
    expect(fiftyOne).toHaveLength(51);
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: fiftyOne },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('removeGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        query: { ids: suite.userIds.slice(0, 51) },
      }),
      400,
      'bad.request',
    );
    expect((await suite.getGroup(group.id)).memberCount).toBe(50);
    const removeFifty = await suite.call('removeGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      query: { ids: fifty },
    });
    expect(removeFifty.status, removeFifty.text).toBe(202);
    expect((await suite.getGroup(group.id)).memberCount).toBe(0);
  });

  it.each([
    ['addGroupMembers', (ghost: string) => ({ body: { memberIds: [suite.user(0), ghost] } })],
    ['removeGroupMembers', (ghost: string) => ({ query: { ids: ghost } })],
  ] as const)('%s rejects unknown user ids with 400 naming them', async (operationId, request) => {
    const group = await suite.createGroup();
    const ghost = '00000000-aaaa-4bbb-8ccc-000000000000';
    const res = await suite.call(operationId, {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      ...request(ghost),
    });
    expectErrorBody(res, 400);
    expect(res.text).toContain(ghost);
    expect((await suite.getGroup(group.id)).memberCount).toBe(0);
  });

  it.each([
    ['addGroupMembers', 'no body fields', () => ({ body: {} }), 400, 'bad.request'],
    ['addGroupMembers', 'memberIds not an array', () => ({ body: { memberIds: 'abc' } }), 400, 'bad.request'],
    ['addGroupMembers', 'memberIds not strings', () => ({ body: { memberIds: [1, 2] } }), 400, 'bad.request'],
    [
      'addGroupMembers',
      'a version not a number',
      () => ({ body: { memberIds: [suite.user(0)], version: 'x' } }),
      400,
      'bad.request',
    ],
    ['removeGroupMembers', 'no ids', () => ({}), 400, 'bad.request'],
    [
      'addGroupMembers',
      'an unknown group',
      () => ({ params: { groupId: 'no-group' }, body: { memberIds: [suite.user(0)] } }),
      404,
      'not.found',
    ],
    [
      'removeGroupMembers',
      'an unknown group',
      () => ({ params: { groupId: 'no-group' }, query: { ids: suite.user(0) } }),
      404,
      'not.found',
    ],
  ] as const)('%s with %s answers %i %s', async (operationId, _case, request, status, code) => {
    const group = await suite.createGroup();
    expectErrorBody(
      await suite.call(operationId, { token: suite.tokens.admin, params: { groupId: group.id }, ...request() }),
      status,
      code,
    );
    expect((await suite.getGroup(group.id)).memberCount).toBe(0);
  });

  describe('who may change members', () => {
    let group: MembersGroup;
    beforeAll(async () => {
      group = await suite.createGroup({ ownerIds: [PERSONAS.owner.id] });
    });

    it('the editor and the owners of the group add and remove members', async () => {
      const editor = await suite.call('addGroupMembers', {
        token: suite.tokens.editor,
        params: { groupId: group.id },
        body: { memberIds: [suite.user(0)] },
      });
      expect(editor.status, editor.text).toBe(202);
      const owner = await suite.call('addGroupMembers', {
        token: suite.tokens.owner,
        params: { groupId: group.id },
        body: { memberIds: [suite.user(1)] },
      });
      expect(owner.status, owner.text).toBe(202);
      const ownerRemove = await suite.call('removeGroupMembers', {
        token: suite.tokens.owner,
        params: { groupId: group.id },
        query: { ids: suite.user(0) },
      });
      expect(ownerRemove.status, ownerRemove.text).toBe(202);
      expect((await suite.individuals(group.id)).sort()).toEqual([suite.user(1)]);
    });

    it.each(['supervisor', 'viewerClient'] as const)(
      '%s gets 403 naming directory:group:edit, adding or removing, and nothing changes',
      async (who) => {
        const add = await suite.call('addGroupMembers', {
          token: suite.tokens[who],
          params: { groupId: group.id },
          body: { memberIds: [suite.user(2)] },
        });
        expectErrorBody(add, 403, 'missing.any.permissions');
        expect(JSON.stringify(add.body.messageParams ?? {})).toContain('directory:group:edit');
        expectErrorBody(
          await suite.call('removeGroupMembers', {
            token: suite.tokens[who],
            params: { groupId: group.id },
            query: { ids: suite.user(1) },
          }),
          403,
          'missing.any.permissions',
        );
        expect((await suite.individuals(group.id)).sort()).toEqual([suite.user(1)]);
      },
    );

    it('the owner persona gets 403 for a group it does not own', async () => {
      expectErrorBody(
        await suite.call('addGroupMembers', {
          token: suite.tokens.owner,
          params: { groupId: DEMO_GROUPS.social.id },
          body: { memberIds: [suite.user(2)] },
        }),
        403,
        'missing.any.permissions',
      );
    });
  });
});
