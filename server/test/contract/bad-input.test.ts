/**
 * No client input produces a 500: explicit cases of malformed JSON, oversize and non-JSON bodies,
 * paging extremes, too many ids, undecodable q64, and search values full of SQL, LIKE and regex
 * metacharacters, sent as the admin persona. Every answer keeps the invariants of bad-input-suite.ts;
 * the property tests are in bad-input-properties.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS } from '../../src/db/seed/personas.js';
import { b64 } from '../support/arbitraries.js';
import { badInputSuite } from '../support/bad-input-suite.js';
import { expectErrorBody } from '../support/openapi-validator.js';

const suite = badInputSuite();

describe('explicit bad input', () => {
  const group = () => ({ groupId: suite.scratchGroupId });

  it('malformed JSON → 400 bad.request', async () => {
    for (const rawBody of ['{', '{"name": "x",}', '[', 'undefined', "{'name':'x'}"]) {
      expectErrorBody(await suite.send('createGroup', { rawBody }), 400, 'bad.request');
      expectErrorBody(await suite.send('updateGroup', { params: group(), rawBody }), 400, 'bad.request');
      expectErrorBody(await suite.send('searchGroups', { rawBody }), 400, 'bad.request');
      expectErrorBody(await suite.send('addGroupMembers', { params: group(), rawBody }), 400, 'bad.request');
    }
  });

  it('a body over 1 MB → 413', async () => {
    const big = JSON.stringify({
      name: 'x'.repeat(2 * 1024 * 1024),
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
    });
    expectErrorBody(await suite.send('createGroup', { rawBody: big }), 413);
    expectErrorBody(
      await suite.send('searchGroups', {
        rawBody: JSON.stringify({
          query: [
            {
              type: 'TERMS',
              fields: ['id'],
              values: Array.from({ length: 60_000 }, (_, i) => `id-${i}-${'y'.repeat(30)}`),
            },
          ],
        }),
      }),
      413,
    );
  });

  it('a body that is not JSON → 415 unsupported.media.type', async () => {
    expectErrorBody(
      await suite.send('createGroup', { rawBody: 'name=x', contentType: 'text/plain' }),
      415,
      'unsupported.media.type',
    );
    expectErrorBody(
      await suite.send('createGroup', {
        rawBody: 'name=x&type=official',
        contentType: 'application/x-www-form-urlencoded',
      }),
      415,
      'unsupported.media.type',
    );
    expectErrorBody(
      await suite.send('addGroupMembers', { params: group(), rawBody: '<memberIds/>', contentType: 'application/xml' }),
      415,
      'unsupported.media.type',
    );
  });

  it('paging extremes → 400 bad.request, never 500', async () => {
    for (const operationId of ['listGroups', 'listGroupProfiles', 'listUsers']) {
      for (const pageSize of ['0', '-1', '501', '1e309', 'abc', '1.5']) {
        expectErrorBody(await suite.send(operationId, { query: `pageSize=${pageSize}` }), 400, 'bad.request');
      }
      for (const pageNumber of ['-5', '0', 'abc'])
        expectErrorBody(await suite.send(operationId, { query: `pageNumber=${pageNumber}` }), 400, 'bad.request');
    }
    for (const pageSize of ['0', '-1', '501', '1e309', 'abc']) {
      expectErrorBody(
        await suite.send('listGroupMembers', {
          params: { groupId: DEMO_GROUPS.allStaff.id },
          query: `pageSize=${pageSize}`,
        }),
        400,
        'bad.request',
      );
    }
    for (const [pageSize, pageNumber] of [
      [0, 1],
      [-1, 1],
      [101, 1],
      ['1e309', 1],
      [25, -5],
      [25, 99_999_999_999],
      [100, 101],
    ]) {
      const rawBody = `{"pageSize":${pageSize},"pageNumber":${pageNumber},"query":[{"type":"MATCH_ALL"}]}`;
      expectErrorBody(await suite.send('searchGroups', { rawBody }), 400, 'bad.request');
      expectErrorBody(await suite.send('searchUsers', { rawBody }), 400, 'bad.request');
    }
  });

  it('51 ids → 400 bad.request, and nothing changes', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => suite.knownUserIds[i] ?? `user-${i}`);
    expectErrorBody(await suite.send('removeGroupMembers', { params: group(), query: { ids } }), 400, 'bad.request');
    expectErrorBody(
      await suite.send('addGroupMembers', { params: group(), body: { memberIds: ids } }),
      400,
      'bad.request',
    );
    // Many ids in a filter are fine (the answer simply holds the groups that exist).
    const many = await suite.send('listGroups', {
      query: { id: [DEMO_GROUPS.social.id, ...Array.from({ length: 99 }, (_, i) => `g${i}`)] },
    });
    expect(many.status, many.text).toBe(200);
    expect(many.body.entities.map((g: { id: string }) => g.id)).toEqual([DEMO_GROUPS.social.id]);
  });

  it('undecodable q64 → 400 bad.request', async () => {
    for (const q64 of [
      '!!!',
      '',
      '====',
      '%',
      b64('not json'),
      b64('[]'),
      b64('"text"'),
      b64(gzipSync('{')),
      b64(Buffer.from([0x1f, 0x8b, 1, 2, 3])),
      b64(gzipSync('x'.repeat(3_000_000))),
    ]) {
      expectErrorBody(await suite.send('searchGroupsByQ64', { query: { q64 } }), 400, 'bad.request');
      expectErrorBody(await suite.send('searchUsersByQ64', { query: { q64 } }), 400, 'bad.request');
    }
  });

  it('LIKE metacharacters in search values are literal', async () => {
    for (const value of ['%', '_', '\\', '%%', '_%_']) {
      for (const type of ['CONTAINS', 'STARTS_WITH', 'EXACT', 'TERM']) {
        const res = await suite.send('searchGroups', {
          body: { pageSize: 100, query: [{ type, fields: ['name', 'description'], value }] },
        });
        expect(res.status, `${type} ${value}`).toBe(200);
        for (const g of res.body.results as Array<{ name: string; description?: string }>) {
          expect(
            `${g.name} ${g.description ?? ''}`,
            `${type} ${JSON.stringify(value)} matched a group without it`,
          ).toContain(value);
        }
        const users = await suite.send('searchUsers', {
          body: { pageSize: 100, query: [{ type, fields: ['name', 'email'], value }] },
        });
        expect(users.status).toBe(200);
        for (const u of users.body.results as Array<{ name: string; email?: string }>)
          expect(`${u.name} ${u.email ?? ''}`).toContain(value);
      }
    }
  });

  it('SQL in values is data', async () => {
    const before = (await suite.send('listGroups', { query: { pageSize: 1 } })).body.total;
    for (const value of ["'; DROP TABLE groups; --", "' OR '1'='1", '" OR ""="', '1; DELETE FROM users']) {
      const res = await suite.send('searchGroups', { body: { query: [{ type: 'EXACT', fields: ['name'], value }] } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
      expectErrorBody(await suite.send('getGroup', { params: { groupId: value } }), 404, 'not.found');
      expect((await suite.send('listGroups', { query: { id: value } })).body.entities).toEqual([]);
      expect(
        (await suite.send('searchUsers', { body: { query: [{ type: 'CONTAINS', fields: ['name'], value }] } })).body
          .total,
      ).toBe(0);
    }
    expect((await suite.send('listGroups', { query: { pageSize: 1 } })).body.total).toBe(before);
  });

  it('a catastrophic REGEX answers quickly', async () => {
    const created = await suite.send('createGroup', {
      body: { name: `${'a'.repeat(60)}!`, type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(created.status).toBe(200);
    for (const value of ['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}']) {
      const started = Date.now();
      const res = await suite.send('searchGroups', {
        body: { query: [{ type: 'REGEX', fields: ['name', 'description'], value }] },
      });
      expect(Date.now() - started, value).toBeLessThan(3_000);
      expect([200, 400]).toContain(res.status);
    }
    const longPattern = await suite.send('searchGroups', {
      body: { query: [{ type: 'REGEX', fields: ['name'], value: 'a'.repeat(10_000) }] },
    });
    expect([200, 400]).toContain(longPattern.status);
  });

  it('unicode, emoji and 10,000-character strings', async () => {
    const name = `Ñandú 日本語 😀👍🏽 ${Date.now()}`;
    const created = await suite.send('createGroup', {
      body: { name, description: 'ÅÄÖ \u202e', type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.name).toBe(name);
    const found = await suite.send('searchGroups', {
      body: { query: [{ type: 'EXACT', fields: ['name'], value: name.toUpperCase() }] },
    });
    expect(found.body.results.map((g: { id: string }) => g.id)).toContain(created.body.id);
    const emoji = await suite.send('searchGroups', {
      body: { query: [{ type: 'CONTAINS', fields: ['name'], value: '😀👍🏽' }] },
    });
    expect(emoji.body.results.map((g: { id: string }) => g.id)).toContain(created.body.id);

    const long = 'x'.repeat(10_000);
    const longName = await suite.send('createGroup', {
      body: { name: long, type: 'social', visibility: 'public', rulesVisible: true },
    });
    if (longName.status !== 200) expectErrorBody(longName, 400, 'bad.request');
    expect(
      (await suite.send('searchGroups', { body: { query: [{ type: 'CONTAINS', fields: ['name'], value: long }] } }))
        .status,
    ).toBeLessThan(500);
    expect((await suite.send('listGroups', { query: { id: long } })).status).toBeLessThan(500);
    expect(
      (await suite.send('searchUsers', { body: { query: [{ type: 'STARTS_WITH', fields: ['name'], value: long }] } }))
        .status,
    ).toBeLessThan(500);
  });

  it('unknown ids → 404 not.found (groups, users) or 400 listing them (members)', async () => {
    const unknown = '11111111-2222-4333-8444-555555555555';
    for (const operationId of [
      'getGroup',
      'listGroupMembers',
      'listGroupIndividuals',
      'getGroupProfile',
      'getGroupDynamicSettings',
      'deleteGroup',
      'deleteGroupDynamicSettings',
    ]) {
      expectErrorBody(await suite.send(operationId, { params: { groupId: unknown } }), 404, 'not.found');
    }
    expectErrorBody(await suite.send('getUser', { params: { userId: unknown } }), 404, 'not.found');
    const add = await suite.send('addGroupMembers', { params: group(), body: { memberIds: [unknown] } });
    expectErrorBody(add, 400);
    expect(add.text).toContain(unknown);
    const owners = await suite.send('updateGroup', { params: group(), body: { version: 1, ownerIds: [unknown] } });
    expect(owners.status).toBeGreaterThanOrEqual(400);
  });

  it('wrong types and unknown enums', async () => {
    for (const body of [
      { name: 1, type: 'official', visibility: 'public', rulesVisible: true },
      { name: 'x', type: 'official', visibility: 'public', rulesVisible: 'true' },
      { name: ['x'], type: 'official', visibility: 'public', rulesVisible: true },
      'a string',
      42,
      null,
    ]) {
      expectErrorBody(await suite.send('createGroup', { body }), 400, 'bad.request');
    }
    expectErrorBody(
      await suite.send('createGroup', {
        body: { name: 'x', type: 'secret', visibility: 'public', rulesVisible: true },
      }),
      400,
      'invalid.value',
    );
    expectErrorBody(
      await suite.send('listGroupMembers', {
        params: { groupId: DEMO_GROUPS.small.id },
        query: { expand: 'nonsense' },
      }),
      400,
    );
    expectErrorBody(await suite.send('listUsers', { query: { state: 'weird' } }), 400);
    expectErrorBody(await suite.send('getFieldConfig', { query: { type: 'spaceship' } }), 400);
  });

  it('a page number far past the last page answers an empty page or 400, within the documented int32', async () => {
    for (const operationId of ['listGroups', 'listGroupProfiles', 'listUsers']) {
      const far = await suite.send(operationId, { query: 'pageNumber=99999999999' });
      if (far.status === 200) expect(far.body.entities).toEqual([]);
      else expectErrorBody(far, 400, 'bad.request');
    }
    const far = await suite.send('listGroupMembers', {
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: 'pageNumber=99999999999',
    });
    if (far.status === 200) expect(far.body.entities).toEqual([]);
    else expectErrorBody(far, 400, 'bad.request');
  });

  it('a 10,000-character id is an unknown id: 404 not.found', async () => {
    const long = 'x'.repeat(10_000);
    expectErrorBody(await suite.send('getGroup', { params: { groupId: long } }), 404, 'not.found');
    expectErrorBody(await suite.send('listGroupMembers', { params: { groupId: long } }), 404, 'not.found');
    expectErrorBody(await suite.send('getUser', { params: { userId: long } }), 404, 'not.found');
  });

  it('revokeToken with junk is harmless', async () => {
    for (const token of ['not-a-token', '', 'x'.repeat(5000)]) {
      const res = await suite.call('revokeToken', { token, query: 'x=%ZZ&&=' });
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expectErrorBody(res, res.status);
      suite.watcher.check(res.status >= 400, `revokeToken ${token.slice(0, 20)}`);
    }
    // A throwaway token, revoked with a junk query string: the suite.admin token still works.
    const throwaway = await suite.server.tokenFor('admin');
    const res = await suite.call('revokeToken', { token: throwaway, query: 'x=%ZZ&&=' });
    expect(res.status).toBeLessThan(500);
    expect((await suite.send('getTokenInfo', {})).status).toBe(200);
  });
});
