/**
 * Contract tests of a group's dynamic settings (rules) over HTTP, every answer checked against
 * openapi/groups.yaml.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import { membersSuite, type MembersGroup } from '../support/members-suite.js';

const suite = membersSuite();

describe('dynamic settings', () => {
  const spanish = {
    skillConditions: [
      {
        operation: 'Or',
        routingSkillConditions: [],
        languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
      },
    ],
  };

  it('reads the demo dynamic group definition; its members are the users its rules select', async () => {
    const res = await suite.call('getGroupDynamicSettings', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.dynamic.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.group.id).toBe(DEMO_GROUPS.dynamic.id);
    expect(res.body.query.skillConditions.length).toBeGreaterThan(0);
    const preview = await suite.call('previewDynamicGroup', { token: suite.tokens.admin, body: res.body.query });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);
    const group = await suite.getGroup(DEMO_GROUPS.dynamic.id);
    const direct = await suite.individuals(DEMO_GROUPS.dynamic.id);
    expect(group.memberCount).toBeGreaterThanOrEqual(preview.body.userCount);
    expect(group.memberCount).toBeLessThanOrEqual(preview.body.userCount + direct.length + (group.owners?.length ?? 0));
  });

  it('sets, reads and deletes dynamic settings, changing the members', async () => {
    const group = await suite.createGroup();
    expectErrorBody(
      await suite.call('getGroupDynamicSettings', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    const preview = await suite.call('previewDynamicGroup', { token: suite.tokens.admin, body: spanish });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);

    const put = await suite.call('updateGroupDynamicSettings', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: spanish,
    });
    expect(put.status, put.text).toBe(204);
    const get = await suite.call('getGroupDynamicSettings', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
    });
    expect(get.status).toBe(200);
    expect(get.body.group.id).toBe(group.id);
    expect(get.body.query).toMatchObject(spanish);
    expect(get.body.dateModified).toBeTruthy();
    const withRules = await suite.getGroup(group.id);
    expect(withRules.memberCount).toBe(preview.body.userCount);
    expect(await suite.allMembers(group.id)).toHaveLength(preview.body.userCount);
    expect(await suite.individuals(group.id)).toEqual([]);

    const del = await suite.call('deleteGroupDynamicSettings', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
    });
    expect(del.status, del.text).toBe(204);
    expectErrorBody(
      await suite.call('getGroupDynamicSettings', { token: suite.tokens.admin, params: { groupId: group.id } }),
      404,
      'not.found',
    );
    expect((await suite.getGroup(group.id)).memberCount).toBe(0);
  });

  describe('validates the query: unknown comparator or operation → invalid.value, proficiency out of range or missing fields → 400', () => {
    const withComparator = (comparator: string) => ({
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'Billing', comparator, proficiency: 2 }],
          languageSkillConditions: [],
        },
      ],
    });
    const badOperation = {
      skillConditions: [{ operation: 'Xor', routingSkillConditions: [], languageSkillConditions: [] }],
    };
    const tooProficient = {
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'EqualTo', proficiency: 9 }],
          languageSkillConditions: [],
        },
      ],
    };
    let group: MembersGroup;
    beforeAll(async () => {
      group = await suite.createGroup();
    });

    it.each([
      ['updateGroupDynamicSettings', 'an unknown comparator', withComparator('About'), 'invalid.value'],
      ['previewDynamicGroup', 'an unknown comparator', withComparator('About'), 'invalid.value'],
      ['updateGroupDynamicSettings', 'an unknown operation', badOperation, 'invalid.value'],
      ['updateGroupDynamicSettings', 'a proficiency out of range', tooProficient, 'bad.request'],
      ['updateGroupDynamicSettings', 'no fields', {}, 'bad.request'],
      ['previewDynamicGroup', 'skillConditions not a list', { skillConditions: 'all' }, 'bad.request'],
    ] as const)('%s with %s answers 400 %s', async (operationId, _case, body, code) => {
      const params = operationId === 'updateGroupDynamicSettings' ? { groupId: group.id } : undefined;
      expectErrorBody(await suite.call(operationId, { token: suite.tokens.admin, params, body }), 400, code);
    });

    it('stores none of them', async () => {
      expectErrorBody(
        await suite.call('getGroupDynamicSettings', { token: suite.tokens.admin, params: { groupId: group.id } }),
        404,
        'not.found',
      );
    });
  });

  describe('needs directory:group:view to read, directory:group:edit to set and directory:group:delete to delete', () => {
    let group: MembersGroup;
    beforeAll(async () => {
      group = await suite.createGroup({ ownerIds: [PERSONAS.owner.id] });
    });

    it.each([
      ['getGroupDynamicSettings', () => ({ params: { groupId: DEMO_GROUPS.dynamic.id } })],
      ['previewDynamicGroup', () => ({ body: spanish })],
      ['updateGroupDynamicSettings', () => ({ params: { groupId: group.id }, body: spanish })],
    ] as const)('the supervisor gets 403 for %s', async (operationId, request) => {
      expectErrorBody(
        await suite.call(operationId, { token: suite.tokens.supervisor, ...request() }),
        403,
        'missing.any.permissions',
      );
    });

    it('the editor sets them', async () => {
      const editor = await suite.call('updateGroupDynamicSettings', {
        token: suite.tokens.editor,
        params: { groupId: group.id },
        body: spanish,
      });
      expect(editor.status, editor.text).toBe(204);
    });

    it.each(['editor', 'viewerClient'] as const)('%s gets 403 deleting them', async (who) => {
      expectErrorBody(
        await suite.call('deleteGroupDynamicSettings', { token: suite.tokens[who], params: { groupId: group.id } }),
        403,
        'missing.any.permissions',
      );
    });

    it('a client holding directory:group:delete deletes them', async () => {
      expect(
        (
          await suite.call('deleteGroupDynamicSettings', {
            token: suite.tokens.adminClient,
            params: { groupId: group.id },
          })
        ).status,
      ).toBe(204);
    });
  });

  it('answers 404 setting the rules of an unknown group', async () => {
    expectErrorBody(
      await suite.call('updateGroupDynamicSettings', {
        token: suite.tokens.admin,
        params: { groupId: 'no-group' },
        body: spanish,
      }),
      404,
      'not.found',
    );
  });
});
