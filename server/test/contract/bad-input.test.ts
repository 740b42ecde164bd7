/**
 * No client input produces a 500. Property tests send arbitrary query strings, JSON bodies and
 * q64 values to every operation of openapi/groups.yaml as the admin persona and check that:
 *   - the status is below 500 and documented for the operation, and the body matches the document;
 *   - every error answer is an ErrorBody (message, code, status = HTTP status, contextId);
 *   - a rejected request (≥ 400) changed nothing in the database.
 * Then explicit cases: malformed JSON, oversize and non-JSON bodies, paging extremes, too many ids,
 * undecodable q64, and search values full of SQL, LIKE and regex metacharacters.
 *
 * fast-check runs with a fixed seed (FC_SEED overrides it); a failure prints the seed and the
 * shrunk counterexample, so it can be replayed.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgPresenceDefinitions } from '../../src/domain/users/presence.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import {
  apiCaller,
  encodeComponent,
  expectErrorBody,
  operationIds,
  type ApiCall,
  type CallOptions,
  type CallResult,
} from '../support/openapi-validator.js';
import { startServer } from '../support/server.js';
import { ChangeWatcher } from '../support/snapshot.js';

type Server = Awaited<ReturnType<typeof startServer>>;

const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 30);
/** Generated URLs stay under this length. */
const MAX_URL_LENGTH = 15_000;

let server: Server;
let call: ApiCall;
let admin: string;
let watcher: ChangeWatcher;
/** A group the property tests may change freely (re-created if a generated request deletes it). */
let scratchGroupId: string;
/** A notification channel of the admin's token (`@channel` in generated path parameters). */
let channelId = '';
const knownUserIds: string[] = [];

beforeAll(async () => {
  server = await startServer({ seed: 'demo', rateLimitPerMinute: 0 });
  call = apiCaller(server.url);
  admin = await server.tokenFor('admin');
  const users = await call('listUsers', { token: admin, query: { pageSize: 60 }, validate: false });
  knownUserIds.push(...users.body.entities.map((u: { id: string }) => u.id));
  scratchGroupId = await createScratchGroup();
  const channel = await call('postNotificationsChannels', { token: admin, validate: false });
  channelId = channel.body.id;
  watcher = new ChangeWatcher(server.db);
});

afterAll(async () => {
  await server?.close();
});

async function createScratchGroup(): Promise<string> {
  const res = await call('createGroup', {
    token: admin,
    body: {
      name: `Scratch ${Date.now()}`,
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
      ownerIds: [PERSONAS.owner.id],
    },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.id;
}

/** Sends one request and checks the invariants; returns the result for further checks. */
async function send(operationId: string, options: CallOptions): Promise<CallResult> {
  let result: CallResult;
  try {
    result = await call(operationId, { token: admin, ...options });
  } catch (error) {
    // The document check failed (or the body was not JSON): still report whether it was a 500.
    throw new Error(`${operationId} ${describeRequest(options)}: ${(error as Error).message}`, { cause: error });
  }
  const what = `${result.request} ${describeRequest(options)}`;
  expect(result.status, `${what} → ${result.text.slice(0, 400)}`).toBeLessThan(500);
  // A HEAD answer has headers only.
  if (result.status >= 400 && !result.request.startsWith('HEAD ')) expectErrorBody(result, result.status);
  watcher.check(result.status >= 400, what);
  if (operationId === 'deleteGroup' && result.status === 204 && options.params?.groupId === scratchGroupId) {
    scratchGroupId = await createScratchGroup();
    watcher.check(false, 'recreate the scratch group');
  }
  return result;
}

function describeRequest(options: CallOptions): string {
  const body =
    options.rawBody !== undefined
      ? String(options.rawBody)
      : options.body !== undefined
        ? JSON.stringify(options.body)
        : '';
  const query = typeof options.query === 'string' ? options.query : options.query ? JSON.stringify(options.query) : '';
  const text = `params=${JSON.stringify(options.params ?? {})} query=${query} body=${body}`;
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length} chars)` : text;
}

// ---------- generators ----------

const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '-5',
  '501',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999',
  '9007199254740993',
  '1.5',
  '0x10',
  'abc',
  'null',
  'true',
  '[]',
  '{}',
  ',,,',
  '%',
  '_',
  '\\',
  '%%',
  '%_\\',
  "'",
  '"',
  "'; DROP TABLE groups; --",
  "' OR '1'='1",
  '(a+)+$',
  '.*',
  '[',
  '\u0000',
  '\u202e',
  'ñandú',
  '日本語',
  '😀👍🏽',
  '\ud800',
  'x'.repeat(10_000),
  DEMO_GROUPS.allStaff.id,
  PERSONAS.admin.id,
];

const wildString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const QUERY_KEYS = [
  'pageSize',
  'pageNumber',
  'sortOrder',
  'id',
  'jabberId',
  'expand',
  'ids',
  'q64',
  'type',
  'fields',
  'state',
  'integrationPresenceSource',
  'userCustomAttributeSchemaIds',
];

/** A raw query string: known and unknown keys, repeated keys, wild values, odd encodings. */
const queryString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })),
          fc.oneof(
            wildString,
            fc.array(wildString, { maxLength: 4 }).map((a) => a.join(',')),
          ),
        ),
        { maxLength: 5 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'pageSize',
      'pageSize=',
      '=1',
      '&&&',
      'pageSize=%',
      'pageSize=%E0%A4%A',
      'q64=%ZZ',
      'expand[]=presence',
      'id[0]=a&id[1]=b',
      'a=1&a=2&a=3',
      '%00=%00',
    ),
  },
);

/** Plausible request bodies with wild values, plus arbitrary JSON. */
const wildJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: wildString },
);

const groupBody = fc.record(
  {
    name: wildJson,
    description: wildJson,
    type: fc.oneof(fc.constantFrom('official', 'social', 'OFFICIAL', ''), wildJson),
    visibility: fc.oneof(fc.constantFrom('public', 'owners', 'members', 'ownerIds'), wildJson),
    rulesVisible: fc.oneof(fc.boolean(), wildJson),
    version: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(1e308, 2 ** 53, -0, 1.5), wildJson),
    ownerIds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...knownUserIdsLater()), wildString), { maxLength: 3 }),
      wildJson,
    ),
    addresses: fc.oneof(
      fc.array(
        fc.record({
          address: wildJson,
          type: fc.constantFrom('GROUPRING', 'GROUPPHONE', 'FAX'),
          mediaType: fc.constantFrom('PHONE', 'EMAIL'),
        }),
        { maxLength: 2 },
      ),
      wildJson,
    ),
    includeOwners: fc.oneof(fc.boolean(), wildJson),
    state: fc.oneof(fc.constantFrom('active', 'inactive', 'deleted'), wildJson),
  },
  { requiredKeys: [] },
);

/** Placeholder user ids for generators built before the server is up; replaced with real ids at run time. */
function knownUserIdsLater(): string[] {
  return ['@user0', '@user1', '@user2'];
}
const resolveUsers = (value: unknown): unknown => {
  if (typeof value === 'string' && /^@user\d$/.test(value)) return knownUserIds[Number(value.slice(5))] ?? value;
  if (Array.isArray(value)) return value.map(resolveUsers);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveUsers(v)]));
  return value;
};

const membersBody = fc.record(
  {
    memberIds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...knownUserIdsLater()), wildString), { maxLength: 55 }),
      wildJson,
    ),
    version: fc.oneof(fc.integer({ min: -2, max: 10 }), wildJson),
  },
  { requiredKeys: [] },
);

const criterion = fc.letrec((tie) => ({
  criterion: fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'EXACT',
          'STARTS_WITH',
          'CONTAINS',
          'REGEX',
          'TERM',
          'TERMS',
          'REQUIRED_FIELDS',
          'MATCH_ALL',
          'QUERY_STRING',
          'exact',
        ),
        wildJson,
      ),
      fields: fc.oneof(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'id',
              'name',
              'description',
              'type',
              'visibility',
              'state',
              'dateModified',
              'memberCount',
              'owners.id',
              'email',
              'username',
              'title',
              'department',
            ),
            wildString,
          ),
          { maxLength: 3 },
        ),
        wildJson,
      ),
      value: fc.oneof(wildString, wildJson),
      values: fc.oneof(fc.array(wildString, { maxLength: 4 }), wildJson),
      startValue: wildString,
      endValue: wildString,
      dateFormat: fc.oneof(fc.constantFrom("yyyy-MM-dd'T'HH:mm:ss.SSSX", 'yyyy-MM-dd'), wildString),
      operator: fc.oneof(fc.constantFrom('AND', 'OR', 'NOT'), wildJson),
      group: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(undefined),
        fc.array(tie('criterion'), { maxLength: 2 }),
      ),
    },
    { requiredKeys: [] },
  ),
}));

const searchRequest = fc.record(
  {
    pageSize: fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(1e308, 10_001), wildJson),
    pageNumber: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(99_999_999_999, 1e308), wildJson),
    sortOrder: fc.oneof(fc.constantFrom('ASC', 'DESC', 'SCORE', 'asc'), wildJson),
    sortBy: fc.oneof(fc.constantFrom('name', 'dateModified', 'memberCount', 'type', 'email'), wildString),
    sort: fc.oneof(
      fc.array(fc.record({ sortBy: wildString, sortOrder: fc.constantFrom('ASC', 'DESC', 'SCORE', 'UP') }), {
        maxLength: 3,
      }),
      wildJson,
    ),
    query: fc.oneof(
      { weight: 4, arbitrary: fc.array(criterion.criterion, { maxLength: 3 }) },
      { weight: 1, arbitrary: wildJson },
    ),
    expand: fc.oneof(
      fc.array(fc.constantFrom('presence', 'routingStatus', 'groups', 'nonsense'), { maxLength: 3 }),
      wildJson,
    ),
    enforcePermissions: fc.oneof(fc.boolean(), wildJson),
  },
  { requiredKeys: [] },
);

const dynamicQuery = fc.record(
  {
    skillConditions: fc.oneof(
      fc.array(
        fc.record(
          {
            operation: fc.oneof(fc.constantFrom('And', 'Or', 'Not', 'AND'), wildJson),
            routingSkillConditions: fc.oneof(
              fc.array(
                fc.record({
                  routingSkill: wildJson,
                  comparator: fc.constantFrom(
                    'EqualTo',
                    'NotEqualTo',
                    'LessThan',
                    'GreaterThan',
                    'GreaterThanOrEqualTo',
                    'LessThanOrEqualTo',
                    'Like',
                  ),
                  proficiency: fc.oneof(fc.integer({ min: -2, max: 8 }), wildJson),
                  childConditions: fc.oneof(fc.constant([]), wildJson),
                }),
                { maxLength: 2 },
              ),
              wildJson,
            ),
            languageSkillConditions: fc.oneof(
              fc.array(
                fc.record({
                  languageSkill: wildJson,
                  comparator: fc.constantFrom('EqualTo', 'GreaterThan', 'Sideways'),
                  proficiency: fc.oneof(fc.integer({ min: -2, max: 8 }), wildJson),
                }),
                { maxLength: 2 },
              ),
              wildJson,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      wildJson,
    ),
  },
  { requiredKeys: [] },
);

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
/** q64 values: random text, random base64, base64 of random JSON (gzipped or not), wild search requests. */
const q64Value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.base64String({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v))),
  fc.jsonValue({ maxDepth: 3 }).map((v) => b64(gzipSync(JSON.stringify(v)))),
  searchRequest.map((r) => b64(gzipSync(JSON.stringify(r)))),
  searchRequest.map((r) => b64(JSON.stringify(r))),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => b64(Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(bytes)]))),
  fc.constantFrom('!!!', '====', 'a', '%', b64(gzipSync('x'.repeat(2_000_000)))),
);

/** A body as JSON, or raw text sent as application/json (malformed JSON). */
function bodyOf(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Pick<CallOptions, 'body' | 'rawBody'>> {
  return fc.oneof(
    { weight: 6, arbitrary: arbitrary.map((body) => ({ body: resolveUsers(body) })) },
    { weight: 1, arbitrary: wildJson.map((body) => ({ body })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"name":',
          '[1,2',
          'nul',
          '{"a":1}}',
          '\u0000',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{}}}',
        )
        .map((rawBody) => ({ rawBody })),
    },
  );
}

/** A UserPresence body: a real presence definition, a wild one, a message, or neither. */
const presenceBody = fc.record(
  {
    presenceDefinition: fc.oneof(
      fc.record({ id: fc.oneof(fc.constantFrom(...orgPresenceDefinitions().map((d) => d.id)), wildJson) }),
      wildJson,
    ),
    message: fc.oneof(fc.string({ maxLength: 20 }), wildJson),
  },
  { requiredKeys: [] },
);

/** A group id: the scratch group, a demo group, or something wild. */
const groupIdArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('@scratch') },
  { weight: 1, arbitrary: fc.constantFrom(DEMO_GROUPS.small.id, DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.dynamic.id) },
  { weight: 2, arbitrary: wildString.filter((s) => s.length > 0) },
);
const userIdArb = fc.oneof(
  fc.constantFrom(PERSONAS.admin.id, PERSONAS.supervisor.id),
  wildString.filter((s) => s.length > 0),
);

interface OperationSpec {
  params?: fc.Arbitrary<Record<string, string>>;
  body?: fc.Arbitrary<Pick<CallOptions, 'body' | 'rawBody'>>;
  /** Extra query generators (merged with the generic query strings). */
  query?: fc.Arbitrary<string>;
  /** The operation revokes the caller's token or is otherwise unsafe to fuzz as admin. */
  skip?: string;
}

const q64Query = q64Value.map((q) => `q64=${encodeComponent(q)}`);
const idsQuery = fc
  .array(fc.oneof(fc.constantFrom('@user0', '@user1'), wildString), { maxLength: 55 })
  .map((a) => `ids=${encodeComponent(a.join(','))}`);
const groupParams = groupIdArb.map((groupId) => ({ groupId }));

/** Audit query bodies: recent, old and malformed intervals, known and wild filters, sorts and pages. */
const auditInterval = fc.oneof(
  fc
    .constantFrom(1, 13, 20, 400)
    .map((days) => `${new Date(Date.now() - days * 86_400_000).toISOString()}/${new Date().toISOString()}`),
  fc.constantFrom('2026-01-01T00:00:00Z/2025-01-01T00:00:00Z', '2026-11-01/2026-11-02', '/', 'now'),
  wildString,
  wildJson,
);
const auditQueryBody = fc.record(
  {
    interval: auditInterval,
    serviceName: fc.oneof(fc.constant('Directory'), wildJson),
    filters: fc.oneof(
      fc.array(
        fc.record({
          property: fc.oneof(fc.constantFrom('EntityType', 'EntityId', 'UserId', 'ClientId', 'Action'), wildJson),
          value: fc.oneof(fc.constantFrom('Group', 'Update', 'MemberAdd', DEMO_GROUPS.small.id), wildJson),
        }),
        { maxLength: 3 },
      ),
      wildJson,
    ),
    sort: fc.oneof(
      fc.constant([{ name: 'Timestamp', sortOrder: 'ascending' }]),
      fc.array(fc.record({ name: wildJson, sortOrder: wildJson }), { maxLength: 2 }),
    ),
    pageNumber: fc.oneof(fc.integer({ min: -1, max: 3 }), wildJson),
    pageSize: fc.oneof(fc.integer({ min: -1, max: 600 }), wildJson),
  },
  { requiredKeys: [] },
);
const transactionParams = fc
  .oneof(
    fc.constant('00000000-0000-4000-8000-000000000000'),
    wildString.filter((s) => s.length > 0),
  )
  .map((transactionId) => ({ transactionId }));

const channelParams = fc
  .oneof(
    fc.constant('@channel'),
    wildString.filter((s) => s.length > 0),
  )
  .map((id) => ({ channelId: id }));
const topicsBody = fc.array(
  fc.record({
    id: fc.oneof(
      fc.constantFrom(
        `v2.users.${PERSONAS.owner.id}.presence`,
        `v2.users.${PERSONAS.owner.id}?presence&routingStatus`,
        `v2.audits.entitytype.Group.entityid.${DEMO_GROUPS.allStaff.id}`,
      ),
      wildString,
    ),
  }),
  { maxLength: 5 },
);
/** Authorization API: role, division and subject ids (known, `*` and wild) and RoleDivisionGrants bodies. */
const authzIdArb = fc.oneof(
  fc.constantFrom('7b1c2d3e-0002-4f00-8a00-00000000a002', '*', DEMO_GROUPS.groupAdministrators.id, PERSONAS.editor.id),
  wildString.filter((s) => s.length > 0),
);
const grantsBody = fc.record({
  grants: fc.array(fc.record({ roleId: fc.oneof(authzIdArb, wildJson), divisionId: fc.oneof(authzIdArb, wildJson) }), {
    maxLength: 3,
  }),
});
const subjectParams = fc.record({ subjectId: authzIdArb, divisionId: authzIdArb, roleId: authzIdArb });
const subjectTypeQuery = fc
  .oneof(fc.constantFrom('PC_USER', 'PC_GROUP', 'PC_OAUTH_CLIENT'), wildString)
  .map((t) => `subjectType=${encodeComponent(t)}`);

const SPECS: Record<string, OperationSpec> = {
  listGroups: {},
  createGroup: { body: bodyOf(groupBody) },
  searchGroupsByQ64: { query: q64Query },
  searchGroups: { body: bodyOf(searchRequest) },
  previewDynamicGroup: { body: bodyOf(dynamicQuery) },
  getGroup: { params: groupParams },
  updateGroup: { params: groupParams, body: bodyOf(groupBody) },
  deleteGroup: { params: wildString.filter((s) => s.length > 0).map((groupId) => ({ groupId })) },
  listGroupMembers: { params: groupParams },
  addGroupMembers: { params: groupParams, body: bodyOf(membersBody) },
  removeGroupMembers: { params: groupParams, query: idsQuery },
  listGroupIndividuals: { params: groupParams },
  getGroupProfile: { params: groupParams },
  getGroupDynamicSettings: { params: groupParams },
  updateGroupDynamicSettings: { params: groupParams, body: bodyOf(dynamicQuery) },
  deleteGroupDynamicSettings: { params: groupParams },
  listGroupProfiles: {},
  getFieldConfig: {
    query: fc
      .oneof(fc.constantFrom('group', 'person', 'org', 'externalContact', 'GROUP'), wildString)
      .map((t) => `type=${encodeComponent(t)}`),
  },
  listUsers: {},
  getMe: {},
  searchUsersByQ64: { query: q64Query },
  searchUsers: { body: bodyOf(searchRequest) },
  getUser: { params: userIdArb.map((userId) => ({ userId })) },
  patchUserPresence: {
    params: fc.record({ userId: userIdArb, sourceId: fc.oneof(fc.constantFrom('PURECLOUD', 'purecloud'), wildString) }),
    body: bodyOf(presenceBody),
  },
  getTokenInfo: {},
  postNotificationsChannels: {},
  getNotificationsChannels: { query: fc.constantFrom('includechannels=token', 'includechannels=oauthclient') },
  headNotificationsChannel: { params: channelParams },
  getNotificationsChannelSubscriptions: { params: channelParams },
  putNotificationsChannelSubscriptions: { params: channelParams, body: bodyOf(topicsBody) },
  postNotificationsChannelSubscriptions: { params: channelParams, body: bodyOf(topicsBody) },
  deleteNotificationsChannelSubscriptions: { params: channelParams },
  getNotificationsAvailabletopics: { query: fc.constantFrom('expand=description,schema', 'expand=schema&expand=x') },
  getOrganizationMe: {},
  revokeToken: { skip: 'revokes the token the property tests use; covered by explicit cases below' },
  queryAuditsRealtime: { body: bodyOf(auditQueryBody) },
  getAuditRealtimeServiceMapping: {},
  createAuditQuery: { body: bodyOf(auditQueryBody) },
  getAuditQueryStatus: { params: transactionParams },
  getAuditQueryResults: {
    params: transactionParams,
    query: fc.oneof(wildString, fc.base64String({ maxLength: 40 })).map((c) => `cursor=${encodeComponent(c)}`),
  },
  getAuthorizationRoles: { query: wildString.map((n) => `name=${encodeComponent(n)}`) },
  getAuthorizationRole: { params: subjectParams },
  getAuthorizationRoleSubjectgrants: { params: subjectParams },
  getAuthorizationDivisions: { query: wildString.map((n) => `name=${encodeComponent(n)}`) },
  getAuthorizationDivisionsHome: {},
  getAuthorizationDivisionspermittedPagedMe: { query: wildString.map((p) => `permission=${encodeComponent(p)}`) },
  getAuthorizationSubject: { params: subjectParams },
  postAuthorizationSubjectBulkadd: { params: subjectParams, query: subjectTypeQuery, body: bodyOf(grantsBody) },
  postAuthorizationSubjectBulkremove: { params: subjectParams, body: bodyOf(grantsBody) },
  postAuthorizationSubjectDivisionRole: { params: subjectParams, query: subjectTypeQuery },
  deleteAuthorizationSubjectDivisionRole: { params: subjectParams },
};

const resolveParams = (params: Record<string, string> | undefined) => {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v === '@scratch' ? scratchGroupId : v === '@channel' ? channelId : v]),
  );
};
const resolveQuery = (query: string) => query.replace(/@user(\d)/g, (m, i: string) => knownUserIds[Number(i)] ?? m);

describe('every operation survives arbitrary input (property tests)', () => {
  it('covers every operation of the document', () => {
    expect(Object.keys(SPECS).sort()).toEqual(operationIds().sort());
  });

  for (const [operationId, spec] of Object.entries(SPECS)) {
    if (spec.skip) continue;
    it(`${operationId}: never a 500, always a documented answer, rejected requests change nothing`, async () => {
      const queryArb = spec.query
        ? fc.oneof(
            { weight: 3, arbitrary: spec.query },
            { weight: 1, arbitrary: queryString },
            fc.tuple(spec.query, queryString).map(([a, b]) => [a, b].filter(Boolean).join('&')),
          )
        : queryString;
      const property = fc.asyncProperty(
        spec.params ?? fc.constant(undefined),
        queryArb,
        spec.body ?? fc.constant({}),
        async (params, query, body) => {
          // Request lines beyond Node's 16 KB header limit are refused by the HTTP parser itself (431).
          fc.pre(
            Object.values(params ?? {})
              .map(encodeComponent)
              .join('').length +
              query.length <
              MAX_URL_LENGTH,
          );
          await send(operationId, { params: resolveParams(params), query: resolveQuery(query), ...body });
        },
      );
      await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: 10_000 });
    });
  }
});

describe('explicit bad input', () => {
  const group = () => ({ groupId: scratchGroupId });

  it('malformed JSON → 400 bad.request', async () => {
    for (const rawBody of ['{', '{"name": "x",}', '[', 'undefined', "{'name':'x'}"]) {
      expectErrorBody(await send('createGroup', { rawBody }), 400, 'bad.request');
      expectErrorBody(await send('updateGroup', { params: group(), rawBody }), 400, 'bad.request');
      expectErrorBody(await send('searchGroups', { rawBody }), 400, 'bad.request');
      expectErrorBody(await send('addGroupMembers', { params: group(), rawBody }), 400, 'bad.request');
    }
  });

  it('a body over 1 MB → 413', async () => {
    const big = JSON.stringify({
      name: 'x'.repeat(2 * 1024 * 1024),
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
    });
    expectErrorBody(await send('createGroup', { rawBody: big }), 413);
    expectErrorBody(
      await send('searchGroups', {
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
      await send('createGroup', { rawBody: 'name=x', contentType: 'text/plain' }),
      415,
      'unsupported.media.type',
    );
    expectErrorBody(
      await send('createGroup', { rawBody: 'name=x&type=official', contentType: 'application/x-www-form-urlencoded' }),
      415,
      'unsupported.media.type',
    );
    expectErrorBody(
      await send('addGroupMembers', { params: group(), rawBody: '<memberIds/>', contentType: 'application/xml' }),
      415,
      'unsupported.media.type',
    );
  });

  it('paging extremes → 400 bad.request, never 500', async () => {
    for (const operationId of ['listGroups', 'listGroupProfiles', 'listUsers']) {
      for (const pageSize of ['0', '-1', '501', '1e309', 'abc', '1.5']) {
        expectErrorBody(await send(operationId, { query: `pageSize=${pageSize}` }), 400, 'bad.request');
      }
      for (const pageNumber of ['-5', '0', 'abc'])
        expectErrorBody(await send(operationId, { query: `pageNumber=${pageNumber}` }), 400, 'bad.request');
    }
    for (const pageSize of ['0', '-1', '501', '1e309', 'abc']) {
      expectErrorBody(
        await send('listGroupMembers', { params: { groupId: DEMO_GROUPS.allStaff.id }, query: `pageSize=${pageSize}` }),
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
      expectErrorBody(await send('searchGroups', { rawBody }), 400, 'bad.request');
      expectErrorBody(await send('searchUsers', { rawBody }), 400, 'bad.request');
    }
  });

  it('51 ids → 400 bad.request, and nothing changes', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => knownUserIds[i] ?? `user-${i}`);
    expectErrorBody(await send('removeGroupMembers', { params: group(), query: { ids } }), 400, 'bad.request');
    expectErrorBody(await send('addGroupMembers', { params: group(), body: { memberIds: ids } }), 400, 'bad.request');
    // Many ids in a filter are fine (the answer simply holds the groups that exist).
    const many = await send('listGroups', {
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
      expectErrorBody(await send('searchGroupsByQ64', { query: { q64 } }), 400, 'bad.request');
      expectErrorBody(await send('searchUsersByQ64', { query: { q64 } }), 400, 'bad.request');
    }
  });

  it('LIKE metacharacters in search values are literal', async () => {
    for (const value of ['%', '_', '\\', '%%', '_%_']) {
      for (const type of ['CONTAINS', 'STARTS_WITH', 'EXACT', 'TERM']) {
        const res = await send('searchGroups', {
          body: { pageSize: 100, query: [{ type, fields: ['name', 'description'], value }] },
        });
        expect(res.status, `${type} ${value}`).toBe(200);
        for (const g of res.body.results as Array<{ name: string; description?: string }>) {
          expect(
            `${g.name} ${g.description ?? ''}`,
            `${type} ${JSON.stringify(value)} matched a group without it`,
          ).toContain(value);
        }
        const users = await send('searchUsers', {
          body: { pageSize: 100, query: [{ type, fields: ['name', 'email'], value }] },
        });
        expect(users.status).toBe(200);
        for (const u of users.body.results as Array<{ name: string; email?: string }>)
          expect(`${u.name} ${u.email ?? ''}`).toContain(value);
      }
    }
  });

  it('SQL in values is data', async () => {
    const before = (await send('listGroups', { query: { pageSize: 1 } })).body.total;
    for (const value of ["'; DROP TABLE groups; --", "' OR '1'='1", '" OR ""="', '1; DELETE FROM users']) {
      const res = await send('searchGroups', { body: { query: [{ type: 'EXACT', fields: ['name'], value }] } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
      expectErrorBody(await send('getGroup', { params: { groupId: value } }), 404, 'not.found');
      expect((await send('listGroups', { query: { id: value } })).body.entities).toEqual([]);
      expect(
        (await send('searchUsers', { body: { query: [{ type: 'CONTAINS', fields: ['name'], value }] } })).body.total,
      ).toBe(0);
    }
    expect((await send('listGroups', { query: { pageSize: 1 } })).body.total).toBe(before);
  });

  it('a catastrophic REGEX answers quickly', async () => {
    const created = await send('createGroup', {
      body: { name: `${'a'.repeat(60)}!`, type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(created.status).toBe(200);
    for (const value of ['(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}']) {
      const started = Date.now();
      const res = await send('searchGroups', {
        body: { query: [{ type: 'REGEX', fields: ['name', 'description'], value }] },
      });
      expect(Date.now() - started, value).toBeLessThan(3_000);
      expect([200, 400]).toContain(res.status);
    }
    const longPattern = await send('searchGroups', {
      body: { query: [{ type: 'REGEX', fields: ['name'], value: 'a'.repeat(10_000) }] },
    });
    expect([200, 400]).toContain(longPattern.status);
  });

  it('unicode, emoji and 10,000-character strings', async () => {
    const name = `Ñandú 日本語 😀👍🏽 ${Date.now()}`;
    const created = await send('createGroup', {
      body: { name, description: 'ÅÄÖ \u202e', type: 'social', visibility: 'public', rulesVisible: true },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.name).toBe(name);
    const found = await send('searchGroups', {
      body: { query: [{ type: 'EXACT', fields: ['name'], value: name.toUpperCase() }] },
    });
    expect(found.body.results.map((g: { id: string }) => g.id)).toContain(created.body.id);
    const emoji = await send('searchGroups', {
      body: { query: [{ type: 'CONTAINS', fields: ['name'], value: '😀👍🏽' }] },
    });
    expect(emoji.body.results.map((g: { id: string }) => g.id)).toContain(created.body.id);

    const long = 'x'.repeat(10_000);
    const longName = await send('createGroup', {
      body: { name: long, type: 'social', visibility: 'public', rulesVisible: true },
    });
    if (longName.status !== 200) expectErrorBody(longName, 400, 'bad.request');
    expect(
      (await send('searchGroups', { body: { query: [{ type: 'CONTAINS', fields: ['name'], value: long }] } })).status,
    ).toBeLessThan(500);
    expect((await send('listGroups', { query: { id: long } })).status).toBeLessThan(500);
    expect(
      (await send('searchUsers', { body: { query: [{ type: 'STARTS_WITH', fields: ['name'], value: long }] } })).status,
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
      expectErrorBody(await send(operationId, { params: { groupId: unknown } }), 404, 'not.found');
    }
    expectErrorBody(await send('getUser', { params: { userId: unknown } }), 404, 'not.found');
    const add = await send('addGroupMembers', { params: group(), body: { memberIds: [unknown] } });
    expectErrorBody(add, 400);
    expect(add.text).toContain(unknown);
    const owners = await send('updateGroup', { params: group(), body: { version: 1, ownerIds: [unknown] } });
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
      expectErrorBody(await send('createGroup', { body }), 400, 'bad.request');
    }
    expectErrorBody(
      await send('createGroup', { body: { name: 'x', type: 'secret', visibility: 'public', rulesVisible: true } }),
      400,
      'invalid.value',
    );
    expectErrorBody(
      await send('listGroupMembers', { params: { groupId: DEMO_GROUPS.small.id }, query: { expand: 'nonsense' } }),
      400,
    );
    expectErrorBody(await send('listUsers', { query: { state: 'weird' } }), 400);
    expectErrorBody(await send('getFieldConfig', { query: { type: 'spaceship' } }), 400);
  });

  it('a page number far past the last page answers an empty page or 400, within the documented int32', async () => {
    for (const operationId of ['listGroups', 'listGroupProfiles', 'listUsers']) {
      const far = await send(operationId, { query: 'pageNumber=99999999999' });
      if (far.status === 200) expect(far.body.entities).toEqual([]);
      else expectErrorBody(far, 400, 'bad.request');
    }
    const far = await send('listGroupMembers', {
      params: { groupId: DEMO_GROUPS.allStaff.id },
      query: 'pageNumber=99999999999',
    });
    if (far.status === 200) expect(far.body.entities).toEqual([]);
    else expectErrorBody(far, 400, 'bad.request');
  });

  it('a 10,000-character id is an unknown id: 404 not.found', async () => {
    const long = 'x'.repeat(10_000);
    expectErrorBody(await send('getGroup', { params: { groupId: long } }), 404, 'not.found');
    expectErrorBody(await send('listGroupMembers', { params: { groupId: long } }), 404, 'not.found');
    expectErrorBody(await send('getUser', { params: { userId: long } }), 404, 'not.found');
  });

  it('revokeToken with junk is harmless', async () => {
    for (const token of ['not-a-token', '', 'x'.repeat(5000)]) {
      const res = await call('revokeToken', { token, query: 'x=%ZZ&&=' });
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expectErrorBody(res, res.status);
      watcher.check(res.status >= 400, `revokeToken ${token.slice(0, 20)}`);
    }
    // A throwaway token, revoked with a junk query string: the admin token still works.
    const throwaway = await server.tokenFor('admin');
    const res = await call('revokeToken', { token: throwaway, query: 'x=%ZZ&&=' });
    expect(res.status).toBeLessThan(500);
    expect((await send('getTokenInfo', {})).status).toBe(200);
  });
});
