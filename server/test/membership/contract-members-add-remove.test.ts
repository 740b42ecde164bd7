/**
 * Contract tests of adding and removing group members over HTTP, every answer checked against
 * openapi/groups.yaml.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import { membersSuite } from '../support/members-suite.js';

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

  it('rejects unknown user ids with 400 naming them, and bad bodies with 400', async () => {
    const group = await suite.createGroup();
    const ghost = '00000000-aaaa-4bbb-8ccc-000000000000';
    const add = await suite.call('addGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { memberIds: [suite.user(0), ghost] },
    });
    expectErrorBody(add, 400);
    expect(add.text).toContain(ghost);
    const remove = await suite.call('removeGroupMembers', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      query: { ids: ghost },
    });
    expectErrorBody(remove, 400);
    expect(remove.text).toContain(ghost);
    expect((await suite.getGroup(group.id)).memberCount).toBe(0);

    expectErrorBody(
      await suite.call('addGroupMembers', { token: suite.tokens.admin, params: { groupId: group.id }, body: {} }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: 'abc' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [1, 2] },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [suite.user(0)], version: 'x' },
      }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('removeGroupMembers', { token: suite.tokens.admin, params: { groupId: group.id } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: 'no-group' },
        body: { memberIds: [suite.user(0)] },
      }),
      404,
      'not.found',
    );
    expectErrorBody(
      await suite.call('removeGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: 'no-group' },
        query: { ids: suite.user(0) },
      }),
      404,
      'not.found',
    );
  });

  it('lets the editor and owners of the group change members; others get 403', async () => {
    const group = await suite.createGroup({ ownerIds: [PERSONAS.owner.id] });
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
    for (const who of ['supervisor', 'viewerClient'] as const) {
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
    }
    // The owner persona cannot change a group it does not own.
    expectErrorBody(
      await suite.call('addGroupMembers', {
        token: suite.tokens.owner,
        params: { groupId: DEMO_GROUPS.social.id },
        body: { memberIds: [suite.user(2)] },
      }),
      403,
      'missing.any.permissions',
    );
    expect((await suite.individuals(group.id)).sort()).toEqual([suite.user(1)]);
  });
});
