/**
 * Contract tests of createGroup and updateGroup over HTTP, every answer checked against
 * openapi/groups.yaml.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { expectErrorBody } from '../support/openapi-validator.js';
import { uniqueName, type GroupBody } from '../support/fixtures.js';
import { demoSuite } from '../support/demo-suite.js';
import { createGroup as createGroupAs } from '../support/groups.js';

const suite = demoSuite();

const createGroup = (overrides: Record<string, unknown> = {}, token = suite.tokens.admin): Promise<GroupBody> =>
  createGroupAs(suite.call, token, { name: uniqueName('Contract group'), ...overrides });

describe('createGroup (POST /api/v2/groups)', () => {
  it('creates a group at version 1 with its owners and every field it was given', async () => {
    const name = uniqueName('Created');
    const res = await suite.call<GroupBody>('createGroup', {
      token: suite.tokens.admin,
      body: {
        name,
        description: 'Made by the contract tests',
        type: 'social',
        visibility: 'members',
        rulesVisible: false,
        rolesEnabled: true,
        includeOwners: true,
        callsEnabled: false,
        ownerIds: [PERSONAS.owner.id, PERSONAS.editor.id],
        addresses: [{ address: '+13175550100', type: 'GROUPRING', mediaType: 'PHONE' }],
      },
    });
    expect(res.status, res.text).toBe(200);
    const group = res.body;
    expect(group).toMatchObject({
      name,
      description: 'Made by the contract tests',
      type: 'social',
      visibility: 'members',
      rulesVisible: false,
      includeOwners: true,
      version: 1,
    });
    expect(group.id).toBeTruthy();
    expect(group.owners?.map((o) => o.id).sort()).toEqual([PERSONAS.owner.id, PERSONAS.editor.id].sort());
    expect(group.state ?? 'active').toBe('active');
    // includeOwners: the two owners are its members.
    expect(group.memberCount).toBe(2);

    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ id: group.id, name, type: 'social', visibility: 'members', version: 1 });
    const listed = await suite.call('listGroups', { token: suite.tokens.admin, query: { id: group.id } });
    expect(listed.body.entities.map((g: GroupBody) => g.id)).toEqual([group.id]);
  });

  it('rejects a body without a required field with 400 bad.request naming the field', async () => {
    const base = { name: uniqueName('Missing'), type: 'official', visibility: 'public', rulesVisible: true };
    for (const field of ['name', 'type', 'visibility', 'rulesVisible'] as const) {
      const body: Record<string, unknown> = { ...base };
      delete body[field];
      const res = await suite.call('createGroup', { token: suite.tokens.admin, body });
      expectErrorBody(res, 400, 'bad.request');
      expect(JSON.stringify(res.body.details ?? []), `details should name ${field}`).toContain(field);
    }
  });

  it('rejects wrong types with bad.request and enum values outside their lists with invalid.value', async () => {
    const base = { name: uniqueName('Typed'), type: 'official', visibility: 'public', rulesVisible: true };
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, rulesVisible: 'yes' } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, name: 42 } }),
      400,
      'bad.request',
    );
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, ownerIds: 'abc' } }),
      400,
      'bad.request',
    );
    const type = await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, type: 'secret' } });
    expectErrorBody(type, 400, 'invalid.value');
    expect(JSON.stringify(type.body.details ?? [])).toContain('type');
    expectErrorBody(
      await suite.call('createGroup', { token: suite.tokens.admin, body: { ...base, visibility: 'everyone' } }),
      400,
      'invalid.value',
    );
    expectErrorBody(await suite.call('createGroup', { token: suite.tokens.admin, body: [] }), 400, 'bad.request');
  });

  it('rejects owners that do not exist with 400', async () => {
    const res = await suite.call('createGroup', {
      token: suite.tokens.admin,
      body: {
        name: uniqueName('Ghost owner'),
        type: 'official',
        visibility: 'public',
        rulesVisible: true,
        ownerIds: ['00000000-dead-beef-0000-000000000000'],
      },
    });
    expectErrorBody(res, 400);
  });

  it('needs directory:group:add: 403 missing.any.permissions for editor, owner, supervisor and the viewer client', async () => {
    for (const who of ['editor', 'owner', 'supervisor', 'viewerClient'] as const) {
      const res = await suite.call('createGroup', {
        token: suite.tokens[who],
        body: { name: uniqueName('Forbidden'), type: 'official', visibility: 'public', rulesVisible: true },
      });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(res.body.messageParams ?? {}), who).toContain('directory:group:add');
    }
    const client = await suite.call('createGroup', {
      token: suite.tokens.adminClient,
      body: { name: uniqueName('By the admin client'), type: 'official', visibility: 'public', rulesVisible: true },
    });
    expect(client.status, client.text).toBe(200);
  });
});

describe('updateGroup (PUT /api/v2/groups/{groupId})', () => {
  it('updates with the current version, raising it by one', async () => {
    const group = await createGroup({ description: 'before' });
    const name = uniqueName('Renamed');
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, name, description: 'after', visibility: 'members', ownerIds: [PERSONAS.owner.id] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: group.id,
      name,
      description: 'after',
      visibility: 'members',
      version: 2,
      type: 'official',
    });
    expect(res.body.owners?.map((o) => o.id)).toEqual([PERSONAS.owner.id]);
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ name, description: 'after', version: 2 });
    // ownerIds replaces the owner list.
    const again = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 2, ownerIds: [PERSONAS.editor.id] },
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body.owners?.map((o) => o.id)).toEqual([PERSONAS.editor.id]);
    expect(again.body.version).toBe(3);
  });

  it('answers 409 conflict naming both versions for a stale version, and changes nothing', async () => {
    const group = await createGroup();
    const first = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'one' },
    });
    expect(first.status).toBe(200);
    const stale = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, description: 'two' },
    });
    expectErrorBody(stale, 409, 'conflict');
    expect(stale.body.message).toContain('1');
    expect(stale.body.message).toContain('2');
    const ahead = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 7, description: 'three' },
    });
    expectErrorBody(ahead, 409, 'conflict');
    expect(ahead.body.message).toContain('7');
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ description: 'one', version: 2 });
  });

  it('requires version and an existing group', async () => {
    const group = await createGroup();
    const res = await suite.call('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { name: 'No version' },
    });
    expectErrorBody(res, 400, 'bad.request');
    expect(JSON.stringify(res.body.details ?? [])).toContain('version');
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.admin,
        params: { groupId: 'no-such-group' },
        body: { version: 1 },
      }),
      404,
      'not.found',
    );
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body.version).toBe(1);
  });

  it.each([
    { case: 'no body', body: undefined, code: 'bad.request' },
    { case: 'a version that is not a number', body: { version: 'one' }, code: 'bad.request' },
    { case: 'an unknown visibility', body: { version: 1, visibility: 'nobody' }, code: 'invalid.value' },
    { case: 'an empty name', body: { version: 1, name: '' }, code: 'bad.request' },
  ])('answers 400 $code to $case and leaves the group as it was', async ({ body, code }) => {
    const group = await createGroup();
    expectErrorBody(
      await suite.call('updateGroup', { token: suite.tokens.admin, params: { groupId: group.id }, body }),
      400,
      code,
    );
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body.version).toBe(1);
  });

  it('accepts visibility ownerIds as owners', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, visibility: 'ownerIds' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.visibility).toBe('owners');
  });

  it('never changes type', async () => {
    const group = await createGroup({ type: 'official' });
    const res = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.admin,
      params: { groupId: group.id },
      body: { version: 1, type: 'social' },
    });
    expect([200, 400]).toContain(res.status);
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body.type).toBe('official');
  });

  it('lets the editor and an owner of the group edit, and nobody else', async () => {
    const group = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const editor = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.editor,
      params: { groupId: group.id },
      body: { version: 1, description: 'by editor' },
    });
    expect(editor.status, editor.text).toBe(200);
    const owner = await suite.call<GroupBody>('updateGroup', {
      token: suite.tokens.owner,
      params: { groupId: group.id },
      body: { version: 2, description: 'by owner' },
    });
    expect(owner.status, owner.text).toBe(200);
    expect(owner.body.version).toBe(3);
    for (const who of ['supervisor', 'viewerClient'] as const) {
      const res = await suite.call('updateGroup', {
        token: suite.tokens[who],
        params: { groupId: group.id },
        body: { version: 3, description: `by ${who}` },
      });
      expectErrorBody(res, 403, 'missing.any.permissions');
      expect(JSON.stringify(res.body.messageParams ?? {})).toContain('directory:group:edit');
    }
    // The owner persona does not own the social demo group.
    const social = await suite.call<GroupBody>('getGroup', {
      token: suite.tokens.admin,
      params: { groupId: DEMO_GROUPS.social.id },
    });
    expectErrorBody(
      await suite.call('updateGroup', {
        token: suite.tokens.owner,
        params: { groupId: DEMO_GROUPS.social.id },
        body: { version: social.body.version, description: 'x' },
      }),
      403,
      'missing.any.permissions',
    );
    const get = await suite.call<GroupBody>('getGroup', { token: suite.tokens.admin, params: { groupId: group.id } });
    expect(get.body).toMatchObject({ description: 'by owner', version: 3 });
  });
});
