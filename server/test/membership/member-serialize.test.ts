/**
 * Members pages built as JSON text (domain/membership/member-serialize.ts) against the model they replace:
 * byte for byte JSON.stringify(listGroupMembers(…)), for pages with and without expands, users whose
 * stored expands are missing or null or who have no skills, the first request for a page and the
 * repeated one, and over HTTP through a reader thread, checked against openapi/groups.yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUPS } from '../../src/db/seed/personas.js';
import { buildsFromText, groupMembersJson, usersJson } from '../../src/domain/membership/member-serialize.js';
import { listGroupMembers } from '../../src/domain/membership/members.js';
import { writePresence } from '../../src/domain/users/presence.js';
import { JSON_EXPANDS, usersByIds, type User } from '../../src/domain/users/users.js';
import { readTaskJson, runReadTask } from '../../src/readers/tasks.js';
import { apiCaller, type ApiCall } from '../support/openapi-validator.js';
import { startServer, type TestServer } from '../support/server.js';
import { clientCaller } from '../support/fixtures.js';

const SIX = 'presence,routingStatus,station,outOfOffice,skills,languages';
const GROUP = DEMO_GROUPS.allStaff.id;

const admin = clientCaller(['directory:group:edit', 'directory:privateGroup:view', 'directory:user:view'], 'test');

let server: TestServer;
let call: ApiCall;

beforeAll(async () => {
  server = await startServer({ seed: 'demo', readerThreads: 1 });
  call = apiCaller(server.url);
  await server.app.readers.whenStarted();
});

afterAll(async () => {
  await server?.close();
});

/** The members page as the model, serialised as every answer was before. */
const modelJson = (query: Record<string, unknown>) => JSON.stringify(listGroupMembers(server.db, admin, GROUP, query));

/** groupMembersJson twice (the second answers from what the first remembered), each equal to the model's. */
function expectSameBytes(query: Record<string, unknown>): string {
  const expected = modelJson(query);
  expect(groupMembersJson(server.db, admin, GROUP, query), `first ${JSON.stringify(query)}`).toBe(expected);
  expect(groupMembersJson(server.db, admin, GROUP, query), `again ${JSON.stringify(query)}`).toBe(expected);
  return expected;
}

describe('members pages as text', () => {
  it('builds the stored expands, skills and languages from text, and anything else from the models', () => {
    expect(buildsFromText(SIX.split(','))).toBe(true);
    expect(buildsFromText([...Object.keys(JSON_EXPANDS), 'skills', 'languages'])).toBe(true);
    expect(buildsFromText([])).toBe(false);
    expect(buildsFromText(['presence', 'groups'])).toBe(false);
    expect(buildsFromText(['authorization'])).toBe(false);
  });

  it('answers the same bytes as JSON.stringify of the model, page by page and expand set by expand set', () => {
    const { pageCount } = listGroupMembers(server.db, admin, GROUP, { pageSize: 25 });
    expect(pageCount).toBeGreaterThan(40);
    const expandSets = [
      SIX,
      'languages,skills,outOfOffice,station,routingStatus,presence',
      'skills',
      'languages',
      'station,presence',
      'presence,presence,skills',
      [...Object.keys(JSON_EXPANDS), 'skills', 'languages'].join(','),
      'groups,presence,skills',
      'authorization,station',
      'dateLastLogin,skills',
      undefined,
    ];
    for (const expand of expandSets) {
      for (const pageNumber of [1, 2, Math.ceil(pageCount / 2), pageCount, pageCount + 1]) {
        for (const sortOrder of ['ASC', 'DESC']) expectSameBytes({ pageSize: 25, pageNumber, sortOrder, expand });
      }
    }
    const big = expectSameBytes({ pageSize: 500, pageNumber: 2, expand: SIX });
    expect((JSON.parse(big) as { entities: unknown[] }).entities).toHaveLength(500);
  });

  it('leaves out stored expands a user lacks, keeps a stored null, and lists no skills as []', () => {
    const page = listGroupMembers(server.db, admin, GROUP, { pageSize: 25, pageNumber: 3 });
    const [noStation, nullOutOfOffice, noSkills, quoted] = page.entities.map((u) => u.id);
    const update = server.db.prepare('UPDATE users SET expand_json = @json, version = version + 1 WHERE id = @id');
    const bump = (id: string | undefined, json: string) => update.run({ id, json });
    const storedOf = (id: string | undefined) =>
      server.db.prepare('SELECT expand_json FROM users WHERE id = ?').pluck().get(id) as string;
    // Read once first, so the remembered texts of these users must give way to their new versions.
    expectSameBytes({ pageSize: 25, pageNumber: 3, expand: SIX });
    const station = JSON.parse(storedOf(noStation)) as Record<string, unknown>;
    delete station.station;
    bump(noStation, JSON.stringify(station));
    bump(nullOutOfOffice, JSON.stringify({ ...JSON.parse(storedOf(nullOutOfOffice)), outOfOffice: null }));
    server.db.prepare('DELETE FROM user_skills WHERE user_id = ?').run(noSkills);
    server.db.prepare('UPDATE users SET version = version + 1 WHERE id = ?').run(noSkills);
    const presence = { message: 'Back at 3 "sharp" \\ café ☕ \u2028', source: 'PURECLOUD', primary: true };
    bump(quoted, JSON.stringify({ ...JSON.parse(storedOf(quoted)), presence }));

    const text = expectSameBytes({ pageSize: 25, pageNumber: 3, expand: SIX });
    const users = new Map(
      (JSON.parse(text) as { entities: Array<Record<string, unknown> & { id: string }> }).entities.map((u) => [
        u.id,
        u,
      ]),
    );
    expect(users.get(noStation as string)).not.toHaveProperty('station');
    expect(users.get(noStation as string)).toHaveProperty('presence');
    expect(users.get(nullOutOfOffice as string)?.outOfOffice).toBeNull();
    expect(users.get(noSkills as string)).toMatchObject({ skills: [], languages: [] });
    expect(users.get(quoted as string)?.presence).toEqual(presence);
  });

  it("answers a presence written since the page was last read (presence writes keep the user's version)", () => {
    const query = { pageSize: 25, pageNumber: 4, expand: SIX };
    expectSameBytes(query);
    const [first, second] = listGroupMembers(server.db, admin, GROUP, query).entities;
    const user = first as User;
    const message = `Back soon ${Date.now()}`;
    writePresence(server.db, user.id, { message });
    const text = expectSameBytes(query);
    const entities = (JSON.parse(text) as { entities: User[] }).entities;
    expect(entities[0]).toMatchObject({ id: user.id, version: user.version, presence: { message } });
    expect(entities[1]).toEqual(second);
  });

  it('serialises any list of users, in the order given, missing ids skipped', () => {
    const ids = listGroupMembers(server.db, admin, GROUP, { pageSize: 10, pageNumber: 5 })
      .entities.map((u) => u.id)
      .reverse();
    const mixed = [ids[0] as string, 'no-such-user', ...ids.slice(1)];
    for (const expand of [SIX.split(','), ['skills', 'team'], []]) {
      expect(usersJson(server.db, mixed, expand, admin)).toBe(
        JSON.stringify(usersByIds(server.db, mixed, expand, admin)),
      );
    }
    expect(usersJson(server.db, [], SIX.split(','), admin)).toBe('[]');
  });

  it('gives a reader task the text of its model', () => {
    const task = { kind: 'groupMembers' as const, caller: admin, groupId: GROUP, query: { pageSize: 30, expand: SIX } };
    expect(readTaskJson(server.db, task)).toBe(JSON.stringify(runReadTask(server.db, task)));
  });
});

describe('GET /groups/{groupId}/members over HTTP', () => {
  it('answers from a reader thread with the same bytes, valid against the document', async () => {
    const before = server.app.readers.stats().byThreads;
    const token = server.clientToken('demo-admin');
    for (const query of [
      { pageSize: 25, pageNumber: 1, expand: SIX },
      { pageSize: 25, pageNumber: 7, sortOrder: 'DESC', expand: 'skills,station' },
      { pageSize: 100, pageNumber: 2 },
    ]) {
      const res = await call('listGroupMembers', { token, params: { groupId: GROUP }, query });
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.text).toBe(modelJson(query));
    }
    expect(server.app.readers.stats().byThreads - before).toBe(3);
  });

  it('answers errors from the reader thread as ErrorBody', async () => {
    const token = server.clientToken('demo-admin');
    const unknown = await call('listGroupMembers', {
      token,
      params: { groupId: '00000000-0000-4000-8000-00000000dead' },
      query: { expand: SIX },
    });
    expect(unknown.status, unknown.text).toBe(404);
    expect(unknown.body.code).toBe('not.found');
    const bad = await call('listGroupMembers', {
      token,
      params: { groupId: GROUP },
      query: { expand: 'presence,nope' },
    });
    expect(bad.status, bad.text).toBe(400);
  });
});
