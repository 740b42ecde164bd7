/**
 * Contract tests of deleteGroup, the group profiles and the field config over HTTP, every answer
 * checked against openapi/groups.yaml.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody, type CallResult } from '../support/openapi-validator.js';
import { uniqueName, type GroupBody } from '../support/fixtures.js';
import { demoSuite } from '../support/demo-suite.js';
import { createGroup as createGroupAs, listAllGroups } from '../support/groups.js';

const suite = demoSuite();

const createGroup = (overrides: Record<string, unknown> = {}, token = suite.tokens.admin): Promise<GroupBody> =>
  createGroupAs(suite.call, token, { name: uniqueName('Contract group'), ...overrides });

describe('deleteGroup (DELETE /api/v2/groups/{groupId})', () => {
  describe('a deleted group', () => {
    let group: GroupBody;
    let deleted: CallResult;
    beforeAll(async () => {
      group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
      const add = await suite.call('addGroupMembers', {
        token: suite.tokens.admin,
        params: { groupId: group.id },
        body: { memberIds: [PERSONAS.supervisor.id] },
      });
      expect(add.status).toBe(202);
      deleted = await suite.call('deleteGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    });

    it('is deleted with 204 and no body', () => {
      expect(deleted.status, deleted.text).toBe(204);
      expect(deleted.text).toBe('');
    });

    it.each([
      ['getGroup', {}],
      ['listGroupMembers', {}],
      ['listGroupIndividuals', {}],
      ['getGroupProfile', {}],
      ['updateGroup', { body: { version: 2 } }],
      ['addGroupMembers', { body: { memberIds: [PERSONAS.editor.id] } }],
      ['deleteGroup', {}],
    ] as const)('then answers %s with 404 not.found', async (operationId, options) => {
      expectErrorBody(
        await suite.call(operationId, { token: suite.tokens.admin, params: { groupId: group.id }, ...options }),
        404,
        'not.found',
      );
    });

    it('leaves the listing and the searches', async () => {
      const listed = await suite.call('listGroups', { token: suite.tokens.admin, query: { id: group.id } });
      expect(listed.body.entities).toEqual([]);
      expect((await listAllGroups(suite.call, suite.tokens.admin)).ids).not.toContain(group.id);
      const search = await suite.call('searchGroups', {
        token: suite.tokens.admin,
        body: { query: [{ type: 'EXACT', fields: ['id'], value: group.id }] },
      });
      expect(search.status).toBe(200);
      expect(search.body.total).toBe(0);
      const byName = await suite.call('searchGroups', {
        token: suite.tokens.admin,
        body: { query: [{ type: 'EXACT', fields: ['name'], value: group.name }] },
      });
      expect(byName.body.total).toBe(0);
    });

    it('takes its memberships with it', async () => {
      const user = await suite.call('getUser', {
        token: suite.tokens.admin,
        params: { userId: PERSONAS.supervisor.id },
        query: { expand: 'groups' },
      });
      expect(user.status).toBe(200);
      expect((user.body.groups ?? []).map((g: GroupBody) => g.id)).not.toContain(group.id);
    });
  });

  describe('needs directory:group:delete', () => {
    let group: GroupBody;
    beforeAll(async () => {
      group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    });

    it.each(['editor', 'owner', 'supervisor', 'viewerClient'] as const)(
      '%s (the owner of the group too) gets 403 naming it, and the group stays',
      async (who) => {
        const res = await suite.call('deleteGroup', { token: suite.tokens[who], params: { groupId: group.id } });
        expectErrorBody(res, 403, 'missing.any.permissions');
        expect(JSON.stringify(res.body.messageParams ?? {})).toContain('directory:group:delete');
        expect(
          (await suite.call('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } })).status,
        ).toBe(200);
      },
    );

    it('a client holding it deletes with 204', async () => {
      expect(
        (await suite.call('deleteGroup', { token: suite.tokens.adminClient, params: { groupId: group.id } })).status,
      ).toBe(204);
    });
  });

  it('answers 404 for an unknown group', async () => {
    expectErrorBody(
      await suite.call('deleteGroup', { token: suite.tokens.admin, params: { groupId: 'does-not-exist' } }),
      404,
      'not.found',
    );
  });
});

describe('profiles (GET /api/v2/groups/{groupId}/profile, GET /api/v2/profiles/groups)', () => {
  it('returns a group profile, narrowed by fields', async () => {
    const res = await suite.call('getGroupProfile', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: DEMO_GROUPS.allStaff.id, name: DEMO_GROUPS.allStaff.name });
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    const narrowed = await suite.call('getGroupProfile', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: { fields: 'name' },
    });
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(narrowed.body.id).toBe(DEMO_GROUPS.allStaff.id);
    expectErrorBody(
      await suite.call('getGroupProfile', { token: suite.tokens.admin, params: { groupId: 'nope' } }),
      404,
      'not.found',
    );
  });

  it('lists profiles sorted by name with the same paging as groups', async () => {
    const res = await suite.call('listGroupProfiles', { token: suite.tokens.admin, query: { pageSize: 30 } });
    expect(res.status).toBe(200);
    expect(res.body.entities).toHaveLength(30);
    const groups = await suite.call('listGroups', { token: suite.tokens.admin, query: { pageSize: 30 } });
    expect(res.body.entities.map((p: GroupBody) => p.id)).toEqual(groups.body.entities.map((g: GroupBody) => g.id));
    expect(res.body.total).toBe(groups.body.total);
    expect(res.body.nextUri).toMatch(/^\/api\/v2\/profiles\/groups\?/);
    expectErrorBody(
      await suite.call('listGroupProfiles', { token: suite.tokens.admin, query: { pageSize: 501 } }),
      400,
      'bad.request',
    );
  });
});

describe('getFieldConfig (GET /api/v2/fieldconfig)', () => {
  it('describes the group profile, and person, org and externalContact too', async () => {
    const res = await suite.call('getFieldConfig', { token: suite.tokens.admin, query: { type: 'group' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entityType).toBe('group');
    expect(res.body.sections.length).toBeGreaterThan(0);
    expect(res.body.sections.flatMap((s: { fieldList?: unknown[] }) => s.fieldList ?? []).length).toBeGreaterThan(0);
    for (const type of ['person', 'org', 'externalContact']) {
      const other = await suite.call('getFieldConfig', { token: suite.tokens.supervisor, query: { type } });
      expect(other.status, type).toBe(200);
    }
  });

  it('answers 400 for an unknown or missing type', async () => {
    const bad = await suite.call('getFieldConfig', { token: suite.tokens.admin, query: { type: 'spaceship' } });
    expectErrorBody(bad, 400);
    expect(['bad.request', 'invalid.value']).toContain(bad.body.code);
    expectErrorBody(await suite.call('getFieldConfig', { token: suite.tokens.admin }), 400, 'bad.request');
  });
});
